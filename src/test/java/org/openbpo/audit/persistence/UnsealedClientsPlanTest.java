package org.openbpo.audit.persistence;

import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sealer asks every second which clients have records to seal. Under row-level security, as
 * the application runs it, each client's probe must start at the client's sealed position in the
 * key, not read the client's whole trail and filter it.
 */
class UnsealedClientsPlanTest extends IntegrationTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void eachClientIsProbedFromItsSealedPositionUnderRowLevelSecurity() throws SQLException {
        TenantScope.run(AllowedClients.ALL, () -> transactions.execute(tx -> {
            for (int i = 0; i < 20; i++) {
                trail.record(AuditTrail.PROVIDER, "test.probed", "thing", UUID.randomUUID(), null, Map.of("n", i));
            }
            return null;
        }));

        StringBuilder plan = new StringBuilder();
        try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("select set_config('openbpo.clients', '*', true)");
            try (ResultSet rows = sql.executeQuery("explain " + AuditRecords.CLIENTS_WITH_UNSEALED_RECORDS)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            connection.rollback();
        }
        assertThat(plan.toString()).as(plan.toString())
                .containsPattern("Index Cond: \\(\\(client_id = c\\.client_id\\) AND \\(ROW\\(txid, id\\) >");
    }
}
