package org.openbpo.tenancy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The second layer: the database itself refuses rows of clients the transaction was not given. */
class RowLevelSecurityTest extends IntegrationTest {

    @Autowired
    javax.sql.DataSource applicationPool;
    @Autowired
    Clients clients;

    Client first;
    Client second;

    @BeforeEach
    void twoClients() {
        providerAdministrator();
        TenantScope.run(AllowedClients.ALL, () -> {
            first = clients.register(new RegisterClient(unique("RLSA"), "First", "First Ltd", "US", "America/New_York", "USD", null));
            second = clients.register(new RegisterClient(unique("RLSB"), "Second", "Second Ltd", "US", "America/New_York", "USD", null));
        });
    }

    @Test
    void withoutTheTenantSettingTheApplicationRoleSeesNoRowsAtAll() throws SQLException {
        try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement()) {
            for (String table : new String[]{"tenancy.client", "tenancy.app_user", "tenancy.user_client",
                    "tenancy.api_token", "audit.record"}) {
                assertThat(count(sql, "select count(*) from " + table)).as(table).isZero();
            }
        }
        assertThat(count("select count(*) from tenancy.client")).as("rows really exist").isGreaterThanOrEqualTo(2);
    }

    @Test
    void withOneClientInTheSettingOnlyThatClientIsVisibleOrChangeable() throws SQLException {
        try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("select set_config('openbpo.clients', '" + first.id() + "', true)");
            assertThat(count(sql, "select count(*) from tenancy.client")).isEqualTo(1);
            assertThat(count(sql, "select count(*) from tenancy.client where id = '" + second.id() + "'")).isZero();
            assertThat(sql.executeUpdate("update tenancy.client set name = 'Hijacked' where id = '" + second.id() + "'")).isZero();
            assertThat(count(sql, "select count(*) from audit.record where client_id = '" + second.id() + "'")).isZero();
            assertThatThrownBy(() -> sql.execute("insert into audit.record (client_id, recorded_at, actor, action, entity_type, entity_id) "
                    + "values ('" + second.id() + "', now(), 'x', 'forged', 'client', 'x')"))
                    .hasMessageContaining("row-level security");
            connection.rollback();
        }
    }

    @Test
    void theStarShowsEveryClientAnEmptySettingNoneAndAListExactlyItsClients() throws SQLException {
        String both = "id in ('" + first.id() + "', '" + second.id() + "')";
        try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("select set_config('openbpo.clients', '*', true)");
            assertThat(count(sql, "select count(*) from tenancy.client where " + both)).isEqualTo(2);
            assertThat(count(sql, "select count(*) from tenancy.client")).isEqualTo(count("select count(*) from tenancy.client"));
            connection.rollback();
            sql.execute("select set_config('openbpo.clients', '', true)");
            assertThat(count(sql, "select count(*) from tenancy.client")).isZero();
            connection.rollback();
            sql.execute("select set_config('openbpo.clients', '" + first.id() + "," + second.id() + "', true)");
            assertThat(count(sql, "select count(*) from tenancy.client")).isEqualTo(2);
            assertThat(count(sql, "select count(*) from tenancy.client where " + both)).isEqualTo(2);
            connection.rollback();
        }
    }

    @Test
    void theApplicationRoleCannotRewriteOrDeleteTheAuditTrail() throws SQLException {
        try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("select set_config('openbpo.clients', '*', true)");
            assertThatThrownBy(() -> sql.execute("update audit.record set actor = 'nobody'"))
                    .hasMessageContaining("permission denied");
            connection.rollback();
            sql.execute("select set_config('openbpo.clients', '*', true)");
            assertThatThrownBy(() -> sql.execute("delete from audit.record"))
                    .hasMessageContaining("permission denied");
            connection.rollback();
        }
    }

    /**
     * The application's own pool logs in as the application role: a connection that resets its role
     * is still that role, and cannot lift row-level security or rewrite the audit trail.
     */
    @Test
    void theApplicationsConnectionsCannotBecomeTheOwner() throws SQLException {
        try (Connection connection = applicationPool.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("reset role");
            try (ResultSet who = sql.executeQuery("select current_user, session_user")) {
                who.next();
                assertThat(who.getString(1)).isEqualTo("openbpo_app");
                assertThat(who.getString(2)).isEqualTo("openbpo_app");
            }
            assertThatThrownBy(() -> sql.execute("alter table audit.record no force row level security"))
                    .hasMessageContaining("must be owner");
            connection.setAutoCommit(false);
            sql.execute("select set_config('openbpo.clients', '*', true)");
            assertThatThrownBy(() -> sql.execute("delete from audit.record")).hasMessageContaining("permission denied");
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void theApplicationRoleIsNeitherSuperuserNorOwnerNorExempt() throws SQLException {
        try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement();
             ResultSet role = sql.executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            role.next();
            assertThat(role.getBoolean(1)).isFalse();
            assertThat(role.getBoolean(2)).isFalse();
            assertThat(count(sql, "select count(*) from pg_tables where tableowner = current_user")).isZero();
        }
    }

    @Test
    void thePoliciesKeepIndexUse() throws SQLException {
        try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("set local enable_seqscan = off");
            sql.execute("select set_config('openbpo.clients', '" + first.id() + "', true)");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = sql.executeQuery("explain select * from audit.record where client_id = '"
                    + first.id() + "' and entity_type = 'client' and entity_id = 'x'")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("Index").doesNotContain("Seq Scan");
            connection.rollback();
        }
    }


    private static long count(String query) throws SQLException {
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement()) {
            return count(sql, query);
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
