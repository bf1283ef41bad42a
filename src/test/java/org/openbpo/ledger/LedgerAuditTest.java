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

    private List<AuditEntry> history(String entityType, Object id) {
        return TenantScope.call(AllowedClients.ALL, () -> trail.history(client, entityType, id));
    }
}
