package org.openbpo.work;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditEntry;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.openbpo.workforce.DeliveryCentre;
import org.openbpo.workforce.DeliveryCentres;
import org.openbpo.workforce.OpenDeliveryCentre;
import org.openbpo.workforce.Shore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the work engine does when the workforce changes, however the change was made. */
class WorkforceChangesTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    WorkFixture.Setup setup;
    String items;
    Api maker;

    @BeforeEach
    void aClientUnderContract() {
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("WFC"));
        items = "/api/v1/clients/" + setup.client().id() + "/work-items";
        maker = api().as(setup.makerToken());
    }

    @Test
    void anAgentWhoGoesOfflineThroughTheApiGetsNoWorkFromThatMomentOn() {
        assertThat(maker.post("/api/v1/work/next", "").status()).as("nothing waits yet; routing is remembered").isEqualTo(404);

        Api.Response offline = maker.put("/api/v1/agents/" + setup.maker().id() + "/presence", Map.of("presence", "OFFLINE"));
        assertThat(offline.status()).as(offline.body().toString()).isEqualTo(200);
        long id = raise("Change of beneficiary");

        Api.Response next = maker.post("/api/v1/work/next", "");
        assertThat(next.status()).as(next.body().toString()).isEqualTo(409);
        assertThat(next.text("code")).isEqualTo("not-available");
        assertThat(maker.get(items + "/" + id).body().path("assigneeId").isNull()).isTrue();
    }

    @Test
    void workHeldByAnAgentWhoseCertificationIsWithdrawnGoesBackToItsQueue() {
        long inHand = raise("Change of address");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(inHand);
        assertThat(move(maker, inHand, "processing").status()).isEqualTo(200);
        long inCheck = raise("Bank detail change");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(inCheck);
        assertThat(move(maker, inCheck, "processing").status()).isEqualTo(200);
        assertThat(move(maker, inCheck, "checking").status()).isEqualTo(200);

        Api admin = api().as(setup.adminToken());
        Api.Response revoked = admin.delete("/api/v1/agents/" + setup.maker().id() + "/certifications/" + setup.client().id());
        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(204);

        Api.Response released = admin.get(items + "/" + inHand);
        assertThat(released.body().path("assigneeId").isNull()).as(released.body().toString()).isTrue();
        assertThat(released.text("state")).as("its work so far stays done").isEqualTo("processing");
        assertThat(lastTimelineEntry(admin, inHand).path("type").asString()).isEqualTo("released");
        assertThat(lastTimelineEntry(admin, inHand).path("data").asString()).contains("certification");
        assertThat(TenantScope.call(AllowedClients.ALL, () -> context.getBean(AuditTrail.class)
                .history(setup.client().id(), "work-item", inHand))).extracting(AuditEntry::action).contains("work-item.released");
        Api.Response checking = admin.get(items + "/" + inCheck);
        assertThat(checking.body().path("assigneeId").isNull()).as("waiting for its check, it leaves its maker's hands too").isTrue();
        assertThat(checking.text("makerId")).as("the maker stays recorded").isEqualTo(setup.maker().id().toString());

        assertThat(maker.post("/api/v1/work/next", "").status()).as("nothing of the client for them any more").isEqualTo(404);
        Api checker = api().as(setup.checkerToken());
        assertThat(checker.post("/api/v1/work/next", "").body().path("id").asLong()).as("back in its queue").isEqualTo(inHand);
        assertThat(move(checker, inCheck, "completed").status()).as("any other checker approves it").isEqualTo(200);
    }

    @Test
    void workHeldAtACentreNoLongerAllowedTheClientsDataGoesBackToItsQueue() {
        long id = raise("Change of address");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);

        Api admin = api().as(setup.adminToken());
        Api.Response disallowed = admin.delete("/api/v1/centres/" + setup.centre().id() + "/clients/" + setup.client().id());
        assertThat(disallowed.status()).as(disallowed.body().toString()).isEqualTo(204);

        assertThat(admin.get(items + "/" + id).body().path("assigneeId").isNull()).isTrue();
        assertThat(lastTimelineEntry(admin, id).path("type").asString()).isEqualTo("released");
        assertThat(lastTimelineEntry(admin, id).path("data").asString()).contains("data");
        assertThat(maker.post("/api/v1/work/next", "").status()).isEqualTo(404);
    }

    @Test
    void workHeldByAnAgentMovedToACentreNotAllowedTheClientsDataGoesBackToItsQueue() {
        long id = raise("Change of address");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);
        CurrentUser admin = providerAdministrator();
        DeliveryCentre elsewhere = TenantScope.call(AllowedClients.ALL, () -> context.getBean(DeliveryCentres.class).open(
                new OpenDeliveryCentre(unique("MV"), "Elsewhere", Shore.NEARSHORE, "PL", "Europe/Warsaw", 9_000, "PLN", null, null),
                admin));

        Api.Response moved = api().as(setup.adminToken()).put("/api/v1/agents/" + setup.maker().id(), Map.of(
                "centreId", elsewhere.id().toString(), "capacity", 5));
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);

        assertThat(api().as(setup.adminToken()).get(items + "/" + id).body().path("assigneeId").isNull()).isTrue();
        assertThat(lastTimelineEntry(api().as(setup.adminToken()), id).path("data").asString()).contains("moved");
    }

    @Test
    void workHeldByAnAgentWhoIsDeactivatedGoesBackToItsQueueAndTheyGoOffline() throws Exception {
        long inHand = raise("Change of address");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(inHand);
        assertThat(move(maker, inHand, "processing").status()).isEqualTo(200);
        long inCheck = raise("Bank detail change");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(inCheck);
        assertThat(move(maker, inCheck, "processing").status()).isEqualTo(200);
        assertThat(move(maker, inCheck, "checking").status()).isEqualTo(200);

        Api admin = api().as(setup.adminToken());
        Api.Response disabled = admin.patch("/api/v1/users/" + setup.maker().id(), Map.of("status", "DISABLED"));
        assertThat(disabled.status()).as(disabled.body().toString()).isEqualTo(200);

        for (long id : new long[] {inHand, inCheck}) {
            assertThat(admin.get(items + "/" + id).body().path("assigneeId").isNull()).as("item " + id).isTrue();
            assertThat(lastTimelineEntry(admin, id).path("type").asString()).isEqualTo("released");
            assertThat(lastTimelineEntry(admin, id).path("data").asString()).contains("deactivated");
            assertThat(openHandlingStretches(id)).as("handle time stopped").isZero();
            assertThat(TenantScope.call(AllowedClients.ALL, () -> context.getBean(AuditTrail.class)
                    .history(setup.client().id(), "work-item", id))).extracting(AuditEntry::action).contains("work-item.released");
        }
        assertThat(admin.get(items + "/" + inHand).text("state")).as("its work so far stays done").isEqualTo("processing");
        assertThat(admin.get("/api/v1/agents/" + setup.maker().id()).text("presence")).isEqualTo("OFFLINE");

        Api checker = api().as(setup.checkerToken());
        assertThat(checker.post("/api/v1/work/next", "").body().path("id").asLong()).as("back in its queue").isEqualTo(inHand);
        assertThat(move(checker, inCheck, "completed").status()).as("any other checker approves it").isEqualTo(200);
    }

    private long openHandlingStretches(long id) throws Exception {
        try (var superuser = TestDatabase.get().superuserConnection();
             var open = superuser.prepareStatement("select count(*) from work.handle_time"
                     + " where client_id = ? and item_id = ? and ended_at is null")) {
            open.setObject(1, setup.client().id());
            open.setLong(2, id);
            try (var row = open.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Api.Response move(Api as, long id, String to) {
        return as.post(items + "/" + id + "/moves", Map.of("to", to));
    }

    private JsonNode lastTimelineEntry(Api as, long id) {
        JsonNode timeline = as.get(items + "/" + id + "/timeline").body();
        return timeline.get(timeline.size() - 1);
    }

    private long raise(String title) {
        Api.Response raised = api().as(setup.requesterToken()).post(items, Map.of("serviceLine", "policy-admin", "title", title,
                "form", Map.of("requestType", "other", "details", title)));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        return raised.body().path("id").asLong();
    }
}
