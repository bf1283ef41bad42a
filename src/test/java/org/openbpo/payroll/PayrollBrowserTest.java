package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.testing.Api;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The client approves a checked pay run in its portal; the provider's staff see the run and its employees. */
class PayrollBrowserTest extends IntegrationTest {

    private static final String PASSWORD = "long enough password";

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void theClientApprovesACheckedRunInItsPortal() {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        String base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        String employee = PayRunLifecycleTest.hired(api().as(setup.preparerToken()).post(base + "/employees", PayrollSetup.ukEmployee("E1")));
        long run = api().as(setup.preparerToken()).post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-31"))
                .body().path("id").asLong();
        api().as(setup.preparerToken()).post(base + "/pay-runs/" + run + "/submission", Map.of());
        Api.Response checked = api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE"));
        assertThat(checked.text("status")).isEqualTo("AWAITING_CLIENT");

        browser.logIn(setup.approver().email(), PASSWORD);
        browser.clickToLoad("a.nav-link[href='/payroll']");
        assertThat(browser.texts("#employee-table tbody tr td:nth-child(6)")).containsExactly("40-**-** ****2490");
        browser.clickToLoad("#run-table a");
        assertThat(browser.text("#run-status")).isEqualTo("AWAITING_CLIENT");
        assertThat(browser.findAll("#finalise-run")).as("finalising is the provider's").isEmpty();
        browser.screenshot("payroll-run-awaiting-client");
        browser.clickToLoad("#approve-run");
        assertThat(browser.text("#run-status")).isEqualTo("APPROVED");
        assertThat(browser.text(".notice")).contains("approved");
        assertThat(api().as(setup.managerToken()).get(base + "/pay-runs/" + run).text("approvedBy")).isEqualTo("Client approver");
        assertThat(browser.findAll("#bank-file")).as("no bank file before the run is paid").isEmpty();
        api().as(setup.managerToken()).post(base + "/pay-runs/" + run + "/finalisation", Map.of());
        assertThat(api().as(setup.managerToken()).post(base + "/pay-runs/" + run + "/payment", Map.of()).text("status")).isEqualTo("PAID");
        browser.open("/payroll/" + setup.client().id() + "/runs/" + run);
        assertThat(browser.findAll("#bank-file")).as("the client's administrator downloads the BACS file to upload").hasSize(1);

        browser.open("/payroll/" + setup.client().id() + "/employees/" + employee);
        assertThat(browser.text("#bank")).isEqualTo("GB_SORT_CODE 40-**-** ****2490");
    }

    @Test
    void theClientSeesTheServiceTeamOnItsRunAndNotTheCheckersReturnNote() {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        String base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        PayRunLifecycleTest.hired(api().as(setup.preparerToken()).post(base + "/employees", PayrollSetup.ukEmployee("E1")));
        Api preparer = api().as(setup.preparerToken());
        String note = "Net pay of E1 looks high, check the bonus";
        long run = preparer.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-31")).body().path("id").asLong();
        preparer.post(base + "/pay-runs/" + run + "/submission", Map.of());
        api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "RETURN", "note", note));
        preparer.post(base + "/pay-runs/" + run + "/submission", Map.of());
        Api.Response checked = api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE"));
        assertThat(checked.text("status")).isEqualTo("AWAITING_CLIENT");
        String runPage = "/payroll/" + setup.client().id() + "/runs/" + run;

        browser.logIn(setup.approver().email(), PASSWORD);
        browser.open("/portal/requests/" + checked.body().path("workItemId").asLong());
        assertThat(browser.text("#timeline")).as("the return is there, its note is not").contains("Provider check → Preparing")
                .doesNotContain(note);
        browser.open(runPage);
        assertThat(browser.text("#run-status")).isEqualTo("AWAITING_CLIENT");
        assertThat(browser.driver().getPageSource()).doesNotContain(note, "Payroll Agent", setup.preparer().email(),
                setup.checker().email());
        assertThat(browser.text("#run-people")).isEqualTo("Prepared and checked by the service team.");
        assertThat(browser.findAll("#return-note")).isEmpty();

        browser.driver().manage().deleteAllCookies();
        browser.logIn(setup.manager().email(), PASSWORD);
        browser.open(runPage);
        assertThat(browser.text("#run-people")).isEqualTo("Prepared by Payroll Agent, checked by Payroll Agent.");
        assertThat(browser.text("#return-note")).isEqualTo("Last returned at the provider check: " + note);
    }

    @Test
    void aPayrollManagerSetsTheEmploymentAllowanceOnThePayrollPage() {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        browser.logIn(setup.manager().email(), PASSWORD);
        browser.switchClient(setup.client().id());
        browser.open("/payroll");
        assertThat(browser.text("#allowance-claims")).isEqualTo("No");
        assertThat(browser.text("#allowance-left")).isEqualTo("10500.00 GBP");
        browser.click("#allowance-form input[value=true]");
        browser.clickToLoad("#allowance-button");
        assertThat(browser.text(".notice")).contains("claims the Employment Allowance");
        assertThat(browser.text("#allowance-claims")).isEqualTo("Yes");
        browser.screenshotPage("payroll-employment-allowance");
    }
}
