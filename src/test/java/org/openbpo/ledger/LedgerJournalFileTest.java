package org.openbpo.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.ledger.bench.PeerBalances;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.ledger.LedgerPostingTest.credit;
import static org.openbpo.ledger.LedgerPostingTest.debit;
import static org.openbpo.ledger.LedgerPostingTest.entry;

/**
 * A client's books leave as a plain-text journal and come back: ledger-cli and hledger (when the
 * machine has them) read the export to the same balances, and importing it into another
 * client's new books gives the same trial balance.
 */
class LedgerJournalFileTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;

    Bookkeeping.Setup from;
    Bookkeeping.Setup to;

    @BeforeEach
    void twoClients() {
        from = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens, books, "US_GAAP", "USD");
        to = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens, books, "US_GAAP", "USD");
    }

    @Test
    void anExportedJournalReadsTheSameInLedgerHledgerAndAReimport() throws Exception {
        Api agent = api().as(from.accountantToken());
        String base = base(from);
        for (Bookkeeping.Setup each : List.of(from, to)) {
            api().as(each.accountantToken()).post(base(each) + "/dimensions", Map.of("kind", "COST_CENTRE", "code", "OPS", "name", "Operations"));
        }
        agent.post(base + "/exchange-rates", Map.of("from", "EUR", "to", "USD", "day", "2026-03-01", "rate", "1.1"));
        post(agent, base, entry("2026-03-02", "cap; \"quoted\", commas", List.of(debit("1010", 50_000_00), credit("3010", 50_000_00))));
        post(agent, base, entry("2026-03-03", "payroll: March", List.of(
                Map.of("account", "6010", "debit", 7_000_00, "currency", "USD", "costCentre", "OPS", "memo", "Ops team"),
                credit("1010", 5_600_00), credit("2210", 1_400_00))));
        post(agent, base, entry("2026-03-05", "eur-sale", List.of(Map.of("account", "1020", "debit", 1_000_00, "currency", "EUR"),
                Map.of("account", "4100", "credit", 1_000_00, "currency", "EUR"))));
        long rent = post(agent, base, entry("2026-03-06", "rent", List.of(debit("6100", 999), credit("1010", 999))));
        assertThat(agent.post(base + "/entries/" + rent + "/reversal", Map.of()).status()).isEqualTo(201);
        agent.post(base + "/exchange-rates", Map.of("from", "EUR", "to", "USD", "day", "2026-03-31", "rate", "1.125"));
        assertThat(agent.post(base + "/revaluations", Map.of("date", "2026-03-31")).status()).isEqualTo(201);

        Api.Response export = agent.get(base + "/journal");
        assertThat(export.status()).isEqualTo(200);
        String journal = export.body().asString();
        assertThat(journal).contains("2026-03-02 * (").contains("Assets:1000 Current assets:1010 Cash and cash equivalents  50000.00 USD")
                .contains("; functional: 1100.00 USD").contains("; cost-centre: OPS");

        Map<String, Map<String, BigDecimal>> ours = balances(agent.get(base + "/reports/trial-balance?asOf=2026-12-31").body());
        Path file = Files.createTempFile("ledger-export", ".journal");
        Files.writeString(file, journal);
        Optional<Path> ledger = PeerBalances.installed("ledger");
        Optional<Path> hledger = PeerBalances.installed("hledger");
        if (ledger.isPresent()) {
            assertThat(PeerBalances.ledger(ledger.get(), file).byAccount()).as("ledger-cli").isEqualTo(ours);
        }
        if (hledger.isPresent()) {
            assertThat(PeerBalances.hledger(hledger.get(), file).byAccount()).as("hledger").isEqualTo(ours);
        }

        Api target = api().as(to.accountantToken());
        Api.Response imported = target.post(base(to) + "/journal", Map.of("journal", journal));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("entriesPosted").asLong()).isEqualTo(6);
        JsonNode theirs = target.get(base(to) + "/reports/trial-balance?asOf=2026-12-31").body();
        assertThat(balances(theirs)).isEqualTo(ours);
        assertThat(theirs.path("rows").toString()).isEqualTo(agent.get(base + "/reports/trial-balance?asOf=2026-12-31")
                .body().path("rows").toString());
        assertThat(target.get(base(to) + "/entries?limit=1").body().path("items").get(0).path("source").asString()).isEqualTo("IMPORT");

        Api.Response again = target.post(base(to) + "/journal", Map.of("journal", journal));
        assertThat(again.body().path("entriesPosted").asLong()).as("importing twice posts nothing new").isZero();
        assertThat(again.body().path("entriesAlreadyPresent").asLong()).isEqualTo(6);
    }

    @Test
    void aHandWrittenJournalComesInWithItsAccountsAndPrices() {
        String journal = """
                ; kept by hand before the client came to us
                P 2025/12/01 EUR 1.05 USD

                2025/12/01 Opening balances
                    Assets:Bank:Checking          $1,250.50
                    Equity:Opening balances

                2025/12/03 ! (1001) Grocer | weekly shop  ; tag: x
                    Expenses:Food                  $42.10
                    Assets:Bank:Checking          -$42.10

                2025-12-04 * Paris trip
                    Expenses:Travel        200 EUR
                    Liabilities:Card EUR   -200 EUR
                """;
        Api accountant = api().as(to.accountantToken());
        Api.Response refused = accountant.post(base(to) + "/journal", Map.of("journal", journal));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("field")).isEqualTo("journal");
        assertThat(refused.text("detail")).startsWith("Line 5:").contains("Assets:Bank:Checking");

        Api.Response imported = accountant.post(base(to) + "/journal", Map.of("journal", journal, "openMissingAccounts", true));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("entriesPosted").asLong()).isEqualTo(3);
        assertThat(imported.body().path("accountsOpened").asLong()).isEqualTo(5);
        assertThat(imported.body().path("ratesQuoted").asLong()).isEqualTo(1);
        JsonNode trial = accountant.get(base(to) + "/reports/trial-balance?asOf=2025-12-31").body();
        assertThat(balances(trial).get("ASSETS-BANK-CHECKING")).containsEntry("USD", new BigDecimal("1208.40"));
        assertThat(trial.path("functionalDebits").asLong()).isEqualTo(trial.path("functionalCredits").asLong());
    }

    @Test
    void aBrokenJournalIsRefusedWithItsLineAndNothingPosts() {
        Api accountant = api().as(to.accountantToken());
        String unbalanced = """
                2026-01-05 Fine
                    Assets:1000 Current assets:1010 Cash  10.00 USD
                    Income:4000 Revenue:4100 Service revenue  -10.00 USD

                2026-01-06 Off by a cent
                    Assets:1000 Current assets:1010 Cash  10.00 USD
                    Income:4000 Revenue:4100 Service revenue  -9.99 USD
                """;
        Api.Response response = accountant.post(base(to) + "/journal", Map.of("journal", unbalanced));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("unbalanced");
        assertThat(response.text("detail")).startsWith("Line 5:");
        assertThat(accountant.post(base(to) + "/journal", Map.of("journal", "2026-01-07 X\n    Assets:Cash  10 USD @ 1 EUR\n    Equity:E\n"))
                .text("detail")).startsWith("Line 2:").contains("@");
        assertThat(accountant.get(base(to) + "/entries").body().path("items").size()).isZero();
    }

    @Test
    void aRefusedImportLeavesNoneOfTheAccountsItOpenedOnTheWay() {
        Api accountant = api().as(to.accountantToken());
        String journal = """
                2026-01-05 Groceries
                    Expenses:Food  42.10 USD
                    Assets:1000 Current assets:1010 Cash  -42.10 USD

                2026-01-06 Off by a cent
                    Expenses:Food  10.00 USD
                    Assets:1000 Current assets:1010 Cash  -9.99 USD
                """;
        Api.Response refused = accountant.post(base(to) + "/journal", Map.of("journal", journal, "openMissingAccounts", true));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).startsWith("Line 5:");

        // The first entry opened Expenses:Food in the import's transaction, and the rollback took it away.
        assertThat(accountant.get(base(to) + "/accounts/EXPENSES-FOOD").status()).isEqualTo(404);
        assertThat(accountant.get(base(to) + "/accounts").body().toString()).doesNotContain("EXPENSES-FOOD");
        Api.Response posted = accountant.post(base(to) + "/entries",
                entry("2026-01-07", "never-opened", List.of(debit("EXPENSES-FOOD", 10_00), credit("1010", 10_00))));
        assertThat(posted.status()).isEqualTo(422);
        assertThat(posted.text("field")).isNotBlank();
    }

    private static long post(Api api, String base, Map<String, Object> entry) {
        Api.Response response = api.post(base + "/entries", entry);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().path("id").asLong();
    }

    private static String base(Bookkeeping.Setup setup) {
        return "/api/v1/clients/" + setup.client().id() + "/ledger";
    }

    /** Non-zero balances by account and currency, in major units as the peers print them. */
    static Map<String, Map<String, BigDecimal>> balances(JsonNode trialBalance) {
        Map<String, Map<String, BigDecimal>> balances = new TreeMap<>();
        trialBalance.path("rows").forEach(row -> {
            long amount = row.path("debit").asLong() - row.path("credit").asLong();
            if (amount != 0) {
                int digits = java.util.Currency.getInstance(row.path("currency").asString()).getDefaultFractionDigits();
                balances.computeIfAbsent(row.path("account").asString(), a -> new TreeMap<>())
                        .put(row.path("currency").asString(), BigDecimal.valueOf(amount, digits));
            }
        });
        return balances;
    }
}
