package org.openbpo.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database keeps the journal whole on its own, whatever writes to it: raw SQL as the
 * application's role, many entries in one statement, or the owner trying to edit history. The
 * checks run once per statement over what it wrote, not once per line.
 */
class LedgerIntegrityTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;

    String client;

    @BeforeEach
    void openBooks() {
        client = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens, books, "US_GAAP", "USD")
                .client().id().toString();
    }

    private String entry(String key, String date) {
        return "insert into ledger.entry (client_id, id, entry_date, description, source, idempotency_key, posted_at, posted_by) "
                + "values ('" + client + "', nextval('ledger.entry_id_seq'), '" + date + "', 'raw', 'MANUAL', '" + key + "', now(), 'raw')";
    }

    private String lines(String date, String debitAccount, long debit, String creditAccount, long credit) {
        return "insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, currency, amount, functional_amount) "
                + "values ('" + client + "', currval('ledger.entry_id_seq'), 1, '" + date + "', '" + debitAccount + "', 'USD', "
                + debit + ", " + debit + "), ('" + client + "', currval('ledger.entry_id_seq'), 2, '" + date + "', '"
                + creditAccount + "', 'USD', " + -credit + ", " + -credit + ")";
    }

    @Test
    void aBalancedEntryWrittenByRawSqlPostsAndMovesTheRunningBalances() throws SQLException {
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            sql.execute(entry("raw-ok", "2026-03-05"));
            sql.execute(lines("2026-03-05", "1010", 250, "4100", 250));
            connection.commit();
        }
        assertThat(count("select sum(amount) from ledger.balance where client_id = '" + client + "' and account_code = '1010'"))
                .isEqualTo(250);
    }

    @Test
    void aLineOnAnUnknownAccountIsRefused() throws SQLException {
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            sql.execute(entry("raw-unknown", "2026-03-05"));
            assertThatThrownBy(() -> sql.execute(lines("2026-03-05", "1010", 100, "9999", 100)))
                    .hasMessageContaining("there is no account 9999");
            connection.rollback();
        }
    }

    @Test
    void anEntryWithoutLinesIsRefusedAtCommit() throws SQLException {
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            sql.execute(entry("raw-with-lines", "2026-03-05"));
            sql.execute(lines("2026-03-05", "1010", 100, "4100", 100));
            sql.execute(entry("raw-bare", "2026-03-06"));
            assertThatThrownBy(connection::commit).hasMessageContaining("1 entries of this transaction have no lines");
        }
        assertThat(count("select count(*) from ledger.entry where client_id = '" + client + "'"))
                .as("nothing of the refused transaction stays").isZero();
    }

    @Test
    void anEntryPostedWithItsLinesInOneStatementDoesNotHideABareOneBeforeIt() throws SQLException {
        String entryWithLines = "with e as (insert into ledger.entry (client_id, id, entry_date, description, source, idempotency_key, "
                + "posted_at, posted_by) values ('" + client + "', nextval('ledger.entry_id_seq'), '2026-03-07', 'one statement', 'MANUAL', "
                + "'%s', now(), 'raw') returning id) insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, "
                + "currency, amount, functional_amount) select '" + client + "', e.id, l.n, '2026-03-07', l.account, 'USD', l.amount, "
                + "l.amount from e, (values (1, '1010', 40), (2, '4100', -40)) l(n, account, amount)";
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            sql.execute(entryWithLines.formatted("cte-alone"));
            connection.commit();
        }
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            sql.execute(entry("bare-first", "2026-03-06"));
            sql.execute(entryWithLines.formatted("cte-after-bare"));
            assertThatThrownBy(connection::commit).hasMessageContaining("1 entries of this transaction have no lines");
        }
        assertThat(count("select count(*) from ledger.entry where client_id = '" + client + "'")).isEqualTo(1);
    }

    @Test
    void linesDatedOtherwiseThanTheirEntryAreRefused() throws SQLException {
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            sql.execute(entry("raw-dates", "2026-03-05"));
            assertThatThrownBy(() -> sql.execute(lines("2026-03-06", "1010", 100, "4100", 100)))
                    .hasMessageContaining("has no entry dated 2026-03-06");
            connection.rollback();
        }
    }

    @Test
    void manyEntriesInOneStatementAreCheckedOneByOne() throws SQLException {
        String manyEntries = "insert into ledger.entry (client_id, id, entry_date, description, source, idempotency_key, posted_at, posted_by) "
                + "select '" + client + "', 1000000000 + n, '2026-03-05', 'many', 'IMPORT', 'many-' || n, now(), 'raw' "
                + "from generate_series(1, 500) n";
        String balancedExceptOne = "insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, currency, amount, "
                + "functional_amount) select '" + client + "', 1000000000 + n, l, '2026-03-05', case l when 1 then '1010' else '4100' end, "
                + "'USD', case l when 1 then 100 else case when n = 377 then -99 else -100 end end, "
                + "case l when 1 then 100 else case when n = 377 then -99 else -100 end end "
                + "from generate_series(1, 500) n, generate_series(1, 2) l";
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            sql.execute(manyEntries);
            assertThatThrownBy(() -> sql.execute(balancedExceptOne)).hasMessageContaining("entry 1000000377 does not balance in USD");
            connection.rollback();
        }
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            sql.execute(manyEntries);
            sql.execute(balancedExceptOne.replace("n = 377", "false"));
            connection.commit();
        }
        assertThat(count("select count(*) from ledger.line where client_id = '" + client + "'")).isEqualTo(1000);
        assertThat(count("select sum(amount) from ledger.balance where client_id = '" + client + "' and account_code = '4100'"))
                .isEqualTo(-50_000);
    }

    @Test
    void anEntryInTwoCurrenciesBalancesInEachOfThemNotOnlyInFunctionalValue() throws SQLException {
        String line = "('" + client + "', currval('ledger.entry_id_seq'), %d, '2026-03-05', '%s', '%s', %d, %d)";
        String insert = "insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, currency, amount, "
                + "functional_amount) values ";
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            sql.execute(entry("raw-mixed-off", "2026-03-05"));
            // Balances in functional value, not in either currency.
            assertThatThrownBy(() -> sql.execute(insert + line.formatted(1, "1010", "USD", 100, 100) + ", "
                    + line.formatted(2, "4100", "EUR", -90, -100)))
                    .hasMessageMatching("(?s).*entry \\d+ does not balance in (USD|EUR): off by.*");
            connection.rollback();
        }
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            sql.execute(entry("raw-mixed", "2026-03-05"));
            sql.execute(insert + line.formatted(1, "1010", "USD", 100, 100) + ", " + line.formatted(2, "4100", "USD", -100, -100)
                    + ", " + line.formatted(3, "1010", "EUR", 90, 99) + ", " + line.formatted(4, "4100", "EUR", -90, -99));
            connection.commit();
        }
        assertThat(count("select sum(functional_amount) from ledger.balance where client_id = '" + client
                + "' and account_code = '1010'")).isEqualTo(199);
    }

    @Test
    void notEvenTheOwnerChangesHistoryNorRenumbersAnAccountWithPostings() throws SQLException {
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            sql.execute(entry("raw-history", "2026-03-05"));
            sql.execute(lines("2026-03-05", "1010", 100, "4100", 100));
            connection.commit();
        }
        var settings = TestDatabase.settings();
        for (String change : List.of("update ledger.entry set description = 'x' where client_id = '" + client + "'",
                "delete from ledger.line where client_id = '" + client + "'",
                "truncate ledger.line",
                "update ledger.account set code = '1011' where client_id = '" + client + "' and code = '1010'",
                "delete from ledger.account where client_id = '" + client + "' and code = '4100'")) {
            try (Connection owner = DriverManager.getConnection(settings.url(), settings.owner(), settings.password());
                 Statement sql = owner.createStatement()) {
                owner.setAutoCommit(false);
                sql.execute("select set_config('openbpo.clients', '" + client + "', true)");
                assertThatThrownBy(() -> sql.execute(change)).as(change)
                        .hasMessageMatching("(?s).*(append-only|has postings).*");
                owner.rollback();
            }
        }
    }

    private long count(String query) throws SQLException {
        try (Connection connection = applicationRole(); Statement sql = connection.createStatement()) {
            long value = single(sql, query);
            connection.rollback();
            return value;
        }
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection applicationRole() throws SQLException {
        TenantScope.run(AllowedClients.ALL, () -> books.book(java.util.UUID.fromString(client)));
        Connection connection = TestDatabase.asApplicationRole();
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute("select set_config('openbpo.clients', '" + client + "', true)");
        }
        return connection;
    }
}
