package org.openbpo.payroll;

import org.junit.jupiter.api.BeforeEach;
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
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A UK client that claims the Employment Allowance owes HMRC its employer NICs less each period's claim,
 * in pay-run order, until the tax year's £10,500 is used up; a client that does not claim owes them in full.
 */
class EmploymentAllowanceTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Books books;
    @Autowired
    Journal journal;

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

    @Test
    void theRunsJournalOwesHmrcTheEmployerNicsLessTheClaimAsTheReportDoesAndAReversalGivesItBack() {
        UUID client = setup.client().id();
        TenantScope.run(AllowedClients.ALL, () -> books.open(client, "IFRS", "GBP"));
        assertThat(api().as(setup.managerToken()).put(base + "/employment-allowance", Map.of("claims", true)).status()).isEqualTo(200);
        finalised("2026-01-31");
        long february = finalised("2026-02-28");
        posted(client, 2);

        JsonNode report = report("2026-01-01", "2026-02-28");
        assertThat(amount(report, "EMPLOYMENT_ALLOWANCE")).as("the whole allowance, used up in February").hasValue(new BigDecimal("-10500.00"));
        assertThat(balance(client, "5500")).as("owed to HMRC in the books, in pence, as the report owes it")
                .isEqualTo(pence(report.path("owed").asString()));
        assertThat(balance(client, "7210-EA")).as("the claim on its own account, reducing the NICs' cost").isEqualTo(1_050_000);
        assertThat(balance(client, "7210")).as("the employer NICs themselves in full").isEqualTo(-pence(amount(report, "NI_ER").orElseThrow()
                .toPlainString()));

        Api.Response reopened = api().as(setup.managerToken()).post(base + "/pay-runs/" + february + "/reopening",
                Map.of("reason", "February's hours were wrong"));
        assertThat(reopened.status()).as(reopened.body().toString()).isEqualTo(201);
        posted(client, 3);
        report = report("2026-01-01", "2026-02-28");
        BigDecimal januaryClaim = amount(report("2026-01-01", "2026-01-31"), "EMPLOYMENT_ALLOWANCE").orElseThrow();
        assertThat(amount(report, "EMPLOYMENT_ALLOWANCE")).as("February's claim given back").hasValue(januaryClaim);
        assertThat(balance(client, "5500")).isEqualTo(pence(report.path("owed").asString()));
        assertThat(balance(client, "7210-EA")).isEqualTo(-pence(januaryClaim.toPlainString()));
    }

    /** Waits for the runs' journals in the client's books; each is balanced. */
    private void posted(UUID client, int entries) {
        List<Entry> posted = await().atMost(Duration.ofSeconds(20)).until(() -> TenantScope.call(AllowedClients.ALL,
                () -> journal.page(client, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), null, 0, 10)), e -> e.size() == entries);
        for (Entry entry : posted) {
            assertThat(entry.lines().stream().mapToLong(Entry.Line::debit).sum()).as("balanced")
                    .isEqualTo(entry.lines().stream().mapToLong(Entry.Line::credit).sum());
        }
    }

    /** The account's credits less its debits, in pence. */
    private long balance(UUID client, String account) {
        return TenantScope.call(AllowedClients.ALL, () -> journal.page(client, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
                null, 0, 10)).stream().flatMap(e -> e.lines().stream()).filter(l -> l.account().equals(account))
                .mapToLong(l -> l.credit() - l.debit()).sum();
    }

    private static long pence(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
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

    private long finalised(String periodEnd) {
        Api.Response prepared = api().as(setup.preparerToken()).post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", periodEnd));
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(201);
        long run = prepared.body().path("id").asLong();
        api().as(setup.preparerToken()).post(base + "/pay-runs/" + run + "/submission", Map.of());
        api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE"));
        api().as(setup.approverToken()).post(base + "/pay-runs/" + run + "/client-approval", Map.of("decision", "APPROVE"));
        Api.Response finalised = api().as(setup.managerToken()).post(base + "/pay-runs/" + run + "/finalisation", Map.of());
        assertThat(finalised.text("status")).as(finalised.body().toString()).isEqualTo("FINALISED");
        return run;
    }
}
