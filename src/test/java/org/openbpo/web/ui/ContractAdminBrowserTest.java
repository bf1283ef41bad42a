package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ReviseContract;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator sets a new client up for work: a work type, a contract with its SLAs, a revision, a queue. */
class ContractAdminBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    Clients clients;
    @Autowired
    Contracts contracts;
    @Autowired
    ApplicationContext context;

    @Test
    void adoptsAWorkTypePutsAContractInForceRevisesItAndOpensAQueue() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        String code = unique("HBR");
        Client client = TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient(code,
                "Harbour Insurance " + code, "Harbour Insurance plc", "GB", "Europe/London", "GBP", ClientStatus.ACTIVE)));
        browser.logIn(admin.email(), "correct horse battery");
        assertThat(browser.texts("a.nav-link")).contains("Overview", "Contracts", "Work types", "Queues", "Centres", "Agents");

        browser.click("a.nav-link[href='/admin/work-types']");
        assertThat(browser.text("h1")).isEqualTo("Work types");
        assertThat(browser.findAll("#client-choices button.choice")).as("asks which client first").isNotEmpty();
        // the list shows the first clients by code; a link with the client's id offers the same switch
        browser.open("/admin/work-types?client=" + client.id()).clickToLoad("#switch-client");
        assertThat(browser.find("#active-client option:checked").getText()).isEqualTo(client.name() + " (" + code + ")");
        browser.choose("#template", "Back-office request").clickToLoad("#adopt-button");
        assertThat(browser.text(".notice")).isEqualTo("Back-office request (version 1) is now a work type of " + client.name() + ".");
        browser.clickToLoad("#type-table tr[data-code='back-office-request'] a");
        assertThat(browser.texts("#states li strong")).containsExactly("Received", "Processing", "Query to client",
                "Checking", "Completed", "Rejected");

        browser.click("a.nav-link[href='/admin/contracts']").clickToLoad("#new-contract");
        assertThat(browser.find("#currency").getAttribute("value")).isEqualTo("GBP");
        assertThat(browser.find("#zone").getAttribute("value")).isEqualTo("Europe/London");
        browser.type("#reference", "MSA-" + code).type("#title", "Policy administration")
                .type("#holidays", "2026-04-03").type("#week-SATURDAY", "9am to 1pm")
                .type("#lines-0-code", "Policy Admin").type("#lines-0-name", "Policy administration")
                .choose("#lines-0-kind", "Back office").choose("#lines-0-workType", "Back-office request")
                .type("#targets-0-serviceLine", "policy-admin").choose("#targets-0-priority", "Normal")
                .type("#targets-0-resolution", "480").type("#targets-0-warningPercent", "75")
                .type("#targets-1-serviceLine", "policy-admin").choose("#targets-1-priority", "High")
                .type("#targets-1-resolution", "240")
                .type("#kpis-0-serviceLine", "policy-admin").choose("#kpis-0-kpi", "Sla attainment").type("#kpis-0-target", "95");
        browser.clickToLoad("#save-contract");
        assertThat(browser.text("#lines-0-code ~ .field-error")).isEqualTo("must be lower-case letters, digits and dashes");
        assertThat(browser.text("#week-SATURDAY ~ .field-error"))
                .isEqualTo("'9am to 1pm' is not working hours such as 09:00-12:30,13:30-17:30");
        assertThat(browser.find("#lines-0-name").getAttribute("value")).as("what was typed stays").isEqualTo("Policy administration");
        assertThat(browser.find("#targets-0-resolution").getAttribute("value")).isEqualTo("480");
        browser.screenshotPage("contract-form-errors");

        browser.type("#lines-0-code", "policy-admin").type("#week-SATURDAY", "09:00-13:00").clickToLoad("#save-contract");
        assertThat(browser.text(".notice")).isEqualTo("Contract MSA-" + code + " is in force for " + client.name() + ".");
        assertThat(browser.text("h1")).isEqualTo("Policy administration");
        assertThat(browser.texts("#sla-table tbody tr")).containsExactly(
                "policy-admin Normal — 480 min — — 75%", "policy-admin High — 240 min — — 80%");
        assertThat(browser.text("#calendar")).contains("Saturday\n09:00-13:00", "Sunday\nclosed", "2026-04-03");
        browser.screenshotPage("contract");

        browser.clickToLoad("#revise").type("#targets-0-resolution", "420").type("#note", "Faster turnaround agreed")
                .clickToLoad("#save-contract");
        assertThat(browser.text(".notice")).isEqualTo("Version 2 of MSA-" + code + " governs new work from now on.");
        assertThat(browser.texts("#sla-table tbody tr")).first().isEqualTo("policy-admin Normal — 420 min — — 75%");

        browser.click("a.nav-link[href='/admin/queues']");
        browser.type("#code", "Policy Changes").type("#name", "Policy changes").type("#requiredSkill", "back-office")
                .clickToLoad("#open-queue-button");
        assertThat(browser.text("#code ~ .field-error")).isEqualTo("must be lower-case letters, digits and dashes");
        browser.type("#code", "policy-changes").clickToLoad("#open-queue-button");
        assertThat(browser.text(".notice")).isEqualTo("Queue Policy changes is open.");
        assertThat(browser.text("#queue-table tr[data-code='policy-changes']")).contains("Policy changes", "back-office ≥ 1");
        browser.screenshot("queues");
    }

    /**
     * The administrator ends a client's contract on its page: the day and a confirmation, refusals beside the day,
     * a revision saved by a colleague meanwhile not overwritten, and the term's last day shown once it is saved.
     */
    @Test
    void endsAContractFromItsPage() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("END"));
        String page = "/admin/contracts/" + setup.client().id() + "/" + setup.contract().id();
        CurrentUser admin = providerAdministrator();
        browser.logIn(admin.email(), "correct horse battery");
        browser.open(page);
        assertThat(browser.text("#term")).isEqualTo("Term: 2026-01-01 – open-ended");
        assertThat(browser.text("#end-term h2")).isEqualTo("End the contract");

        day("#endsOn", "2026-03-01");
        browser.clickToLoad("#end-contract");
        assertThat(browser.text("#end-term .field.invalid .field-error"))
                .isEqualTo("confirm that no new work is accepted on this contract after its last day");
        assertThat(browser.find("#endsOn").getAttribute("value")).as("what was typed stays").isEqualTo("2026-03-01");

        browser.click("#confirm").clickToLoad("#end-contract");
        assertThat(browser.text("#endsOn ~ .field-error")).startsWith("cannot be before today (2026-03-02)");
        assertThat(browser.text("#term")).as("nothing was saved").isEqualTo("Term: 2026-01-01 – open-ended");

        // a colleague revises the terms while the page is open: ending the term from the page read before is refused
        TenantScope.run(AllowedClients.ALL, () -> contracts.revise(setup.client().id(), setup.contract().id(), new ReviseContract(
                CalendarSpec.mondayToFriday("Europe/London", "08:00-18:00", List.of()),
                List.of(new SlaTarget("policy-admin", Priority.NORMAL, null, 120, null, null, null)), null, "Longer hours")));
        day("#endsOn", "2026-03-31");
        browser.click("#confirm").clickToLoad("#end-contract");
        assertThat(browser.text("#end-term .alert.error")).contains("was revised since version 1", "version 2");
        browser.screenshotPage("contract-end-refused");

        // the contract under another client's id is not found
        String code = unique("ENO");
        Client other = TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient(code,
                "Other Mutual " + code, "Other Mutual plc", "GB", "Europe/London", "GBP", ClientStatus.ACTIVE)));
        browser.open(page);
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('#end-term form').action = '/admin/contracts/"
                + other.id() + "/" + setup.contract().id() + "/end'");
        day("#endsOn", "2026-03-31");
        browser.click("#confirm").clickToLoad("#end-contract");
        assertThat(browser.text("h1")).isEqualTo("Not found");

        browser.open(page);
        day("#endsOn", "2026-03-31");
        browser.click("#confirm").clickToLoad("#end-contract");
        assertThat(browser.text(".notice")).isEqualTo("Contract " + setup.contract().reference()
                + " ends on 2026-03-31: no new work is accepted on it after that day.");
        assertThat(browser.text("#term")).isEqualTo("Term: 2026-01-01 – 2026-03-31");
        assertThat(browser.text("p.muted")).startsWith("Version 3");
        assertThat(browser.texts("#sla-table tbody tr")).as("the colleague's terms stand")
                .containsExactly("policy-admin Normal — 120 min — — 80%");
        assertThat(TenantScope.call(AllowedClients.ALL, () -> contracts.get(setup.client().id(), setup.contract().id()).endsOn()))
                .isEqualTo(LocalDate.of(2026, 3, 31));
    }

    private void day(String css, String isoDate) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector(arguments[0]).value = arguments[1]", css, isoDate);
    }
}
