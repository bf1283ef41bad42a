package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.PayPeriod;
import org.openbpo.payroll.domain.PayRequest;
import org.openbpo.payroll.domain.unitedstates.FilingStatus;
import org.openbpo.payroll.domain.unitedstates.UnitedStatesEmployee;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.payroll.PayrollFixtures.ENGINE;
import static org.openbpo.payroll.PayrollFixtures.usd;
import static org.openbpo.payroll.PayrollFixtures.w4;

/** US bonuses paid off-cycle are supplemental wages: federal income tax at the pack's 22% flat rate (Pub 15 section 7). */
class PayrollSupplementalWagesTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aSupplementalPaymentIsWithheldAtTheFlatRateOnceRegularWagesHadTaxWithheld() {
        GrossToNet bonus = ENGINE.calculate(new PayRequest("2026", new PayPeriod(PayFrequency.BIWEEKLY, 5), usd("2500.00"),
                new UnitedStatesEmployee(w4(FilingStatus.SINGLE), usd("12000.00"), usd("1150.00"), true)));
        // By hand: 2,500.00 x 22% = 550.00; Social Security 6.2% = 155.00; Medicare 1.45% = 36.25.
        assertThat(PayrollFixtures.amount(bonus, "FIT")).isEqualTo("550.00");
        assertThat(PayrollFixtures.amount(bonus, "SS")).isEqualTo("155.00");
        assertThat(PayrollFixtures.amount(bonus, "MEDICARE")).isEqualTo("36.25");
        assertThat(bonus.net().toPlainString()).isEqualTo("1758.75");
        assertThat(bonus.line("FIT").rule()).contains("Pub 15").contains("22%");
        assertThat(bonus.line("FIT").workings().steps()).containsKey("unverified fit.supplemental.flatRate");

        GrossToNet noTaxYet = ENGINE.calculate(new PayRequest("2026", new PayPeriod(PayFrequency.BIWEEKLY, 5), usd("2500.00"),
                new UnitedStatesEmployee(w4(FilingStatus.SINGLE), usd("0"), usd("0"), true)));
        GrossToNet aggregate = ENGINE.calculate(new PayRequest("2026", new PayPeriod(PayFrequency.BIWEEKLY, 5), usd("2500.00"),
                new UnitedStatesEmployee(w4(FilingStatus.SINGLE), usd("0"))));
        assertThat(PayrollFixtures.amount(noTaxYet, "FIT")).as("no tax withheld from regular wages: the aggregate method")
                .isEqualTo(PayrollFixtures.amount(aggregate, "FIT"));
        assertThat(noTaxYet.line("FIT").workings().steps().get("method")).contains("may not be used");
    }

    @Test
    void anOffCycleBonusIsTaxedAtTwentyTwoPercentAndTheRegularRunByWorksheet1A() {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        String base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        Api hr = api().as(setup.preparerToken());
        String employee = PayRunLifecycleTest.hired(hr.post(base + "/employees", PayrollSetup.usEmployee("U1")));
        long regular = hr.post(base + "/pay-runs", Map.of("payGroup", "US-BW", "periodEnd", "2026-02-27")).body().path("id").asLong();
        JsonNode regularSlip = hr.get(base + "/pay-runs/" + regular + "/payslips/" + employee).body();
        assertThat(lineRule(regularSlip, "FIT")).contains("Worksheet 1A");
        hr.post(base + "/pay-runs/" + regular + "/submission", Map.of());
        api().as(setup.checkerToken()).post(base + "/pay-runs/" + regular + "/check", Map.of("decision", "APPROVE"));
        api().as(setup.approverToken()).post(base + "/pay-runs/" + regular + "/client-approval", Map.of("decision", "APPROVE"));
        assertThat(api().as(setup.managerToken()).post(base + "/pay-runs/" + regular + "/finalisation", Map.of()).text("status"))
                .isEqualTo("FINALISED");

        assertThat(hr.post(base + "/employees/" + employee + "/pay-items", Map.of("kind", "EARNING", "code", "BONUS",
                "description", "Q4 performance bonus", "amount", "2500.00", "recurring", false, "offCycle", true,
                "startsOn", "2026-02-20")).status()).isEqualTo(201);
        Api.Response offCycle = hr.post(base + "/pay-runs", Map.of("payGroup", "US-BW", "periodEnd", "2026-02-27", "kind", "OFF_CYCLE"));
        assertThat(offCycle.status()).as(offCycle.body().toString()).isEqualTo(201);
        JsonNode bonus = hr.get(base + "/pay-runs/" + offCycle.body().path("id").asLong() + "/payslips/" + employee).body();
        assertThat(bonus.path("gross").asString()).isEqualTo("2500.00");
        assertThat(PayRunLifecycleTest.line(bonus, "FIT")).as("2,500.00 x 22%").isEqualTo("550.00");
        assertThat(lineRule(bonus, "FIT")).contains("supplemental wages: optional flat rate 22%");
        assertThat(PayRunLifecycleTest.line(bonus, "SS")).isEqualTo("155.00");
        assertThat(PayRunLifecycleTest.line(bonus, "MEDICARE")).isEqualTo("36.25");
        assertThat(bonus.path("net").asString()).isEqualTo("1758.75");
    }

    private static String lineRule(JsonNode payslip, String code) {
        return payslip.path("lines").valueStream().filter(l -> l.path("code").asString().equals(code)).findFirst().orElseThrow()
                .path("rule").asString();
    }
}
