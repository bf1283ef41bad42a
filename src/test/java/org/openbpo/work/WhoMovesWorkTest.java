package org.openbpo.work;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Work in an agent's hands is theirs: other agents do not move it, team leads do, and the check is a second person's. */
class WhoMovesWorkTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    WorkFixture.Setup setup;
    String items;
    Api maker;
    Api checker;

    @BeforeEach
    void aClientUnderContract() {
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("WMW"));
        items = "/api/v1/clients/" + setup.client().id() + "/work-items";
        maker = api().as(setup.makerToken());
        checker = api().as(setup.checkerToken());
    }

    @Test
    void anotherAgentCannotMoveWorkAnAgentHolds() {
        long id = raise("Change of address");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);

        assertThat(checker.get(items + "/" + id + "/moves").body().size()).as("no moves offered to another agent").isZero();
        Api.Response completed = move(checker, id, "processing");
        assertThat(completed.status()).as(completed.body().toString()).isEqualTo(403);
        assertThat(completed.text("code")).isEqualTo("not-your-item");
        assertThat(completed.text("field")).isEqualTo("assignee");
        assertThat(maker.get(items + "/" + id).text("state")).isEqualTo("received");

        assertThat(maker.get(items + "/" + id + "/moves").body().size()).as("its holder's moves").isPositive();
        assertThat(move(maker, id, "processing").status()).isEqualTo(200);
        assertThat(move(checker, id, "query_to_client").status()).as("pending it is the holder's too").isEqualTo(403);
    }

    @Test
    void aTeamLeadMovesWorkWhoeverHoldsIt() {
        long id = raise("Change of address");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);

        Api lead = api().as(teamLeadToken());
        assertThat(lead.get(items + "/" + id + "/moves").body().size()).isPositive();
        Api.Response moved = move(lead, id, "processing");
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(moved.text("assigneeId")).as("still the agent's work").isEqualTo(setup.maker().id().toString());
    }

    @Test
    void aCheckerApprovesWorkItsMakerSentForItsCheck() {
        long id = raise("Bank detail change");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);
        assertThat(move(maker, id, "processing").status()).isEqualTo(200);
        assertThat(move(maker, id, "checking").status()).isEqualTo(200);

        assertThat(checker.get(items + "/" + id + "/moves").body().size()).isPositive();
        Api.Response approved = move(checker, id, "completed");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    }

    @Test
    void nobodyWhoMadeTheWorkOrSentItForItsCheckInAnyRoundApprovesIt() {
        long id = raise("Bank detail change");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);
        assertThat(move(maker, id, "processing").status()).isEqualTo(200);
        // the lead sends the maker's work for its check: the maker is recorded, the lead sent it
        Api lead = api().as(teamLeadToken());
        assertThat(move(lead, id, "checking").text("makerId")).isEqualTo(setup.maker().id().toString());
        // it comes back for correction, a second agent takes it over and sends it for its check in their own name
        assertThat(move(lead, id, "processing").status()).isEqualTo(200);
        Api admin = api().as(setup.adminToken());
        assertThat(admin.put(items + "/" + id + "/assignment", Map.of("agentId", setup.checker().id().toString())).status())
                .isEqualTo(200);
        assertThat(move(checker, id, "checking").text("makerId")).isEqualTo(setup.checker().id().toString());

        assertThat(maker.get(items + "/" + id + "/moves").body().findValuesAsString("to"))
                .as("approval is not offered to the first round's maker").doesNotContain("completed");
        Api.Response byFirstMaker = move(maker, id, "completed");
        assertThat(byFirstMaker.status()).as(byFirstMaker.body().toString()).isEqualTo(409);
        assertThat(byFirstMaker.text("code")).isEqualTo("checker-is-maker");
        Api.Response byFirstSender = move(lead, id, "completed");
        assertThat(byFirstSender.status()).as(byFirstSender.body().toString()).isEqualTo(409);
        assertThat(byFirstSender.text("code")).isEqualTo("checker-is-maker");
        assertThat(move(checker, id, "completed").text("code")).isEqualTo("checker-is-maker");

        api().as(setup.requesterToken()).get(items + "/" + id + "/timeline").body().forEach(entry ->
                assertThat(entry.path("data").asString()).as("the client is not told who made the work").doesNotContain("maker"));
        assertThat(lead.get(items + "/" + id + "/timeline").body().findValuesAsString("data"))
                .anyMatch(data -> data.contains(setup.maker().id().toString()));
        Api.Response bySecondPerson = move(admin, id, "completed");
        assertThat(bySecondPerson.status()).as(bySecondPerson.body().toString()).isEqualTo(200);
    }

    @Test
    void unassignedWorkIsTheTeams() {
        long id = raise("Change of address");
        Api.Response started = move(checker, id, "processing");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
    }

    private String teamLeadToken() {
        CurrentUser admin = providerAdministrator();
        return TenantScope.call(AllowedClients.ALL, () -> {
            User lead = context.getBean(Users.class).invite(new InviteUser(null, IntegrationTestNames.email("lead"), "Team Lead",
                    "long enough password", Set.of(Role.TEAM_LEAD), false, Set.of(setup.client().id())), admin);
            return context.getBean(ApiTokens.class).issue(CurrentUser.of(lead), "tests", null, Duration.ofDays(1)).secret();
        });
    }

    private Api.Response move(Api as, long id, String to) {
        return as.post(items + "/" + id + "/moves", Map.of("to", to));
    }

    private long raise(String title) {
        Api.Response raised = api().as(setup.requesterToken()).post(items, Map.of("serviceLine", "policy-admin", "title", title,
                "form", Map.of("requestType", "other", "details", title)));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        return raised.body().path("id").asLong();
    }
}
