package org.openbpo.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditEntry;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the people keeping a client's books do leaves its trace in the client's audit trail. */
class LedgerAuditTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;
    @Autowired
    AuditTrail trail;

    UUID client;
    Api agent;
    Api accountant;
    String base;

    @BeforeEach
    void openBooks() {
        Bookkeeping.Setup setup = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens,
                books, "US_GAAP", "USD");
        client = setup.client().id();
        agent = api().as(setup.agentToken());
        accountant = api().as(setup.accountantToken());
        base = "/api/v1/clients/" + client + "/ledger";
    }

    @Test
    void aReplacedExchangeRateIsRecordedWithTheRateItReplaced() {
        Map<String, Object> first = Map.of("from", "EUR", "to", "USD", "day", "2026-03-02", "rate", "1.10");
        assertThat(agent.post(base + "/exchange-rates", first).status()).isEqualTo(201);
        assertThat(agent.post(base + "/exchange-rates", Map.of("from", "EUR", "to", "USD", "day", "2026-03-02", "rate", "1.0875"))
                .status()).isEqualTo(201);

        List<AuditEntry> history = history("exchange-rate", "EUR/USD@2026-03-02");
        assertThat(history).extracting(AuditEntry::action).containsExactly("ledger.rate-quoted", "ledger.rate-quoted");
        assertThat(history.get(0).before()).as("a first quote replaces nothing").isNull();
        assertThat(history.get(1).before()).contains("1.1").doesNotContain("1.0875");
        assertThat(history.get(1).after()).contains("1.0875");
    }

    @Test
    void postingsAndReversalsByPeopleAreInTheTrailAndARepeatedPostIsNot() {
        Api.Response batched = agent.post(base + "/entries", LedgerPostingTest.entry("2026-03-03", "audit-1",
                List.of(LedgerPostingTest.debit("6100", 2_000_00), LedgerPostingTest.credit("1010", 2_000_00))));
        assertThat(batched.status()).isEqualTo(201);
        long first = batched.body().path("id").asLong();
        Api.Response inTransaction = agent.header("Idempotency-Key", "audit-2").post(base + "/entries", Map.of("date", "2026-03-04",
                "description", "Office supplies", "lines", List.of(LedgerPostingTest.debit("6300", 45_00),
                        LedgerPostingTest.credit("1010", 45_00))));
        assertThat(inTransaction.status()).isEqualTo(201);
        long second = inTransaction.body().path("id").asLong();
        assertThat(agent.post(base + "/entries", LedgerPostingTest.entry("2026-03-03", "audit-1",
                List.of(LedgerPostingTest.debit("6100", 2_000_00), LedgerPostingTest.credit("1010", 2_000_00)))).status())
                .isEqualTo(200);
        assertThat(agent.post(base + "/entries/" + first + "/reversal", Map.of("description", "Rent posted twice")).status())
                .isEqualTo(201);

        List<AuditEntry> firstHistory = history("entry", first);
        assertThat(firstHistory).extracting(AuditEntry::action).containsExactly("ledger.entry-posted", "ledger.entry-reversed");
        assertThat(firstHistory).extracting(AuditEntry::actor).doesNotContain("system").containsOnly(firstHistory.get(0).actor());
        assertThat(firstHistory.get(0).after()).contains("\"idempotencyKey\":\"audit-1\"").contains("\"functionalDebits\":200000");
        assertThat(firstHistory.get(1).after()).contains("\"reverses\":" + first).contains("Rent posted twice");
        assertThat(history("entry", second)).extracting(AuditEntry::action).containsExactly("ledger.entry-posted");
    }

    @Test
    void periodChangesAndImportsAreInTheTrailAnImportOnceNotPerEntry() {
        assertThat(accountant.put(base + "/periods/2026-01", Map.of("status", "CLOSED")).status()).isEqualTo(200);
        assertThat(history("period", "2026-01")).extracting(AuditEntry::action).containsExactly("ledger.period-closed");
        String journal = """
                2026-02-02 * Fees
                    Assets:1000 Current assets:1010 Cash  100.00 USD
                    Income:4000 Revenue:4100 Service revenue  -100.00 USD

                2026-02-03 * More fees
                    Assets:1000 Current assets:1010 Cash  50.00 USD
                    Income:4000 Revenue:4100 Service revenue
                """;
        Api.Response imported = accountant.post(base + "/journal", Map.of("journal", journal));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(history("book", client)).extracting(AuditEntry::action).containsOnlyOnce("ledger.journal-imported");
        for (var entry : agent.get(base + "/entries?from=2026-02-01&to=2026-02-28").body().path("items")) {
            assertThat(history("entry", entry.path("id").asLong())).as("imported entries are covered by the import's record")
                    .isEmpty();
        }
    }

    private List<AuditEntry> history(String entityType, Object id) {
        return TenantScope.call(AllowedClients.ALL, () -> trail.history(client, entityType, id));
    }
}
