package org.openbpo.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Posting through the API: what balances posts once, what does not is refused naming the field. */
class LedgerPostingTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;

    Bookkeeping.Setup books1;
    Api agent;
    Api accountant;
    String base;

    @BeforeEach
    void openBooks() {
        books1 = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens, books, "US_GAAP", "USD");
        agent = api().as(books1.agentToken());
        accountant = api().as(books1.accountantToken());
        base = "/api/v1/clients/" + books1.client().id() + "/ledger";
    }

    static Map<String, Object> entry(String date, String key, List<Map<String, Object>> lines) {
        return Map.of("date", date, "description", "Consulting invoice 42", "idempotencyKey", key, "lines", lines);
    }

    static Map<String, Object> debit(String account, long amount) {
        return Map.of("account", account, "debit", amount, "currency", "USD");
    }

    static Map<String, Object> credit(String account, long amount) {
        return Map.of("account", account, "credit", amount, "currency", "USD");
    }

    @Test
    void amountsWhoseTotalLeavesTheRangeOfMinorUnitsAreRefusedNotFailed() {
        Api.Response refused = accountant.post(base + "/entries", entry("2026-03-05", unique("huge"),
                List.of(debit("1010", Long.MAX_VALUE), debit("1010", 1), credit("3010", Long.MAX_VALUE), credit("3010", 1))));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("number-out-of-range");
        assertThat(accountant.get(base + "/entries").body().path("items").size()).isZero();
    }

    @Test
    void aBalancedEntryPostsOnceAndARepeatedPostReturnsTheFirst() {
        Map<String, Object> invoice = entry("2026-03-02", "inv-42", List.of(debit("1100", 150_00), credit("4100", 125_00),
                credit("2300", 25_00)));
        Api.Response first = agent.post(base + "/entries", invoice);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.body().path("lines").size()).isEqualTo(3);
        Api.Response again = agent.post(base + "/entries", invoice);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong()).isEqualTo(first.body().path("id").asLong());
        assertThat(agent.get(base + "/entries?from=2026-03-01&to=2026-03-31").body().path("items").size()).isEqualTo(1);
        assertThat(api().as(books1.clientToken()).get(base + "/entries/" + first.body().path("id").asLong()).status())
                .as("the client reads its books").isEqualTo(200);
    }

    @Test
    void theIdempotencyKeyMayComeAsTheHeaderInstead() {
        Map<String, Object> body = Map.of("date", "2026-03-02", "description", "Keyed by header",
                "lines", List.of(debit("1100", 10_00), credit("4100", 10_00)));
        Api keyed = agent.header("Idempotency-Key", "header-key-1");
        Api.Response first = keyed.post(base + "/entries", body);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.text("idempotencyKey")).isEqualTo("header-key-1");
        assertThat(keyed.post(base + "/entries", body).body().path("id").asLong()).isEqualTo(first.body().path("id").asLong());
        Api.Response unkeyed = agent.post(base + "/entries", body);
        assertThat(unkeyed.status()).isEqualTo(422);
        assertThat(unkeyed.text("field")).isEqualTo("idempotencyKey");
    }

    @Test
    void anUnbalancedEntryIsRefusedNamingTheLines() {
        Api.Response response = agent.post(base + "/entries", entry("2026-03-02", "bad-1",
                List.of(debit("1100", 150_00), credit("4100", 149_99))));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("unbalanced");
        assertThat(response.text("field")).isEqualTo("lines");
        assertThat(response.text("detail")).contains("USD").contains("0.01");
    }

    @Test
    void anUnknownAccountOrAHeadingIsRefusedNamingTheLine() {
        Api.Response unknown = agent.post(base + "/entries", entry("2026-03-02", "bad-2",
                List.of(debit("1100", 100), credit("9999", 100))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("code")).isEqualTo("unknown-account");
        assertThat(unknown.text("field")).isEqualTo("lines[1].account");
        Api.Response heading = agent.post(base + "/entries", entry("2026-03-02", "bad-3",
                List.of(debit("1000", 100), credit("4100", 100))));
        assertThat(heading.text("field")).isEqualTo("lines[0].account");
        Api.Response both = agent.post(base + "/entries", entry("2026-03-02", "bad-4",
                List.of(Map.of("account", "1100", "debit", 100, "credit", 100, "currency", "USD"), credit("4100", 100))));
        assertThat(both.text("field")).isEqualTo("lines[0].debit");
    }

    @Test
    void aReversalUndoesTheEntryOnce() {
        long id = agent.post(base + "/entries", entry("2026-03-03", "rev-1", List.of(debit("6100", 2_000_00),
                credit("1010", 2_000_00)))).body().path("id").asLong();
        Api.Response reversal = agent.post(base + "/entries/" + id + "/reversal", Map.of("description", "Rent posted twice"));
        assertThat(reversal.status()).isEqualTo(201);
        assertThat(reversal.body().path("reverses").asLong()).isEqualTo(id);
        assertThat(reversal.text("source")).isEqualTo("REVERSAL");
        assertThat(reversal.body().path("lines").get(0).path("credit").asLong()).isEqualTo(2_000_00);
        Api.Response again = agent.post(base + "/entries/" + id + "/reversal", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong()).isEqualTo(reversal.body().path("id").asLong());
    }

    @Test
    void aClosedPeriodTakesNothingAndASoftClosedOneOnlyAccountantsAdjustments() {
        assertThat(agent.put(base + "/periods/2026-01", Map.of("status", "CLOSED")).status()).as("agents cannot close").isEqualTo(403);
        assertThat(accountant.put(base + "/periods/2026-01", Map.of("status", "CLOSED")).status()).isEqualTo(200);
        assertThat(accountant.put(base + "/periods/2026-02", Map.of("status", "SOFT_CLOSED")).status()).isEqualTo(200);

        Api.Response closed = agent.post(base + "/entries", entry("2026-01-31", "jan-1", List.of(debit("6100", 100), credit("1010", 100))));
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.text("code")).isEqualTo("period-closed");
        assertThat(closed.text("field")).isEqualTo("date");

        Map<String, Object> adjusting = Map.of("date", "2026-02-28", "description", "Accrue February audit fee",
                "idempotencyKey", "feb-adj", "adjusting", true, "lines", List.of(debit("6300", 500_00), credit("2100", 500_00)));
        assertThat(agent.post(base + "/entries", entry("2026-02-28", "feb-1", List.of(debit("6100", 100), credit("1010", 100))))
                .text("code")).isEqualTo("period-soft-closed");
        assertThat(agent.post(base + "/entries", adjusting).status()).as("agents are not accountants").isEqualTo(403);
        assertThat(accountant.post(base + "/entries", adjusting).status()).isEqualTo(201);
        assertThat(agent.get(base + "/periods?year=2026").body().get(0).path("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void onlyAccountantsReverseAnAdjustingEntry() {
        Map<String, Object> adjusting = Map.of("date", "2026-02-27", "description", "Accrue February bonus",
                "idempotencyKey", "feb-bonus", "adjusting", true, "lines", List.of(debit("6300", 700_00), credit("2100", 700_00)));
        long id = accountant.post(base + "/entries", adjusting).body().path("id").asLong();
        assertThat(accountant.put(base + "/periods/2026-02", Map.of("status", "SOFT_CLOSED")).status()).isEqualTo(200);

        Api.Response byAgent = agent.post(base + "/entries/" + id + "/reversal", Map.of());
        assertThat(byAgent.status()).as("an agent would post into the soft-closed month").isEqualTo(403);
        Api.Response byAccountant = accountant.post(base + "/entries/" + id + "/reversal", Map.of());
        assertThat(byAccountant.status()).as(byAccountant.body().toString()).isEqualTo(201);
        assertThat(byAccountant.body().path("adjusting").asBoolean()).isTrue();
    }

    @Test
    void theLedgersOwnKeysAreNotForUsersSoAReversalIsAlwaysTheRealOne() {
        long id = agent.post(base + "/entries", entry("2026-03-03", "rent-mar", List.of(debit("6100", 900_00),
                credit("1010", 900_00)))).body().path("id").asLong();
        Api.Response squat = agent.post(base + "/entries", entry("2026-03-04", "reversal:" + id,
                List.of(debit("1100", 1), credit("4100", 1))));
        assertThat(squat.status()).as(squat.body().toString()).isEqualTo(422);
        assertThat(squat.text("field")).isEqualTo("idempotencyKey");
        Api.Response byHeader = agent.header("Idempotency-Key", "revaluation:2026-03-31").post(base + "/entries",
                Map.of("date", "2026-03-04", "description", "x", "lines", List.of(debit("1100", 1), credit("4100", 1))));
        assertThat(byHeader.status()).isEqualTo(422);
        assertThat(byHeader.text("field")).isEqualTo("idempotencyKey");

        Api.Response reversal = agent.post(base + "/entries/" + id + "/reversal", Map.of());
        assertThat(reversal.status()).as(reversal.body().toString()).isEqualTo(201);
        assertThat(reversal.body().path("reverses").asLong()).isEqualTo(id);
    }

    @Test
    void anEntryHoldingAReversalsKeyIsNotPassedOffAsTheReversal() throws SQLException {
        long id = agent.post(base + "/entries", entry("2026-03-03", "rent-apr", List.of(debit("6100", 900_00),
                credit("1010", 900_00)))).body().path("id").asLong();
        String client = books1.client().id().toString();
        try (Connection connection = applicationRole(client); Statement sql = connection.createStatement()) {
            // as an entry posted under this key before users' keys were kept apart
            sql.execute("insert into ledger.entry (client_id, id, entry_date, description, source, idempotency_key, posted_at, posted_by) "
                    + "values ('" + client + "', nextval('ledger.entry_id_seq'), '2026-03-05', 'unrelated', 'MANUAL', 'reversal:" + id
                    + "', now(), 'raw')");
            sql.execute("insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, currency, amount, functional_amount) "
                    + "values ('" + client + "', currval('ledger.entry_id_seq'), 1, '2026-03-05', '1100', 'USD', 1, 1),"
                    + " ('" + client + "', currval('ledger.entry_id_seq'), 2, '2026-03-05', '4100', 'USD', -1, -1)");
            connection.commit();
        }
        Api.Response reversal = agent.post(base + "/entries/" + id + "/reversal", Map.of());
        assertThat(reversal.status()).as(reversal.body().toString()).isEqualTo(409);
        assertThat(reversal.text("code")).isEqualTo("idempotency-key-taken");
    }

    @Test
    void aKeyUsedAgainForAnotherEntryIsRefusedAndTheSameEntryReplays() {
        Map<String, Object> first = entry("2026-03-02", "inv-77", List.of(debit("1100", 77_00), credit("4100", 77_00)));
        assertThat(agent.post(base + "/entries", first).status()).isEqualTo(201);
        Api.Response other = agent.post(base + "/entries", entry("2026-03-02", "inv-77",
                List.of(debit("1100", 78_00), credit("4100", 78_00))));
        assertThat(other.status()).as(other.body().toString()).isEqualTo(422);
        assertThat(other.text("code")).isEqualTo("idempotency-key-reused");
        assertThat(other.text("field")).isEqualTo("idempotencyKey");
        assertThat(agent.post(base + "/entries", first).status()).isEqualTo(200);
    }

    @Test
    void aYearOutOfRangeOrARateTooFineToStoreIsRefusedNamingTheField() {
        Api.Response year = agent.get(base + "/periods?year=1000000000");
        assertThat(year.status()).as(year.body().toString()).isEqualTo(422);
        assertThat(year.text("field")).isEqualTo("year");
        Api.Response rate = agent.post(base + "/exchange-rates", Map.of("from", "EUR", "to", "USD", "day", "2026-03-01",
                "rate", "0.0000000000001"));
        assertThat(rate.status()).as(rate.body().toString()).isEqualTo(422);
        assertThat(rate.text("field")).isEqualTo("rate");
    }

    @Test
    void onlyAdministratorsReopenAClosedMonth() {
        assertThat(accountant.put(base + "/periods/2025-11", Map.of("status", "CLOSED")).status()).isEqualTo(200);
        Api.Response reopen = accountant.put(base + "/periods/2025-11", Map.of("status", "OPEN"));
        assertThat(reopen.status()).isEqualTo(403);
        assertThat(agent.get(base + "/periods?year=2025").body().get(10).path("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void theDatabaseRefusesAnUnbalancedEntryAndAnyEntryInAClosedPeriod() throws SQLException {
        String client = books1.client().id().toString();
        try (Connection connection = applicationRole(client); Statement sql = connection.createStatement()) {
            sql.execute("insert into ledger.entry (client_id, id, entry_date, description, source, idempotency_key, posted_at, posted_by) "
                    + "values ('" + client + "', nextval('ledger.entry_id_seq'), '2026-03-05', 'forged', 'MANUAL', 'raw-1', now(), 'raw')");
            assertThatThrownBy(() -> sql.execute("insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, currency, amount, functional_amount) "
                    + "values ('" + client + "', currval('ledger.entry_id_seq'), 1, '2026-03-05', '1010', 'USD', 100, 100),"
                    + " ('" + client + "', currval('ledger.entry_id_seq'), 2, '2026-03-05', '4100', 'USD', -99, -99)"))
                    .hasMessageContaining("does not balance in USD");
            connection.rollback();
        }
        TenantScope.run(AllowedClients.ALL, () -> books.book(books1.client().id()));
        accountant.put(base + "/periods/2025-12", Map.of("status", "CLOSED"));
        try (Connection connection = applicationRole(client); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute("insert into ledger.entry (client_id, id, entry_date, description, source, "
                    + "idempotency_key, posted_at, posted_by) values ('" + client + "', nextval('ledger.entry_id_seq'), "
                    + "'2025-12-31', 'forged', 'MANUAL', 'raw-2', now(), 'raw')")).hasMessageContaining("CLOSED");
            connection.rollback();
        }
    }

    @Test
    void theApplicationCannotChangeOrDeleteEntriesNorLinesNorAddLinesLater() throws SQLException {
        long id = agent.post(base + "/entries", entry("2026-03-04", "fixed-1", List.of(debit("6100", 100), credit("1010", 100))))
                .body().path("id").asLong();
        String client = books1.client().id().toString();
        for (String change : List.of("update ledger.entry set description = 'x'", "delete from ledger.entry",
                "update ledger.line set amount = 1", "delete from ledger.line")) {
            try (Connection connection = applicationRole(client); Statement sql = connection.createStatement()) {
                assertThatThrownBy(() -> sql.execute(change)).as(change).hasMessageContaining("permission denied");
                connection.rollback();
            }
        }
        try (Connection connection = applicationRole(client); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute("insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, "
                    + "currency, amount, functional_amount) values ('" + client + "', " + id + ", 3, '2026-03-04', '1010', 'USD', 5, 5),"
                    + " ('" + client + "', " + id + ", 4, '2026-03-04', '6100', 'USD', -5, -5)"))
                    .as("lines join their entry only in the entry's own transaction").hasMessageContaining("written by its own transaction");
            connection.rollback();
        }
    }

    @Test
    void closingAMonthWaitsForPostingsInFlightAndRefusesThoseAfter() throws Exception {
        String client = books1.client().id().toString();
        String insertEntry = "insert into ledger.entry (client_id, id, entry_date, description, source, idempotency_key, "
                + "posted_at, posted_by) values ('" + client + "', nextval('ledger.entry_id_seq'), '2026-04-10', 'in flight', "
                + "'MANUAL', '%s', now(), 'raw')";
        String insertLines = "insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, currency, amount, "
                + "functional_amount) values ('" + client + "', currval('ledger.entry_id_seq'), 1, '2026-04-10', '1010', 'USD', 7, 7),"
                + " ('" + client + "', currval('ledger.entry_id_seq'), 2, '2026-04-10', '4100', 'USD', -7, -7)";
        try (Connection posting = applicationRole(client); Statement sql = posting.createStatement();
             Connection closing = applicationRole(client); Statement close = closing.createStatement()) {
            sql.execute(insertEntry.formatted("in-flight-1"));
            sql.execute(insertLines);
            var closed = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    close.execute("insert into ledger.period (client_id, starts_on, status, changed_at, changed_by) "
                            + "values ('" + client + "', '2026-04-01', 'CLOSED', now(), 'raw')");
                    closing.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(closed).as("the close waits for the posting in flight").isNotDone();
            posting.commit();
            closed.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        try (Connection late = applicationRole(client); Statement sql = late.createStatement()) {
            assertThatThrownBy(() -> sql.execute(insertEntry.formatted("too-late"))).hasMessageContaining("CLOSED");
            late.rollback();
        }
    }

    @Test
    void reversalsAndRevaluationsAreTheLedgersOwnSources() {
        Map<String, Object> claimed = Map.of("date", "2026-03-02", "description", "Looks like a reversal", "idempotencyKey",
                "fake-rev", "source", "REVERSAL", "lines", List.of(debit("1100", 1), credit("4100", 1)));
        Api.Response response = agent.post(base + "/entries", claimed);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("field")).isEqualTo("source");
    }

    private static Connection applicationRole(String client) throws SQLException {
        Connection connection = TestDatabase.asApplicationRole();
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute("select set_config('openbpo.clients', '" + client + "', true)");
        }
        return connection;
    }
}
