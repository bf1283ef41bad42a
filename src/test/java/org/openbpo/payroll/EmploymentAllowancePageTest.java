package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.FormSession;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payroll manager sees on the client's payroll page whether its UK payroll claims the Employment
 * Allowance, the tax year's claim so far and what is left, and changes it with a plain form.
 */
class EmploymentAllowancePageTest extends IntegrationTest {

    private static final String PASSWORD = "long enough password";

    @Autowired
    ApplicationContext context;

    @Test
    void aPayrollManagerSeesTheYearsClaimAndChangesWhetherTheClientClaims() throws Exception {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        String base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        PayRunLifecycleTest.hired(api().as(setup.preparerToken()).post(base + "/employees", PayrollSetup.ukEmployee("E1")));
        finalised(setup, base, "2026-01-31");
        FormSession manager = new FormSession(port, setup.manager().email(), PASSWORD).workingFor(setup.client().id());

        String page = manager.get("/payroll").body();
        assertThat(page).contains("id=\"employment-allowance\"").contains("id=\"allowance-form\"");
        assertThat(fact(page, "allowance-claims")).isEqualTo("No");
        assertThat(fact(page, "allowance-claimed")).isEqualTo("0.00 GBP of 10500.00 GBP");
        assertThat(fact(page, "allowance-left")).isEqualTo("10500.00 GBP");

        HttpResponse<String> set = manager.post("/payroll/" + setup.client().id() + "/employment-allowance", Map.of("claims", "true"));
        assertThat(set.statusCode()).isEqualTo(302);
        page = manager.get(redirected(set)).body();
        assertThat(page).contains("The client claims the Employment Allowance.");
        BigDecimal nics = employerNics(setup, base);
        assertThat(fact(page, "allowance-claims")).isEqualTo("Yes");
        assertThat(fact(page, "allowance-claimed")).isEqualTo(nics.toPlainString() + " GBP of 10500.00 GBP");
        assertThat(fact(page, "allowance-left")).isEqualTo(new BigDecimal("10500.00").subtract(nics).toPlainString() + " GBP");
        assertThat(api().as(setup.approverToken()).get(base + "/employment-allowance").body().path("claims").asBoolean()).isTrue();

        HttpResponse<String> unanswered = manager.post("/payroll/" + setup.client().id() + "/employment-allowance", Map.of());
        assertThat(manager.get(redirected(unanswered)).body()).contains("claims: Choose whether");
        assertThat(api().as(setup.approverToken()).get(base + "/employment-allowance").body().path("claims").asBoolean())
                .as("no answer changes nothing").isTrue();
        manager.post("/payroll/" + setup.client().id() + "/employment-allowance", Map.of("claims", "false"));
        assertThat(fact(manager.get("/payroll").body(), "allowance-claims")).isEqualTo("No");
    }

    @Test
    void onlyPayrollManagersChangeItAndAnotherClientsIsNotFound() throws Exception {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        PayrollSetup.Setup other = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        String base = "/api/v1/clients/" + setup.client().id() + "/payroll";

        FormSession preparer = new FormSession(port, setup.preparer().email(), PASSWORD).workingFor(setup.client().id());
        String page = preparer.get("/payroll").body();
        assertThat(fact(page, "allowance-claims")).as("seen").isEqualTo("No");
        assertThat(page).as("not offered").doesNotContain("id=\"allowance-form\"");
        preparer.post("/payroll/" + setup.client().id() + "/employment-allowance", Map.of("claims", "true"));

        FormSession otherManager = new FormSession(port, other.manager().email(), PASSWORD).workingFor(other.client().id());
        assertThat(otherManager.post("/payroll/" + setup.client().id() + "/employment-allowance", Map.of("claims", "true"))
                .statusCode()).isEqualTo(404);
        assertThat(api().as(setup.approverToken()).get(base + "/employment-allowance").body().path("claims").asBoolean())
                .as("unchanged").isFalse();
    }

    private static String redirected(HttpResponse<String> response) {
        return java.net.URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private static String fact(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id + " on the page").isPositive();
        return page.substring(page.indexOf('>', at) + 1, page.indexOf('<', at)).strip();
    }

    private BigDecimal employerNics(PayrollSetup.Setup setup, String base) {
        Api.Response report = api().as(setup.approverToken()).get(base + "/tax-liabilities?country=GB&from=2026-01-01&to=2026-01-31");
        return report.body().path("liabilities").valueStream().filter(l -> l.path("code").asString().equals("NI_ER"))
                .map(l -> new BigDecimal(l.path("amount").asString())).findFirst().orElseThrow();
    }

    private void finalised(PayrollSetup.Setup setup, String base, String periodEnd) {
        Api.Response prepared = api().as(setup.preparerToken()).post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", periodEnd));
        long run = prepared.body().path("id").asLong();
        api().as(setup.preparerToken()).post(base + "/pay-runs/" + run + "/submission", Map.of());
        api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE"));
        api().as(setup.approverToken()).post(base + "/pay-runs/" + run + "/client-approval", Map.of("decision", "APPROVE"));
        Api.Response finalised = api().as(setup.managerToken()).post(base + "/pay-runs/" + run + "/finalisation", Map.of());
        assertThat(finalised.text("status")).as(finalised.body().toString()).isEqualTo("FINALISED");
    }
}
