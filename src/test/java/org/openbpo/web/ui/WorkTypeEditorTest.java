package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.FormSession;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.openbpo.work.WorkTypes;
import org.openbpo.work.domain.FieldType;
import org.openbpo.work.domain.FormField;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkState;
import org.openbpo.work.domain.WorkTransition;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.openbpo.work.domain.WorkTypeTemplates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work type editor over plain HTTP, as a browser without scripts sends it: a definition that does
 * not hold together comes back with the reason beside the row and every value as typed, and nothing is
 * saved; another client's work type, or a client that does not exist, is not found.
 */
class WorkTypeEditorTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkTypes workTypes;
    @Autowired
    Users users;

    @Test
    void aDuplicateStateAndAMoveToAMissingStateComeBackWithTheReasonsAndTheTypedValuesAndNothingIsSaved() throws Exception {
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(admin, unique("WTF"));
        UUID client = setup.client().id();
        String edit = "/admin/work-types/" + client + "/back-office-request/edit";
        WorkTypeDefinition before = version(client).definition();
        FormSession session = new FormSession(port, admin.email(), PASSWORD);

        HttpResponse<String> page = session.get(edit);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"states[0].code\"").contains("value=\"received\"");

        Map<String, String> form = params(before);
        int state = before.states().size();
        form.put("states[" + state + "].code", "processing");
        form.put("states[" + state + "].label", "Processing again");
        form.put("states[" + state + "].category", "OPEN");
        int move = before.transitions().size();
        form.put("moves[" + move + "].from", "processing");
        form.put("moves[" + move + "].to", "nowhere");
        form.put("moves[" + move + "].label", "Go nowhere");
        form.put("name", "Back-office request, renamed");
        HttpResponse<String> refused = session.post(edit, form);

        assertThat(refused.statusCode()).isEqualTo(200);
        String body = refused.body();
        assertThat(body).contains("Please correct the marked fields: nothing was saved.")
                .contains("state processing is listed twice")
                .contains("no state nowhere among the states above")
                .contains("value=\"Processing again\"").contains("value=\"nowhere\"").contains("value=\"Go nowhere\"")
                .contains("value=\"Back-office request, renamed\"")
                .doesNotContain("Exception").doesNotContain("at org.openbpo");
        assertThat(cellWithError(body, "states-" + state + "-code")).as("the reason is beside the duplicate row").isTrue();
        assertThat(cellWithError(body, "moves-" + move + "-to")).as("the reason is beside the move").isTrue();
        assertThat(version(client).version()).as("nothing saved").isEqualTo(1);

        form.put("qaPercent", "140");
        form.remove("states[" + state + "].code");
        form.put("states[" + state + "].code", "");
        form.put("states[" + state + "].label", "");
        form.put("moves[" + move + "].to", "completed");
        assertThat(session.post(edit, form).body()).contains("must be a percentage from 0 to 100")
                .contains("with maker-checker, work reaches Done only from a state meaning Review");
        assertThat(version(client).version()).isEqualTo(1);

        form.put("qaPercent", "7.5");
        form.put("moves[" + move + "].to", "rejected");
        HttpResponse<String> saved = session.post(edit, form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(version(client).version()).isEqualTo(2);
        assertThat(version(client).definition().qaSampleRate()).isEqualByComparingTo("0.075");
        assertThat(version(client).definition().name()).isEqualTo("Back-office request, renamed");

        HttpResponse<String> stale = session.post(edit, form);
        assertThat(stale.body()).as("a page read before version 2 does not replace it unseen")
                .contains("Version 2 was saved by someone else after you opened this page");
        assertThat(version(client).version()).isEqualTo(2);
    }

    @Test
    void theEditorSaysHowManyOpenItemsEachOlderVersionStillRuns() throws Exception {
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(admin, unique("WTV"));
        UUID client = setup.client().id();
        String items = "/api/v1/clients/" + client + "/work-items";
        Api requester = api().as(setup.requesterToken());
        for (int n = 0; n < 3; n++) {
            raise(requester, items);
        }
        Api maker = api().as(setup.makerToken());
        long taken = maker.post("/api/v1/work/next", "").body().path("id").asLong();
        assertThat(maker.post(items + "/" + taken + "/moves", Map.of("to", "rejected")).status()).isEqualTo(200);
        WorkTypeDefinition template = WorkTypeTemplates.backOfficeRequest();
        TenantScope.run(AllowedClients.ALL, () -> workTypes.define(client, template));
        raise(requester, items);
        FormSession session = new FormSession(port, admin.email(), PASSWORD);
        String edit = "/admin/work-types/" + client + "/back-office-request/edit";
        assertThat(session.get(edit).body()).contains("2 open items on version 1 keep their version")
                .doesNotContain("on version 2");

        TenantScope.run(AllowedClients.ALL, () -> workTypes.define(client, template));
        assertThat(session.get(edit).body()).contains("2 open items on version 1 keep their version")
                .contains("1 open item on version 2 keeps its version").doesNotContain("on version 3");
    }

    private static void raise(Api requester, String items) {
        Api.Response raised = requester.post(items, Map.of("serviceLine", "policy-admin", "title", "Change of address",
                "form", Map.of("requestType", "address change", "details", "New address")));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
    }

    @Test
    void aNewWorkTypeFromScratchIsVersionOneAndItsCodeCannotBeTakenTwice() throws Exception {
        CurrentUser admin = providerAdministrator();
        UUID client = new WorkFixture(context).clientUnderContract(admin, unique("WTN")).client().id();
        FormSession session = new FormSession(port, admin.email(), PASSWORD);
        String create = "/admin/work-types/new?client=" + client;
        assertThat(session.get(create).body()).contains("New work type · ").contains("value=\"new\"");

        Map<String, String> form = params(new WorkTypeDefinition("claims-intake", "Claims intake", "logged",
                List.of(new WorkState("logged", "Logged", StateCategory.NEW), new WorkState("settled", "Settled", StateCategory.DONE)),
                List.of(new WorkTransition("logged", "settled", "Settle", Set.of())),
                List.of(new FormField("claimNumber", "Claim number", FieldType.TEXT, true, 30, List.of())),
                List.of(), false, new BigDecimal("0.02"), "claim"));
        form.put("code", "Claims Intake");
        assertThat(session.post(create, form).body()).contains("must be 2 to 40 lower-case letters, digits and dashes");
        form.put("code", "claims-intake");
        HttpResponse<String> created = session.post(create, form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/admin/work-types/" + client + "/claims-intake");
        WorkTypes.VersionedWorkType defined = TenantScope.call(AllowedClients.ALL, () -> workTypes.current(client, "claims-intake"));
        assertThat(defined.version()).isEqualTo(1);
        assertThat(defined.definition().qaSampleRate()).isEqualByComparingTo("0.02");
        assertThat(defined.definition().fields()).singleElement().satisfies(f -> assertThat(f.required()).isTrue());

        assertThat(session.post(create, form).body()).contains("claims-intake is already a work type of");
        assertThat(TenantScope.call(AllowedClients.ALL, () -> workTypes.current(client, "claims-intake")).version()).isEqualTo(1);
    }

    @Test
    void anotherClientsWorkTypeOrAClientThatDoesNotExistIsNotFound() throws Exception {
        CurrentUser admin = providerAdministrator();
        WorkFixture fixture = new WorkFixture(context);
        WorkFixture.Setup own = fixture.clientUnderContract(admin, unique("WTO"));
        WorkFixture.Setup other = fixture.clientUnderContract(admin, unique("WTX"));
        String email = unique("limited").toLowerCase() + "@provider.test";
        TenantScope.run(AllowedClients.ALL, () -> users.invite(new InviteUser(null, email, "Limited Administrator", PASSWORD,
                Set.of(Role.ADMINISTRATOR), false, Set.of(own.client().id())), admin));
        FormSession limited = new FormSession(port, email, PASSWORD);
        Map<String, String> form = params(version(own.client().id()).definition());

        assertThat(limited.get("/admin/work-types/" + own.client().id() + "/back-office-request/edit").statusCode()).isEqualTo(200);
        for (String client : new String[]{other.client().id().toString(), UUID.randomUUID().toString()}) {
            String edit = "/admin/work-types/" + client + "/back-office-request/edit";
            HttpResponse<String> read = limited.get(edit);
            assertThat(read.statusCode()).as(edit).isEqualTo(404);
            assertThat(read.body()).contains("This page does not exist, or it belongs to a client you do not serve.");
            assertThat(limited.post(edit, form).statusCode()).as("POST " + edit).isEqualTo(404);
            assertThat(limited.get("/admin/work-types/new?client=" + client).statusCode()).isEqualTo(404);
            assertThat(limited.post("/admin/work-types/new?client=" + client, form).statusCode()).isEqualTo(404);
        }
        assertThat(limited.get("/admin/work-types/" + own.client().id() + "/no-such-type/edit").statusCode()).isEqualTo(404);
        assertThat(version(other.client().id()).version()).as("the other client's work type is as it was").isEqualTo(1);
    }

    private WorkTypes.VersionedWorkType version(UUID client) {
        return TenantScope.call(AllowedClients.ALL, () -> workTypes.current(client, "back-office-request"));
    }

    /** The form's parameters as the editor sends them for this definition, unchanged. */
    private static Map<String, String> params(WorkTypeDefinition type) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("basedOnVersion", "1");
        form.put("name", type.name());
        form.put("initialState", type.initialState());
        for (int i = 0; i < type.states().size() + 2; i++) {
            var s = i < type.states().size() ? type.states().get(i) : null;
            form.put("states[" + i + "].code", s == null ? "" : s.code());
            form.put("states[" + i + "].label", s == null ? "" : s.label());
            form.put("states[" + i + "].category", s == null ? "" : s.category().name());
        }
        for (int i = 0; i < type.transitions().size() + 2; i++) {
            var t = i < type.transitions().size() ? type.transitions().get(i) : null;
            form.put("moves[" + i + "].from", t == null ? "" : t.from());
            form.put("moves[" + i + "].to", t == null ? "" : t.to());
            form.put("moves[" + i + "].label", t == null ? "" : t.label());
            if (t != null) {
                int index = i;
                t.roles().forEach(role -> form.put("moves[" + index + "].role." + role, "on"));
            }
        }
        for (int i = 0; i < type.fields().size() + 2; i++) {
            var f = i < type.fields().size() ? type.fields().get(i) : null;
            form.put("fields[" + i + "].name", f == null ? "" : f.name());
            form.put("fields[" + i + "].label", f == null ? "" : f.label());
            form.put("fields[" + i + "].type", f == null ? "" : f.type().name());
            form.put("fields[" + i + "].choices", f == null ? "" : String.join(", ", f.choices()));
            form.put("fields[" + i + "].maxLength", f == null || f.maxLength() == null ? "" : f.maxLength().toString());
            if (f != null && f.required()) {
                form.put("fields[" + i + "].required", "on");
            }
        }
        form.put("checklist", String.join("\n", type.checklist()));
        form.put("qaPercent", type.qaSampleRate().movePointRight(2).toPlainString());
        form.put("billableUnit", type.billableUnit());
        if (type.makerChecker()) {
            form.put("makerChecker", "on");
        }
        return form;
    }

    /** Whether the table cell holding the input of this id is marked invalid and says why. */
    private static boolean cellWithError(String body, String inputId) {
        int input = body.indexOf("id=\"" + inputId + "\"");
        int cell = body.lastIndexOf("<td", input);
        int end = body.indexOf("</td>", input);
        return input > 0 && body.substring(cell, input).contains("invalid") && body.substring(input, end).contains("field-error");
    }

}
