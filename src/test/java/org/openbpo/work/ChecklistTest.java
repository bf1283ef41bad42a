package org.openbpo.work;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.FormSession;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.domain.WorkTypeTemplates;
import org.openbpo.work.persistence.WorkItemRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that wants proof its procedure was followed gets a checklist the agents tick: the back-office
 * request of Albion Mutual requires its two steps ticked before the check approves the work, and the
 * engine refuses the approval until they are. Work types that do not ask for it run as they always did.
 */
class ChecklistTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    WorkFixture.Setup setup;
    String items;
    Api maker;
    Api checker;

    @BeforeEach
    void aClientUnderContract() {
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CKL"));
        items = "/api/v1/clients/" + setup.client().id() + "/work-items";
        maker = api().as(setup.makerToken());
        checker = api().as(setup.checkerToken());
    }

    @Test
    void theCheckCannotApproveWorkBeforeEveryStepIsTicked() {
        requireTheChecklist();
        long id = inCheck("Change of address");

        Api.Response refused = move(checker, id, "completed");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("checklist-incomplete");
        assertThat(refused.text("field")).isEqualTo("checklist");
        assertThat(refused.text("detail")).contains("1. Request authorised by the client", "2. Source documents attached");
        assertThat(maker.get(items + "/" + id).text("state")).isEqualTo("checking");

        Api.Response first = checker.put(items + "/" + id + "/checklist/1", "");
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("required").asBoolean()).isTrue();
        assertThat(first.body().path("steps").get(0).path("ticked").asBoolean()).isTrue();
        assertThat(first.body().path("steps").get(0).path("tickedBy").asString()).isEqualTo(setup.checker().email());
        Api.Response half = move(checker, id, "completed");
        assertThat(half.status()).isEqualTo(422);
        assertThat(half.text("detail")).contains("2. Source documents attached").doesNotContain("1. Request authorised");

        assertThat(checker.put(items + "/" + id + "/checklist/2", "").status()).isEqualTo(200);
        Api.Response item = maker.get(items + "/" + id);
        assertThat(item.body().path("checklist").path("steps").size()).isEqualTo(2);
        assertThat(item.body().path("checklist").path("steps").get(1).path("ticked").asBoolean()).isTrue();
        assertThat(item.text("title")).as("the item's own fields stay where they were").isEqualTo("Change of address");

        Api.Response approved = move(checker, id, "completed");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(checker.delete(items + "/" + id + "/checklist/2").status()).as("a closed item's checklist stays").isEqualTo(409);

        List<String> timeline = types(id);
        assertThat(timeline).containsSubsequence("checklist-ticked", "checklist-ticked", "moved");
        assertThat(audited(id, "work-item.checklist-ticked")).isEqualTo(2);
    }

    @Test
    void anUntickedStepKeepsTheWorkFromBeingDone() {
        requireTheChecklist();
        long id = raise("Bank detail change");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);
        assertThat(move(maker, id, "processing").status()).isEqualTo(200);
        assertThat(maker.put(items + "/" + id + "/checklist/1", "").status()).isEqualTo(200);
        assertThat(maker.put(items + "/" + id + "/checklist/2", "").status()).isEqualTo(200);
        assertThat(checker.put(items + "/" + id + "/checklist/1", "").status()).as("not the holder's colleague").isEqualTo(403);
        Api.Response unticked = maker.delete(items + "/" + id + "/checklist/1");
        assertThat(unticked.status()).as(unticked.body().toString()).isEqualTo(200);
        assertThat(unticked.body().path("steps").get(0).path("ticked").asBoolean()).isFalse();
        assertThat(maker.put(items + "/" + id + "/checklist/3", "").status()).as("no third step").isEqualTo(404);
        assertThat(move(maker, id, "checking").status()).isEqualTo(200);

        Api.Response refused = move(checker, id, "completed");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).contains("1. Request authorised by the client").doesNotContain("2. Source documents");
        assertThat(types(id)).contains("checklist-unticked");
        assertThat(audited(id, "work-item.checklist-unticked")).isEqualTo(1);
    }

    /**
     * A close decided on the ticks it read must not land after an untick: every tick and untick changes the item's row
     * version, and a move writes only the version it read (otherwise it reads the item and the ticks again).
     */
    @Test
    void aTickOrAnUntickChangesTheVersionACloseWasDecidedOn() {
        requireTheChecklist();
        long id = raise("Payee name change");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);
        String before = version(id);
        assertThat(maker.put(items + "/" + id + "/checklist/1", "").status()).isEqualTo(200);
        String ticked = version(id);
        assertThat(ticked).as("a tick").isNotEqualTo(before);
        assertThat(maker.put(items + "/" + id + "/checklist/1", "").status()).isEqualTo(200);
        assertThat(version(id)).as("ticking a ticked step changes nothing").isEqualTo(ticked);
        assertThat(maker.delete(items + "/" + id + "/checklist/1").status()).isEqualTo(200);
        assertThat(version(id)).as("an untick").isNotEqualTo(ticked);
    }

    @Test
    void withoutTheFlagTheChecklistIsGuidanceAndNothingChanges() {
        long id = inCheck("Leaver");
        Api.Response item = maker.get(items + "/" + id);
        assertThat(item.body().path("checklist").path("required").asBoolean()).isFalse();
        Api.Response approved = move(checker, id, "completed");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    }

    @Test
    void anotherClientsIdFindsNoChecklist() {
        requireTheChecklist();
        long id = inCheck("New starter");
        WorkFixture.Setup other = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CKO"));
        String elsewhere = "/api/v1/clients/" + other.client().id() + "/work-items/" + id;
        Api admin = api().as(setup.adminToken());
        assertThat(admin.put(elsewhere + "/checklist/1", "").status()).isEqualTo(404);
        assertThat(admin.delete(elsewhere + "/checklist/1").status()).isEqualTo(404);
        assertThat(admin.get(elsewhere + "/checklist").status()).isEqualTo(404);
        Api otherAgent = api().as(other.makerToken());
        assertThat(otherAgent.put(items + "/" + id + "/checklist/1", "").status()).isEqualTo(404);
        assertThat(otherAgent.put(elsewhere + "/checklist/1", "").status()).isEqualTo(404);
        assertThat(checker.get(items + "/" + id + "/checklist").body().path("steps").get(0).path("ticked").asBoolean()).isFalse();
    }

    @Test
    void theFlagNeedsAChecklist() {
        Map<String, Object> definition = new HashMap<>(Map.of("code", "returns-check", "name", "Returns check",
                "initialState", "new", "states", List.of(Map.of("code", "new", "label", "New", "category", "NEW"),
                        Map.of("code", "closed", "label", "Closed", "category", "DONE")),
                "transitions", List.of(Map.of("from", "new", "to", "closed", "label", "Close")),
                "checklist", List.of(), "makerChecker", false, "qaSampleRate", "0.05", "billableUnit", "item"));
        definition.put("checklistRequired", true);
        Api admin = api().as(setup.adminToken());
        String path = "/api/v1/clients/" + setup.client().id() + "/work-types";
        Api.Response refused = admin.post(path, definition);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.text("field")).isEqualTo("checklistRequired");

        definition.put("checklist", List.of("Parcel opened", "Contents counted"));
        Api.Response defined = admin.post(path, definition);
        assertThat(defined.status()).as(defined.body().toString()).isEqualTo(201);
        assertThat(defined.body().path("definition").path("checklistRequired").asBoolean()).isTrue();
        assertThat(admin.get(path).body().toString()).contains("\"checklistRequired\":true");
    }

    @Test
    void theItemPageTicksAStepAndShowsTheRefusal() throws Exception {
        requireTheChecklist();
        long id = raise("Change of address");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);
        FormSession page = new FormSession(port, setup.maker().email(), "long enough password");
        String itemPage = "/work/" + setup.client().id() + "/" + id;

        HttpResponse<String> shown = page.get(itemPage);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"step-1\"", "hx-post=\"" + itemPage + "/checklist/1\"",
                "Tick every step before done");

        HttpResponse<String> ticked = page.htmx(itemPage + "/checklist/1", Map.of("ticked", "true"));
        assertThat(ticked.statusCode()).as(ticked.body()).isEqualTo(200);
        assertThat(ticked.body()).contains("id=\"procedure\"", "data-step=\"1\" data-ticked=\"true\"");
        HttpResponse<String> unticked = page.htmx(itemPage + "/checklist/1", Map.of());
        assertThat(unticked.body()).contains("data-step=\"1\" data-ticked=\"false\"");
        page.htmx(itemPage + "/checklist/1", Map.of("ticked", "true"));

        HttpResponse<String> move = page.htmx(itemPage + "/moves", Map.of("to", "processing"));
        assertThat(move.statusCode()).isEqualTo(302);
        assertThat(move(maker, id, "checking").status()).isEqualTo(200);
        FormSession check = new FormSession(port, setup.checker().email(), "long enough password");
        HttpResponse<String> refused = check.htmx(itemPage + "/moves", Map.of("to", "completed"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"problem\"", "2. Source documents attached");

        HttpResponse<String> notHis = new FormSession(port, other().email(), "long enough password")
                .htmx(itemPage + "/checklist/2", Map.of("ticked", "true"));
        assertThat(notHis.statusCode()).as("the lead-less colleague of another client sees nothing").isEqualTo(404);
    }

    @Test
    void withoutJavaScriptEachStepIsSavedByItsButtonAndTheItemPageComesBack() throws Exception {
        requireTheChecklist();
        long id = raise("Change of bank");
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);
        FormSession page = new FormSession(port, setup.maker().email(), "long enough password");
        String itemPage = "/work/" + setup.client().id() + "/" + id;
        assertThat(page.get(itemPage).body()).contains("<noscript><button type=\"submit\"");

        HttpResponse<String> ticked = page.post(itemPage + "/checklist/1", Map.of("ticked", "true"));
        assertThat(ticked.statusCode()).isEqualTo(302);
        assertThat(ticked.headers().firstValue("Location").orElseThrow()).endsWith(itemPage + "#procedure");
        assertThat(page.get(itemPage).body()).contains("data-step=\"1\" data-ticked=\"true\"");
        assertThat(page.post(itemPage + "/checklist/1", Map.of()).statusCode()).as("the box left empty").isEqualTo(302);
        assertThat(page.get(itemPage).body()).contains("data-step=\"1\" data-ticked=\"false\"");

        Api.Response rejected = move(maker, id, "rejected");
        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
        HttpResponse<String> refused = page.post(itemPage + "/checklist/2", Map.of("ticked", "true"));
        assertThat(refused.statusCode()).as("a closed item's checklist stays").isEqualTo(409);
        assertThat(refused.body()).contains("id=\"problem\"", "checklist stays as it was closed.");
    }

    @Test
    void theAdministratorRequiresTheChecklistOnTheWorkTypesPage() throws Exception {
        long before = raise("Address change raised before");
        FormSession admin = new FormSession(port, providerAdministrator().email(), "correct horse battery");
        String typePage = "/admin/work-types/" + setup.client().id() + "/back-office-request";
        assertThat(admin.get(typePage).body()).contains("Guidance only", "Require every step ticked before done");

        HttpResponse<String> saved = admin.post(typePage + "/checklist-required", Map.of("required", "true"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.get(typePage).body()).contains("Agents tick every step before the work can be done", "version 2");
        assertThat(maker.get(items + "/" + before).body().path("checklist").path("required").asBoolean())
                .as("work raised before keeps its version").isFalse();
        assertThat(maker.get(items + "/" + raise("Address change raised after")).body().path("checklist").path("required")
                .asBoolean()).isTrue();
    }

    private org.openbpo.tenancy.User other() {
        return new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CKP")).maker();
    }

    private void requireTheChecklist() {
        TenantScope.call(AllowedClients.ALL, () -> context.getBean(WorkTypes.class).define(setup.client().id(),
                WorkTypeTemplates.backOfficeRequest().withChecklistRequired(true)));
    }

    private long inCheck(String title) {
        long id = raise(title);
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);
        assertThat(move(maker, id, "processing").status()).isEqualTo(200);
        assertThat(move(maker, id, "checking").status()).isEqualTo(200);
        return id;
    }

    private List<String> types(long id) {
        return TenantScope.call(AllowedClients.ALL, () -> context.getBean(WorkItems.class).timeline(setup.client().id(), id))
                .stream().map(TimelineEntry::type).toList();
    }

    private String version(long id) {
        return TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> context.getBean(WorkItemRows.class)
                .read(setup.client().id(), id).orElseThrow().version()));
    }

    private long audited(long id, String action) {
        return TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from audit.record where client_id = ? and entity_id = ? and action = ?")
                        .params(setup.client().id(), String.valueOf(id), action).query(Long.class).single()));
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
