package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support desk's pages in a real browser: a team lead acts on several tickets at once and
 * sees each ticket's result, finds a customer and merges a duplicate record, reads the call log
 * with talk time per client and per ticket, and writes a macro whose bad placeholder is refused.
 */
class SupportDeskBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;
    @Autowired
    Users users;
    @Autowired
    WorkItems workItems;

    SupportFixture.Desk desk;
    String base;
    User lead;

    @BeforeEach
    void aClientWithASupportDesk() {
        desk = SupportFixture.desk(context, providerAdministrator(), unique("DESK"), null, null);
        base = "/api/v1/clients/" + desk.clientId() + "/support";
        lead = TenantScope.call(AllowedClients.ALL, () -> users.invite(new InviteUser(null,
                unique("lead").toLowerCase() + "@provider.test", "Tess Lead", "long enough password",
                Set.of(Role.TEAM_LEAD, Role.AGENT), false, Set.of(desk.clientId())), providerAdministrator()));
    }

    @Test
    void aTeamLeadAssignsAndClosesSeveralTicketsAndSeesEachResult() {
        long late = raise("Order late", "a@customer.test");
        long missing = raise("Order missing", "b@customer.test");
        long wrong = raise("Order wrong", "c@customer.test");
        Api agent = api().as(desk.setup().makerToken());
        assertThat(agent.post(base + "/tickets/bulk", Map.of("action", "CLOSE", "itemIds", List.of(wrong))).status()).isEqualTo(200);

        browser.logIn(lead.email(), "long enough password");
        browser.open("/support/tickets?client=" + desk.clientId()).clickToLoad("#switch-client");
        assertThat(browser.texts("#ticket-table .ticket-row td:nth-child(2)")).containsExactly("WI-" + missing, "WI-" + late);
        browser.click(".tick-ticket[value='" + late + "']").click(".tick-ticket[value='" + missing + "']");
        browser.choose("#action", "Assign to an agent").choose("#agentId", "Agent checker").click("#bulk-apply");
        browser.await().until(d -> browser.findAll("#bulk-results .bulk-result").size() == 2);
        assertThat(browser.texts("#bulk-results .bulk-result td:last-child")).containsOnly("Done");
        assertThat(browser.texts("#ticket-table .ticket-assignee")).containsOnly("Agent checker");

        browser.open("/support/tickets?show=all");
        browser.click("#tick-all").choose("#action", "Close").type("#note", "Courier incident").click("#bulk-apply");
        browser.await().until(d -> browser.findAll("#bulk-results .bulk-result").size() == 3);
        browser.screenshot("support-desk-bulk");
        assertThat(browser.find("#bulk-results .bulk-result[data-item='" + late + "']").getAttribute("data-done")).isEqualTo("true");
        assertThat(browser.find("#bulk-results .bulk-result[data-item='" + missing + "']").getAttribute("data-done")).isEqualTo("true");
        assertThat(browser.text("#bulk-results .bulk-result[data-item='" + wrong + "'] td:last-child"))
                .contains("cannot be closed");
        TenantScope.run(AllowedClients.only(desk.clientId()), () -> {
            assertThat(workItems.get(desk.clientId(), late).category().closed()).isTrue();
            assertThat(workItems.get(desk.clientId(), missing).assigneeId()).isEqualTo(desk.setup().checker().id());
        });

        browser.open("/support/tickets");
        assertThat(browser.findAll("#no-tickets")).hasSize(1);
        browser.click("#bulk-apply");
        browser.await().until(d -> !browser.findAll("#bulk-error").isEmpty());
        assertThat(browser.text("#bulk-error")).isEqualTo("Tick the tickets the action is for.");
    }

    @Test
    void anAgentFindsACustomerSeesTheirHistoryAcrossChannelsAndMergesADuplicate() {
        long emailed = raise("Renewal price", "gwen@customer.test");
        Api agent = api().as(desk.setup().makerToken());
        Instant end = clock.instant();
        Api.Response call = agent.post(base + "/calls", Map.of("caller", "+44 20 7946 0018", "startedAt", end.minusSeconds(75).toString(),
                "endedAt", end.toString(), "note", "Asked about the renewal"));
        assertThat(call.status()).as(call.body().toString()).isEqualTo(201);

        browser.logIn(desk.setup().maker().email(), "long enough password");
        browser.open("/support/customers?client=" + desk.clientId()).clickToLoad("#switch-client");
        browser.type("#q", "gwen@").clickToLoad("#find-customers");
        assertThat(browser.texts("#customer-table .customer-link")).containsExactly("gwen@customer.test");
        browser.clickToLoad("#customer-table .customer-link");
        assertThat(browser.texts("#history .history-channel")).containsExactly("API");

        browser.type("#duplicate", "79460018").clickToLoad("#find-duplicate");
        assertThat(browser.texts("#candidates .candidate td:first-child")).containsExactly("+442079460018");
        browser.clickToLoad("#candidates .merge-into");
        assertThat(browser.text("#notice")).startsWith("The records are one now");
        assertThat(browser.texts("#contacts li")).containsExactlyInAnyOrder("email: gwen@customer.test", "phone: +442079460018");
        assertThat(browser.texts("#history .history-channel")).containsExactlyInAnyOrder("API", "PHONE");
        assertThat(browser.findAll("#history .history-row[data-item='" + emailed + "']")).hasSize(1);
        browser.screenshot("support-desk-customer");

        browser.open("/support/customers?q=79460018");
        assertThat(browser.texts("#customer-table .customer-link")).containsExactly("gwen@customer.test");
    }

    @Test
    void theCallLogShowsTalkTimePerClientAndPerTicket() {
        Api agent = api().as(desk.setup().makerToken());
        Instant end = clock.instant();
        Api.Response first = agent.post(base + "/calls", Map.of("caller", "07700 900123", "startedAt", end.minusSeconds(245).toString(),
                "endedAt", end.toString(), "note", "Renewal date"));
        long ticket = first.body().path("itemId").asLong();
        assertThat(agent.post(base + "/calls", Map.of("caller", "07700 900123", "startedAt", end.minusSeconds(60).toString(),
                "endedAt", end.minusSeconds(30).toString(), "ticket", "WI-" + ticket, "note", "Called back")).status()).isEqualTo(201);
        assertThat(agent.post(base + "/calls", Map.of("caller", "07700 900999", "startedAt", end.minusSeconds(3_700).toString(),
                "endedAt", end.minusSeconds(100).toString(), "note", "Long complaint")).status()).isEqualTo(201);

        browser.logIn(desk.setup().maker().email(), "long enough password");
        browser.open("/support/calls?client=" + desk.clientId()).clickToLoad("#switch-client");
        assertThat(browser.findAll("#call-table .call-row")).hasSize(3);
        assertThat(browser.text("#talk-time")).isEqualTo("1:04:35"); // 245 + 30 + 3,600 seconds
        assertThat(browser.texts("#call-table .call-talk")).containsExactly("0:30", "4:05", "1:00:00");
        browser.clickToLoad("#call-table .call-row:first-child .call-ticket");
        assertThat(browser.text("h1")).isEqualTo("Calls about WI-" + ticket);
        assertThat(browser.texts("#call-table .call-talk")).containsExactly("4:05", "0:30");
        assertThat(browser.text("#talk-time")).isEqualTo("4:35");
        browser.screenshot("support-desk-calls");
    }

    @Test
    void aTeamLeadWritesAMacroPreviewsItAndABadPlaceholderIsRefusedOnTheForm() {
        long ticket = raise("Refund please", "hal@customer.test");
        browser.logIn(lead.email(), "long enough password");
        browser.open("/support/macros?client=" + desk.clientId()).clickToLoad("#switch-client");
        browser.clickToLoad("#new-macro");
        browser.type("#name", "Refund sent").type("#body", "Dear {{customer.shoe_size}}, your refund for {{ticket.reference}} is on its way.");
        browser.click("#preview-macro");
        browser.await().until(d -> !browser.findAll("#preview-error").isEmpty());
        assertThat(browser.text("#preview-error")).contains("{{customer.shoe_size}} is not a placeholder");
        browser.clickToLoad("#save-macro");
        assertThat(browser.text("#body-error")).contains("{{customer.shoe_size}} is not a placeholder");
        assertThat(api().as(desk.setup().makerToken()).get(base + "/macros").body().size()).isZero();

        browser.type("#body", "Dear {{customer.name}}, your refund for {{ticket.reference}} is on its way. {{agent.name}}");
        browser.type("#ticket", "WI-" + ticket).click("#preview-macro");
        browser.await().until(d -> !browser.findAll("#preview-text").isEmpty());
        assertThat(browser.text("#preview-text"))
                .isEqualTo("Dear hal@customer.test, your refund for WI-" + ticket + " is on its way. Tess Lead");
        browser.type("#moveTo", "resolved").clickToLoad("#save-macro");
        assertThat(browser.text("#notice")).isEqualTo("Saved Refund sent.");
        assertThat(browser.texts("#macro-table .macro-name")).containsExactly("Refund sent");

        browser.clickToLoad("#macro-table .edit-macro");
        browser.type("#name", "Refund on its way").clickToLoad("#save-macro");
        assertThat(browser.texts("#macro-table .macro-name")).containsExactly("Refund on its way");
        browser.screenshot("support-desk-macros");
        Api.Response macros = api().as(desk.setup().makerToken()).get(base + "/macros");
        assertThat(macros.body().get(0).path("moveTo").asString()).isEqualTo("resolved");
        assertThat(macros.body().get(0).path("body").asString()).startsWith("Dear {{customer.name}}");
    }

    @Test
    void anotherClientsCustomersAndMacrosAreNotFoundOnTheDeskPages() {
        SupportFixture.Desk other = SupportFixture.desk(context, providerAdministrator(), unique("DESO"), null, null);
        String theirs = "/api/v1/clients/" + other.clientId() + "/support";
        Api.Response ticket = api().as(other.setup().requesterToken()).post(theirs + "/tickets", Map.of("subject", "Their secret",
                "description", "x", "customerEmail", "secret@customer.test"));
        String customer = api().as(other.setup().makerToken()).get(theirs + "/tickets/" + ticket.body().path("id").asLong()
                + "/customer").body().path("customer").path("id").asString();
        String macro = api().as(other.setup().adminToken()).post(theirs + "/macros", Map.of("name", "Theirs", "body", "x")).text("id");

        browser.logIn(lead.email(), "long enough password");
        browser.open("/support/customers?client=" + desk.clientId()).clickToLoad("#switch-client");
        browser.open("/support/customers/" + customer);
        assertThat(browser.text("h1")).isEqualTo("Not found");
        browser.open("/support/macros/" + macro);
        assertThat(browser.text("h1")).isEqualTo("Not found");
        browser.open("/support/calls?client=" + other.clientId());
        assertThat(browser.text("h1")).isEqualTo("Not found");
        browser.open("/support/tickets?q=secret");
        assertThat(browser.findAll("#no-tickets")).hasSize(1);
    }

    private long raise(String subject, String email) {
        Api.Response raised = api().as(desk.setup().requesterToken()).post(base + "/tickets", Map.of("subject", subject,
                "description", "Please help", "customerEmail", email));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        return raised.body().path("id").asLong();
    }
}
