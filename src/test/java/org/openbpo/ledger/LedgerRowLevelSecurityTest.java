package org.openbpo.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.ledger.LedgerPostingTest.credit;
import static org.openbpo.ledger.LedgerPostingTest.debit;
import static org.openbpo.ledger.LedgerPostingTest.entry;

/** The database's own layer: no tenant setting, no ledger rows; with one, the reports' queries keep their indexes. */
class LedgerRowLevelSecurityTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("book", "account", "dimension", "period", "exchange_rate", "entry",
            "line", "balance");

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;

    Bookkeeping.Setup setup;

    @BeforeEach
    void books() {
        setup = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens, books, "IFRS", "EUR");
        api().as(setup.agentToken()).post("/api/v1/clients/" + setup.client().id() + "/ledger/entries",
                entry("2026-03-02", "rls", List.of(euro("2400", true), euro("6100", false))));
    }

    private static java.util.Map<String, Object> euro(String account, boolean debit) {
        java.util.Map<String, Object> line = new java.util.HashMap<>(debit ? debit(account, 100) : credit(account, 100));
        line.put("currency", "EUR");
        return line;
    }

    @Test
    void everyLedgerTableIsForcedUnderRowLevelSecurity() throws SQLException {
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select relname from pg_class where relnamespace = 'ledger'::regnamespace "
                     + "and relkind = 'r' and relrowsecurity and relforcerowsecurity")) {
            List<String> forced = new java.util.ArrayList<>();
            while (rows.next()) {
                forced.add(rows.getString(1));
            }
            assertThat(forced).containsExactlyInAnyOrderElementsOf(TABLES);
        }
        try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = sql.executeQuery("select count(*) from ledger." + table)) {
                    rows.next();
                    assertThat(rows.getLong(1)).as(table + " without a tenant setting").isZero();
                }
            }
        }
    }

    @Test
    void theReportsQueriesKeepTheirIndexesUnderThePolicies() throws SQLException {
        String client = setup.client().id().toString();
        try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("set local enable_seqscan = off");
            sql.execute("select set_config('openbpo.clients', '" + client + "', true)");
            for (String query : List.of(
                    "select account_code, currency, sum(amount) from ledger.balance where client_id = '" + client
                            + "' and day between '0001-01-01' and '2026-12-31' group by 1, 2",
                    "select * from ledger.line where client_id = '" + client + "' and account_code = '2400' "
                            + "and entry_date between '2026-01-01' and '2026-12-31' order by entry_date, entry_id, line_no",
                    "select * from ledger.entry where client_id = '" + client + "' and idempotency_key = 'rls'")) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = sql.executeQuery("explain " + query)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).as(query).contains("Index").doesNotContain("Seq Scan");
            }
            connection.rollback();
        }
    }
}
