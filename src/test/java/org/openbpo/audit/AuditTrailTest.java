package org.openbpo.audit;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    AuditTrail trail;

    @Test
    void everyChangeLeavesARecordWithWhoWhenAndBeforeAndAfter() {
        Client client = register();
        TenantScope.run(AllowedClients.ALL, () -> clients.update(client.id(), new RegisterClient(client.code(),
                "Renamed Retail", client.legalEntity(), "US", "America/Chicago", "USD", ClientStatus.ACTIVE)));
        List<AuditEntry> history = TenantScope.call(AllowedClients.ALL, () -> trail.history(client.id(), "client", client.id()));
        assertThat(history).extracting(AuditEntry::action).containsExactly("client.registered", "client.updated");
        AuditEntry update = history.get(1);
        assertThat(update.before()).contains("\"name\": \"Retail\"");
        assertThat(update.after()).contains("\"name\": \"Renamed Retail\"");
        assertThat(update.recordedAt()).isEqualTo(clock.instant());
    }

    @Test
    void theChainHoldsUntilSomeoneEditsARecordAndThenNamesTheFirstBrokenLink() throws SQLException {
        Client client = register();
        for (int i = 0; i < 4; i++) {
            int n = i;
            TenantScope.run(AllowedClients.ALL, () -> clients.update(client.id(), new RegisterClient(client.code(),
                    "Name " + n, client.legalEntity(), "US", "America/Chicago", "USD", ClientStatus.ACTIVE)));
        }
        TenantScope.run(AllowedClients.ALL, trail::sealAll);
        assertThat(verify(client.id()).intact()).isTrue();
        assertThat(verify(client.id()).checked()).isEqualTo(5);

        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement()) {
            sql.execute("update audit.record set after = jsonb_set(after, '{name}', '\"Forged\"') "
                    + "where client_id = '" + client.id() + "' and chain_seq = 3");
        }
        ChainVerification broken = verify(client.id());
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenAt()).isEqualTo(3);
        assertThat(broken.checked()).isEqualTo(2);
        assertThat(broken.reason()).contains("content");
    }

    @Test
    void aDeletedRecordIsNoticed() throws SQLException {
        Client client = register();
        TenantScope.run(AllowedClients.ALL, () -> clients.update(client.id(), new RegisterClient(client.code(),
                "Again", client.legalEntity(), "US", "America/Chicago", "USD", ClientStatus.ACTIVE)));
        TenantScope.run(AllowedClients.ALL, trail::sealAll);
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement()) {
            sql.execute("delete from audit.record where client_id = '" + client.id() + "' and chain_seq = 2");
        }
        ChainVerification broken = verify(client.id());
        assertThat(broken.brokenAt()).isEqualTo(2);
        assertThat(broken.reason()).contains("missing");
    }

    private ChainVerification verify(UUID clientId) {
        return TenantScope.call(AllowedClients.ALL, () -> trail.verifyAll()).stream()
                .filter(result -> result.clientId().equals(clientId)).findFirst().orElseThrow();
    }

    private Client register() {
        providerAdministrator();
        return TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient(unique("AUD"), "Retail",
                "Retail Inc.", "US", "America/Chicago", "USD", ClientStatus.ACTIVE)));
    }
}
