package org.openbpo.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.UUID;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.ledger.LedgerPostingTest.credit;
import static org.openbpo.ledger.LedgerPostingTest.debit;
import static org.openbpo.ledger.LedgerPostingTest.entry;

/** A quarter of a small consultancy's books, read back as the reports an accountant would draw. */
class LedgerReportTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;
    @Autowired
    BalanceCompaction compaction;
    @Autowired
    Revaluation revaluations;

    UUID client;

    Api agent;
    Api accountant;
    String base;

    @BeforeEach
    void aQuarterOfBooks() {
        Bookkeeping.Setup setup = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens,
                books, "US_GAAP", "USD");
        agent = api().as(setup.agentToken());
        accountant = api().as(setup.accountantToken());
        client = setup.client().id();
        base = "/api/v1/clients/" + client + "/ledger";
        post(entry("2026-01-02", "capital", List.of(debit("1010", 50_000_00), credit("3010", 50_000_00))));
        post(entry("2026-01-15", "jan-fees", List.of(debit("1100", 12_000_00), credit("4100", 12_000_00))));
        post(entry("2026-01-31", "jan-pay", List.of(debit("6010", 7_000_00), credit("1010", 5_600_00), credit("2210", 1_400_00))));
        post(entry("2026-02-10", "jan-cash", List.of(debit("1010", 12_000_00), credit("1100", 12_000_00))));
        post(entry("2026-02-28", "feb-rent", List.of(debit("6100", 2_500_00), credit("2010", 2_500_00))));
    }

    private void post(Map<String, Object> entry) {
        Api.Response response = agent.post(base + "/entries", entry);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    }

    @Test
    void theTrialBalanceBalancesAndShowsTheBooksAsOfAnyDay() {
        JsonNode january = agent.get(base + "/reports/trial-balance?asOf=2026-01-31").body();
        assertThat(january.path("totals").get(0).path("debits").asLong())
                .isEqualTo(january.path("totals").get(0).path("credits").asLong()).isEqualTo(69_000_00 - 5_600_00);
        assertThat(january.path("functionalDebits").asLong()).isEqualTo(january.path("functionalCredits").asLong());
        assertThat(balances(january)).containsEntry("1010", 44_400_00L).containsEntry("1100", 12_000_00L)
                .containsEntry("4100", -12_000_00L).doesNotContainKey("6100");

        JsonNode february = agent.get(base + "/reports/trial-balance?asOf=2026-02-28").body();
        assertThat(balances(february)).containsEntry("1010", 56_400_00L).doesNotContainKey("1100").containsEntry("6100", 2_500_00L);
        assertThat(balances(february).values().stream().mapToLong(Long::longValue).sum()).isZero();
    }

    @Test
    void foldingTheRunningBalancesChangesNoReport() {
        String before = agent.get(base + "/reports/trial-balance?asOf=2026-02-28").body().toString();
        compaction.compact(client, LocalDate.of(2026, 3, 1));
        assertThat(agent.get(base + "/reports/trial-balance?asOf=2026-02-28").body().toString()).isEqualTo(before);
    }

    @Test
    void theIncomeStatementAndBalanceSheetAgree() {
        JsonNode income = agent.get(base + "/reports/income-statement?from=2026-01-01&to=2026-03-31").body();
        assertThat(income.path("income").path("total").asLong()).isEqualTo(12_000_00);
        assertThat(income.path("expenses").path("total").asLong()).isEqualTo(9_500_00);
        assertThat(income.path("netIncome").asLong()).isEqualTo(2_500_00);
        JsonNode january = agent.get(base + "/reports/income-statement?from=2026-01-01&to=2026-01-31").body();
        assertThat(january.path("netIncome").asLong()).isEqualTo(5_000_00);

        JsonNode sheet = agent.get(base + "/reports/balance-sheet?asOf=2026-02-28").body();
        assertThat(sheet.path("assets").path("total").asLong()).isEqualTo(56_400_00);
        assertThat(sheet.path("currentEarnings").asLong()).isEqualTo(2_500_00);
        assertThat(sheet.path("liabilitiesAndEquity").asLong()).isEqualTo(sheet.path("assets").path("total").asLong());
        assertThat(sheet.path("assets").path("lines").get(0).path("heading").asBoolean()).isTrue();
    }

    @Test
    void theGeneralLedgerShowsRunningBalancesFromTheOpeningBalanceInPages() {
        JsonNode page = agent.get(base + "/reports/general-ledger/1010?from=2026-01-15&to=2026-02-28&limit=1").body();
        assertThat(page.path("opening").get(0).path("amount").asLong()).isEqualTo(50_000_00);
        assertThat(page.path("lines").get(0).path("balance").asLong()).isEqualTo(44_400_00);
        JsonNode next = agent.get(base + "/reports/general-ledger/1010?from=2026-01-15&to=2026-02-28&limit=1&cursor="
                + page.path("nextCursor").asString()).body();
        assertThat(next.path("lines").get(0).path("balance").asLong()).isEqualTo(56_400_00);
        assertThat(next.path("closing").get(0).path("amount").asLong()).isEqualTo(56_400_00);
        assertThat(next.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void foreignCurrencyLinesAreValuedAtTheDaysRateAndRevaluedAtTheClosingRate() {
        assertThat(agent.post(base + "/exchange-rates", Map.of("from", "EUR", "to", "USD", "day", "2026-03-01", "rate", "1.10"))
                .status()).isEqualTo(201);
        Map<String, Object> eurLine = Map.of("account", "1020", "debit", 1_000_00, "currency", "EUR");
        Map<String, Object> eurCredit = Map.of("account", "4100", "credit", 1_000_00, "currency", "EUR");
        Api.Response posted = agent.post(base + "/entries", entry("2026-03-05", "eur-sale", List.of(eurLine, eurCredit)));
        assertThat(posted.body().path("lines").get(0).path("functionalAmount").asLong()).isEqualTo(1_100_00);

        agent.post(base + "/exchange-rates", Map.of("from", "EUR", "to", "USD", "day", "2026-03-31", "rate", "1.125"));
        Api.Response revaluation = accountant.post(base + "/revaluations", Map.of("date", "2026-03-31"));
        assertThat(revaluation.status()).as(revaluation.body().toString()).isEqualTo(201);
        assertThat(accountant.post(base + "/revaluations", Map.of("date", "2026-03-31")).status()).isEqualTo(200);
        revaluations.revalueAll(LocalDate.of(2026, 3, 31));
        assertThat(agent.get(base + "/entries?from=2026-03-31&to=2026-03-31").body().path("items").size())
                .as("the month-end job finds this client's revaluation done").isEqualTo(1);

        JsonNode sheet = agent.get(base + "/reports/balance-sheet?asOf=2026-03-31").body();
        assertThat(sheet.path("assets").path("lines").findValues("account").stream().map(JsonNode::asString))
                .contains("1020");
        JsonNode trial = agent.get(base + "/reports/trial-balance?asOf=2026-03-31").body();
        long eurBank = 0;
        for (JsonNode row : trial.path("rows")) {
            if (row.path("account").asString().equals("1020")) {
                eurBank = row.path("functionalBalance").asLong();
                assertThat(row.path("debit").asLong()).as("the euro balance itself stays").isEqualTo(1_000_00);
            }
        }
        assertThat(eurBank).isEqualTo(1_125_00);
        assertThat(trial.path("functionalDebits").asLong()).isEqualTo(trial.path("functionalCredits").asLong());
        JsonNode income = agent.get(base + "/reports/income-statement?from=2026-03-01&to=2026-03-31").body();
        assertThat(income.path("netIncome").asLong()).as("sale at 1.10 plus the 25.00 unrealised gain").isEqualTo(1_125_00);
    }

    private static Map<String, Long> balances(JsonNode trialBalance) {
        Map<String, Long> balances = new HashMap<>();
        trialBalance.path("rows").forEach(row -> balances.put(row.path("account").asString(),
                row.path("debit").asLong() - row.path("credit").asLong()));
        return balances;
    }
}
