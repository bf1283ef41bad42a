package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.FormSession;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.WorkFixture;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's administrator sets up a client's support channel on its page, as the API allows: a bad setting is
 * refused beside its input with what was typed kept, a stored password stays when its input is left blank, and nobody
 * else reaches the page. Until the channel is set up, the support desk says so instead of failing, and the client's
 * other work shows nothing beside it.
 */
class SupportChannelPageTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Users users;
    @Autowired
    WorkItems workItems;

    CurrentUser admin;
    WorkFixture.Setup setup;
    String page;
    String settings;

    @BeforeEach
    void aClientUnderContractWithoutAChannel() {
        admin = providerAdministrator();
        setup = new WorkFixture(context).clientUnderContract(admin, unique("CHP"));
        page = "/admin/clients/" + setup.client().id() + "/support-channel";
        settings = "/api/v1/clients/" + setup.client().id() + "/support/settings";
    }

    @Test
    void anAdministratorSetsUpTheChannelBadSettingsAreShownBesideTheirInputsAndAStoredPasswordIsKept() throws Exception {
        FormSession session = new FormSession(port, admin.email(), "correct horse battery");
        String empty = session.get(page).body();
        assertThat(empty).contains("value=\"support\"").doesNotContain("value=\"policy-admin\"").contains("Not set up yet");

        Map<String, String> form = channel("help@" + setup.client().code().toLowerCase() + ".test");
        form.put("brandColour", "pink");
        form.put("imap.port", "nine nine three");
        String refused = session.post(page, form).body();
        assertThat(errorBeside(refused, "brandColour")).isEqualTo("must be a colour like #1a5fb4");
        assertThat(errorBeside(refused, "imap.port")).contains("whole number");
        assertThat(errorBeside(refused, "inboundAddress")).isNull();
        assertThat(refused).contains("value=\"pink\"").contains("value=\"nine nine three\"").contains("value=\"Albion Care\"")
                .doesNotContain("imap secret 1");

        form.put("brandColour", "#1a5fb4");
        form.put("imap.port", "993");
        form.put("inboundAddress", "not an address");
        String rejected = session.post(page, form).body();
        assertThat(errorBeside(rejected, "inboundAddress")).contains("is not an email address");
        assertThat(rejected).contains("value=\"not an address\"");
        Api api = api().as(setup.adminToken());
        assertThat(api.get(settings).status()).isEqualTo(404);

        form.put("inboundAddress", "help@" + setup.client().code().toLowerCase() + ".test");
        HttpResponse<String> saved = session.post(page, form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        Api.Response stored = api.get(settings);
        assertThat(stored.text("displayName")).isEqualTo("Albion Care");
        assertThat(stored.body().path("imap").path("passwordStored").asBoolean()).isTrue();
        assertThat(stored.body().path("webForm").asBoolean()).isTrue();
        assertThat(stored.body().path("smtp").isNull()).isTrue();

        String shown = session.get(page).body();
        assertThat(shown).doesNotContain("imap secret 1").contains("value=\"imap.client.test\"").contains("leave blank to keep")
                .contains("/forms/" + setup.client().code() + "/support");
        form.put("imap.password", "");
        form.put("displayName", "Albion Care Team");
        form.remove("webForm");
        assertThat(session.post(page, form).statusCode()).isEqualTo(302);
        stored = api.get(settings);
        assertThat(stored.text("displayName")).isEqualTo("Albion Care Team");
        assertThat(stored.body().path("webForm").asBoolean()).isFalse();
        assertThat(stored.body().path("imap").path("passwordStored").asBoolean()).as("kept when left blank").isTrue();

        form.put("imap.forgetPassword", "on");
        assertThat(session.post(page, form).statusCode()).isEqualTo(302);
        assertThat(api.get(settings).body().path("imap").path("passwordStored").asBoolean()).isFalse();
    }

    @Test
    void anotherClientsIdIsNotFoundAndOnlyAdministratorsReachThePage() throws Exception {
        WorkFixture.Setup other = new WorkFixture(context).clientUnderContract(admin, unique("CHO"));
        String ownAdmin = unique("own").toLowerCase() + "@provider.test";
        TenantScope.run(AllowedClients.ALL, () -> users.invite(new InviteUser(null, ownAdmin, "Olive Own", "long enough password",
                Set.of(Role.ADMINISTRATOR), false, Set.of(setup.client().id())), admin));
        FormSession administrator = new FormSession(port, ownAdmin, "long enough password");
        assertThat(administrator.get(page).statusCode()).isEqualTo(200);
        String otherPage = "/admin/clients/" + other.client().id() + "/support-channel";
        assertThat(administrator.get(otherPage).statusCode()).isEqualTo(404);
        assertThat(administrator.post(otherPage, channel("help@other.test")).statusCode()).isEqualTo(404);
        assertThat(administrator.get("/admin/clients/" + UUID.randomUUID() + "/support-channel").statusCode()).isEqualTo(404);

        FormSession agent = new FormSession(port, setup.maker().email(), "long enough password");
        assertThat(agent.get(page).statusCode()).isEqualTo(403);
        assertThat(agent.post(page, channel("help@agent.test")).statusCode()).isEqualTo(403);
        assertThat(api().as(setup.adminToken()).get(settings).status()).isEqualTo(404);
    }

    @Test
    void theSupportDeskOfAClientWithoutAChannelSaysSoAndWhoSetsItUp() throws Exception {
        FormSession agent = new FormSession(port, setup.maker().email(), "long enough password").workingFor(setup.client().id());
        for (String desk : new String[]{"/support/tickets", "/support/calls"}) {
            HttpResponse<String> shown = agent.get(desk);
            assertThat(shown.statusCode()).as(desk).isEqualTo(200);
            assertThat(shown.body()).contains("has no support desk yet").contains("Ask one of them")
                    .containsPattern("<li>.*Test Administrator.*\\s*<a href=\"mailto:admin[^\"]*@provider.test\"").doesNotContain("id=\"set-up-channel\"");
        }
        HttpResponse<String> bulk = agent.post("/support/tickets/bulk", Map.of("action", "CLOSE", "itemIds", "1"));
        assertThat(bulk.statusCode()).isEqualTo(200);
        assertThat(bulk.body()).contains("has no support desk yet");

        WorkItem request = TenantScope.call(AllowedClients.ALL, () -> workItems.create(setup.client().id(), new CreateWorkItem(
                "policy-admin", null, Priority.NORMAL, "Change of address", Map.of("requestType", "other", "details", "New address"),
                null), CurrentUser.of(setup.requester())));
        HttpResponse<String> beside = agent.get("/support/beside/" + setup.client().id() + "/" + request.id());
        assertThat(beside.statusCode()).as("nothing beside work that is not a ticket").isEqualTo(200);

        FormSession administrator = new FormSession(port, admin.email(), "correct horse battery").workingFor(setup.client().id());
        assertThat(administrator.get("/support/tickets").body()).contains("id=\"set-up-channel\"")
                .contains("href=\"" + page + "\"");
    }

    private static Map<String, String> channel(String address) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("serviceLine", "support");
        form.put("inboundAddress", address);
        form.put("fromAddress", address);
        form.put("displayName", "Albion Care");
        form.put("signature", "Albion Care — here for you");
        form.put("brandColour", "#1a5fb4");
        form.put("webForm", "on");
        form.put("imap.host", "imap.client.test");
        form.put("imap.port", "993");
        form.put("imap.security", "TLS");
        form.put("imap.username", "help");
        form.put("imap.password", "imap secret 1");
        form.put("smtp.host", "");
        form.put("smtp.port", "587");
        form.put("smtp.security", "STARTTLS");
        return form;
    }

    /** The error shown in the same field as the named input, or null. */
    private static String errorBeside(String body, String name) {
        int input = body.indexOf("name=\"" + name + "\"");
        assertThat(input).as(name).isPositive();
        int fieldStart = body.lastIndexOf("<div class=\"field", input);
        int fieldEnd = body.indexOf("</div>", input);
        String field = body.substring(fieldStart, fieldEnd);
        int error = field.indexOf("class=\"field-error\">");
        return error < 0 ? null : field.substring(error + "class=\"field-error\">".length(), field.indexOf("</small>", error));
    }
}
