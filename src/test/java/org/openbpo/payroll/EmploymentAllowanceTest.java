package org.openbpo.payroll;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A UK client that claims the Employment Allowance owes HMRC its employer NICs less each period's claim,
 * in pay-run order, until the tax year's £10,500 is used up; a client that does not claim owes them in full.
 */
class EmploymentAllowanceTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    PayrollSetup.Setup setup;
    String base;

    @BeforeEach
    void ukPayroll() {
        setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        Api preparer = api().as(setup.preparerToken());
        for (String number : new String[]{"G1", "G2", "G3", "G4"}) {
            Map<String, Object> employee = PayrollSetup.ukEmployee(number);
            employee.put("annualSalary", "120000.00");
            PayRunLifecycleTest.hired(preparer.post(base + "/employees", employee));
        }
    }

    @Test
    void eachPeriodsClaimComesOffTheEmployerNicsUntilTheYearsAllowanceIsUsed() {
        finalised("2026-01-31");
        finalised("2026-02-28");
        finalised("2026-03-31");
        finalised("2026-04-30");
        JsonNode january = report("2026-01-01", "2026-01-31");
        JsonNode february = report("2026-02-01", "2026-02-28");
        BigDecimal januaryNics = amount(january, "NI_ER").orElseThrow();
        assertThat(januaryNics).as("four employees' employer NICs, under the allowance").isBetween(new BigDecimal("5000"),
                new BigDecimal("10500"));
        assertThat(amount(january, "EMPLOYMENT_ALLOWANCE")).as("does not claim until set").isEmpty();
        BigDecimal owedInFull = new BigDecimal(january.path("owed").asString());

        Api.Response set = api().as(setup.managerToken()).put(base + "/employment-allowance", Map.of("claims", true));
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(api().as(setup.approverToken()).get(base + "/employment-allowance").body().path("claims").asBoolean()).isTrue();

        january = report("2026-01-01", "2026-01-31");
        assertThat(amount(january, "EMPLOYMENT_ALLOWANCE")).as("the whole of January's employer NICs")
                .hasValue(januaryNics.negate());
        assertThat(amount(january, "NI_ER")).as("the NICs themselves in full").hasValue(januaryNics);
        assertThat(new BigDecimal(january.path("owed").asString())).isEqualByComparingTo(owedInFull.subtract(januaryNics));

        february = report("2026-02-01", "2026-02-28");
        assertThat(amount(february, "EMPLOYMENT_ALLOWANCE")).as("what is left of the £10,500")
                .hasValue(new BigDecimal("10500.00").subtract(januaryNics).negate());
        assertThat(amount(report("2026-03-01", "2026-03-31"), "EMPLOYMENT_ALLOWANCE")).as("used up")
                .hasValue(new BigDecimal("0.00"));
        assertThat(amount(report("2025-04-06", "2026-04-05"), "EMPLOYMENT_ALLOWANCE")).as("the tax year's total")
                .hasValue(new BigDecimal("-10500.00"));
        JsonNode april = report("2026-04-01", "2026-04-30");
        assertThat(amount(april, "EMPLOYMENT_ALLOWANCE")).as("a new tax year claims again")
                .hasValue(amount(april, "NI_ER").orElseThrow().negate());
    }

    @Test
    void aClientThatDoesNotClaimOwesItsEmployerNicsInFull() {
        finalised("2026-01-31");
        JsonNode before = report("2026-01-01", "2026-01-31");
        assertThat(api().as(setup.managerToken()).put(base + "/employment-allowance", Map.of("claims", false)).status())
                .isEqualTo(200);
        JsonNode after = report("2026-01-01", "2026-01-31");
        assertThat(amount(after, "EMPLOYMENT_ALLOWANCE")).isEmpty();
        assertThat(after.path("owed").asString()).isEqualTo(before.path("owed").asString());
        BigDecimal lines = after.path("liabilities").valueStream().map(l -> new BigDecimal(l.path("amount").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(after.path("owed").asString())).isEqualByComparingTo(lines);
    }

    @Test
    void theSettingIsRefusedWithoutAnAnswerAndByStaffWhoAreNotPayrollManagers() {
        Api.Response missing = api().as(setup.managerToken()).put(base + "/employment-allowance", Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.text("field")).isEqualTo("claims");
        assertThat(api().as(setup.preparerToken()).put(base + "/employment-allowance", Map.of("claims", true)).status())
                .isEqualTo(403);
        assertThat(api().as(setup.approverToken()).get(base + "/employment-allowance").body().path("claims").asBoolean())
                .as("unchanged: does not claim").isFalse();
    }

    @Test
    void anotherClientsSettingIsNotFound() {
        PayrollSetup.Setup other = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        assertThat(api().as(other.managerToken()).put(base + "/employment-allowance", Map.of("claims", true)).status())
                .isEqualTo(404);
        assertThat(api().as(other.approverToken()).get(base + "/employment-allowance").status()).isEqualTo(404);
        Api.Response ours = api().as(setup.approverToken()).get(base + "/employment-allowance");
        assertThat(ours.status()).isEqualTo(200);
        assertThat(ours.body().path("claims").asBoolean()).as("unchanged").isFalse();
    }

    private JsonNode report(String from, String to) {
        Api.Response report = api().as(setup.approverToken()).get(base + "/tax-liabilities?country=GB&from=" + from + "&to=" + to);
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        return report.body();
    }

    private static Optional<BigDecimal> amount(JsonNode report, String code) {
        return report.path("liabilities").valueStream().filter(l -> l.path("code").asString().equals(code))
                .map(l -> new BigDecimal(l.path("amount").asString())).findFirst();
    }

    private void finalised(String periodEnd) {
        Api.Response prepared = api().as(setup.preparerToken()).post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", periodEnd));
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(201);
        long run = prepared.body().path("id").asLong();
        api().as(setup.preparerToken()).post(base + "/pay-runs/" + run + "/submission", Map.of());
        api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE"));
        api().as(setup.approverToken()).post(base + "/pay-runs/" + run + "/client-approval", Map.of("decision", "APPROVE"));
        Api.Response finalised = api().as(setup.managerToken()).post(base + "/pay-runs/" + run + "/finalisation", Map.of());
        assertThat(finalised.text("status")).as(finalised.body().toString()).isEqualTo("FINALISED");
    }
}
