package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.ledger.Books;
import org.openbpo.ledger.Entry;
import org.openbpo.ledger.Journal;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Re-opening a paid run: a reversal run negates every payslip, the figures to date and the journal; the
 * correction run pays each employee only what the reversed run did not already pay.
 */
class PayRunReopeningTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Books books;
    @Autowired
    Journal journal;

    @Test
    void aReopenedRunIsReversedAndItsCorrectionPaysOnlyTheDifference() {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        TenantScope.run(AllowedClients.ALL, () -> books.open(setup.client().id(), "US_GAAP", null));
        String base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        Api hr = api().as(setup.preparerToken());
        String raised = PayRunLifecycleTest.hired(hr.post(base + "/employees", PayrollSetup.usEmployee("U1")));
        String unchanged = PayRunLifecycleTest.hired(hr.post(base + "/employees", PayrollSetup.usEmployee("U2")));
        long run = paid(setup, base, prepare(setup, base));
        Api manager = api().as(setup.managerToken());
        JsonNode original = manager.get(base + "/pay-runs/" + run).body();
        String oldNet = manager.get(base + "/pay-runs/" + run + "/payslips/" + raised).body().path("net").asString();

        assertThat(api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/reopening", Map.of("reason", "x")).status())
                .as("re-opening is for payroll managers").isEqualTo(403);
        Api.Response noReason = manager.post(base + "/pay-runs/" + run + "/reopening", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.text("field")).isEqualTo("reason");
        Api.Response reopened = manager.post(base + "/pay-runs/" + run + "/reopening",
                Map.of("reason", "U1's raise from 1 February was missed"));
        assertThat(reopened.status()).as(reopened.body().toString()).isEqualTo(201);
        JsonNode reversal = reopened.body().path("reversal");
        assertThat(reopened.body().path("reversed").path("status").asString()).isEqualTo("REVERSED");
        assertThat(reversal.path("kind").asString()).isEqualTo("REVERSAL");
        assertThat(reversal.path("status").asString()).isEqualTo("FINALISED");
        assertThat(reversal.path("reverses").asLong()).isEqualTo(run);
        assertThat(reversal.path("gross").asString()).isEqualTo(new BigDecimal(original.path("gross").asString()).negate().toPlainString());
        assertThat(reversal.path("net").asString()).isEqualTo(new BigDecimal(original.path("net").asString()).negate().toPlainString());
        long reversalId = reversal.path("id").asLong();
        JsonNode negated = manager.get(base + "/pay-runs/" + reversalId + "/payslips/" + raised).body();
        assertThat(negated.path("net").asString()).isEqualTo(new BigDecimal(oldNet).negate().toPlainString());
        assertThat(negated.path("number").asLong()).as("the reversal's payslips are numbered too").isPositive();
        assertThat(PayRunLifecycleTest.line(negated, "FIT")).startsWith("-");
        for (String employee : List.of(raised, unchanged)) {
            JsonNode toDate = manager.get(base + "/employees/" + employee + "/to-date?taxYear=2026").body();
            assertThat(new BigDecimal(toDate.path("gross").asString())).as("to date negated").isZero();
            assertThat(new BigDecimal(toDate.path("tax").asString())).isZero();
            assertThat(new BigDecimal(toDate.path("net").asString())).isZero();
        }
        assertThat(manager.post(base + "/pay-runs/" + run + "/reopening", Map.of("reason", "again")).status())
                .as("a run is reversed once").isEqualTo(409);
        Api.Response payReversal = manager.post(base + "/pay-runs/" + reversalId + "/payment", Map.of());
        assertThat(payReversal.status()).isEqualTo(409);
        assertThat(payReversal.text("code")).isEqualTo("reversal-not-paid");

        JsonNode correction = reopened.body().path("correction");
        long correctionId = correction.path("id").asLong();
        assertThat(correction.path("status").asString()).isEqualTo("PREPARED");
        assertThat(correction.path("corrects").asLong()).isEqualTo(run);
        assertThat(hr.patch(base + "/employees/" + raised, Map.of("annualSalary", "83200")).status()).isEqualTo(200);
        assertThat(api().as(setup.checkerToken()).post(base + "/pay-runs/" + correctionId + "/recalculation", Map.of()).status()).isEqualTo(200);
        JsonNode corrected = api().as(setup.checkerToken()).get(base + "/pay-runs/" + correctionId + "/payslips/" + raised).body();
        assertThat(corrected.path("gross").asString()).as("83,200 / 26").isEqualTo("3200.00");
        String newNet = corrected.path("net").asString();
        String unchangedNet = manager.get(base + "/pay-runs/" + correctionId + "/payslips/" + unchanged).body().path("net").asString();
        assertThat(unchangedNet).isEqualTo(manager.get(base + "/pay-runs/" + run + "/payslips/" + unchanged).body().path("net").asString());

        api().as(setup.checkerToken()).post(base + "/pay-runs/" + correctionId + "/submission", Map.of());
        api().as(setup.preparerToken()).post(base + "/pay-runs/" + correctionId + "/check", Map.of("decision", "APPROVE"));
        api().as(setup.approverToken()).post(base + "/pay-runs/" + correctionId + "/client-approval", Map.of("decision", "APPROVE"));
        assertThat(manager.post(base + "/pay-runs/" + correctionId + "/finalisation", Map.of()).text("status")).isEqualTo("FINALISED");
        assertThat(manager.post(base + "/pay-runs/" + correctionId + "/payment", Map.of()).text("status")).isEqualTo("PAID");
        JsonNode instructions = manager.get(base + "/pay-runs/" + correctionId + "/payment-instructions").body();
        assertThat(instructions.size()).as("U2 was paid in full already: nothing twice").isEqualTo(1);
        assertThat(instructions.get(0).path("employee_id").asString()).isEqualTo(raised);
        assertThat(instructions.get(0).path("amount").asString()).as("only the difference")
                .isEqualTo(new BigDecimal(newNet).subtract(new BigDecimal(oldNet)).toPlainString());
        assertThat(manager.get(base + "/employees/" + raised + "/to-date?taxYear=2026").text("gross")).isEqualTo("3200.00");
        JsonNode form941 = manager.get(base + "/tax-liabilities?country=US&from=2026-01-01&to=2026-03-31").body().path("form941");
        assertThat(form941.path("line2Wages").asString()).as("the reversed run and its reversal cancel out: 3,200 + 3,000")
                .isEqualTo("6200.00");

        List<Entry> entries = await().atMost(Duration.ofSeconds(20)).until(() -> TenantScope.call(AllowedClients.ALL,
                () -> journal.page(setup.client().id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), null, 0, 10)),
                posted -> posted.size() == 3);
        Entry reversing = entries.stream().filter(e -> e.idempotencyKey().equals("payroll-run:" + reversalId)).findFirst().orElseThrow();
        Entry first = entries.stream().filter(e -> e.idempotencyKey().equals("payroll-run:" + run)).findFirst().orElseThrow();
        assertThat(reversing.lines().stream().mapToLong(Entry.Line::debit).sum()).isEqualTo(reversing.lines().stream().mapToLong(Entry.Line::credit).sum());
        assertThat(reversing.lines().stream().filter(l -> l.account().equals("6010")).mapToLong(Entry.Line::credit).sum())
                .as("the wages expense credited back").isEqualTo(first.lines().stream().filter(l -> l.account().equals("6010"))
                        .mapToLong(Entry.Line::debit).sum());
        assertThat(reversing.lines().stream().filter(l -> l.account().equals("2200")).mapToLong(Entry.Line::debit).sum())
                .isEqualTo(first.lines().stream().filter(l -> l.account().equals("2200")).mapToLong(Entry.Line::credit).sum());

        PayrollSetup.Setup other = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        assertThat(api().as(other.managerToken()).post(base + "/pay-runs/" + correctionId + "/reopening", Map.of("reason", "x")).status())
                .isEqualTo(404);
        assertThat(api().as(other.managerToken()).post("/api/v1/clients/" + other.client().id() + "/payroll/pay-runs/" + correctionId
                + "/reopening", Map.of("reason", "x")).status()).isEqualTo(404);
    }

    private long prepare(PayrollSetup.Setup setup, String base) {
        Api.Response prepared = api().as(setup.preparerToken()).post(base + "/pay-runs", Map.of("payGroup", "US-BW", "periodEnd", "2026-02-27"));
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(201);
        return prepared.body().path("id").asLong();
    }

    private long paid(PayrollSetup.Setup setup, String base, long run) {
        api().as(setup.preparerToken()).post(base + "/pay-runs/" + run + "/submission", Map.of());
        api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE"));
        api().as(setup.approverToken()).post(base + "/pay-runs/" + run + "/client-approval", Map.of("decision", "APPROVE"));
        api().as(setup.managerToken()).post(base + "/pay-runs/" + run + "/finalisation", Map.of());
        assertThat(api().as(setup.managerToken()).post(base + "/pay-runs/" + run + "/payment", Map.of()).text("status")).isEqualTo("PAID");
        return run;
    }
}
