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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openbpo.ledger.LedgerPostingTest.entry;

/**
 * A consultancy in US dollars holding a thousand euros from January, revalued at month ends: in a
 * soft-closed month as the accountant's adjustment, and with the months a revaluation missed caught up.
 */
class RevaluationTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;

    @Autowired
    Revaluation revaluation;
    @Autowired
    DataSource dataSource;

    UUID client;
    Api agent;
    Api accountant;
    String base;

    @BeforeEach
    void euroBalanceFromJanuary() {
        Bookkeeping.Setup setup = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens,
                books, "US_GAAP", "USD");
        client = setup.client().id();
        agent = api().as(setup.agentToken());
        accountant = api().as(setup.accountantToken());
        base = "/api/v1/clients/" + setup.client().id() + "/ledger";
        rate("2026-01-01", "1.10");
        Api.Response sale = agent.post(base + "/entries", entry("2026-01-05", "eur-sale", List.of(
                Map.of("account", "1020", "debit", 1_000_00, "currency", "EUR"),
                Map.of("account", "4100", "credit", 1_000_00, "currency", "EUR"))));
        assertThat(sale.status()).as(sale.body().toString()).isEqualTo(201);
    }

    private void rate(String day, String rate) {
        assertThat(agent.post(base + "/exchange-rates", Map.of("from", "EUR", "to", "USD", "day", day, "rate", rate)).status())
                .isEqualTo(201);
    }

    @Test
    void anAccountantRevaluesASoftClosedMonthAsAnAdjustingEntry() {
        rate("2026-01-31", "1.12");
        assertThat(accountant.put(base + "/periods/2026-01", Map.of("status", "SOFT_CLOSED")).status()).isEqualTo(200);

        Api.Response revaluation = accountant.post(base + "/revaluations", Map.of("date", "2026-01-31"));

        assertThat(revaluation.status()).as(revaluation.body().toString()).isEqualTo(201);
        assertThat(revaluation.body().path("adjusting").asBoolean()).isTrue();
        assertThat(euroBankInDollars("2026-01-31")).isEqualTo(1_120_00);
    }

    @Test
    void monthEndsNeverRevaluedAreRevaluedFirstEachAtItsOwnRate() {
        rate("2026-01-31", "1.12");
        rate("2026-02-28", "1.15");
        rate("2026-03-31", "1.20");

        Api.Response march = accountant.post(base + "/revaluations", Map.of("date", "2026-03-31"));

        assertThat(march.status()).as(march.body().toString()).isEqualTo(201);
        assertThat(revaluationDays()).containsExactly("2026-01-31", "2026-02-28", "2026-03-31");
        assertThat(euroBankInDollars("2026-01-31")).isEqualTo(1_120_00);
        assertThat(euroBankInDollars("2026-02-28")).isEqualTo(1_150_00);
        assertThat(euroBankInDollars("2026-03-31")).isEqualTo(1_200_00);
        assertThat(accountant.post(base + "/revaluations", Map.of("date", "2026-03-31")).status()).isEqualTo(200);
        assertThat(revaluationDays()).hasSize(3);
    }

    @Test
    void closedMonthsStayAsClosedAndTheCatchUpStartsAfterTheLatestRevaluation() {
        assertThat(accountant.put(base + "/periods/2026-01", Map.of("status", "CLOSED")).status()).isEqualTo(200);
        rate("2026-02-28", "1.15");
        rate("2026-03-31", "1.20");
        accountant.post(base + "/revaluations", Map.of("date", "2026-02-28"));
        rate("2026-04-30", "1.25");
        rate("2026-05-31", "1.30");
        assertThat(revaluationDays()).as("the closed January is left as it was closed").containsExactly("2026-02-28");

        Api.Response may = accountant.post(base + "/revaluations", Map.of("date", "2026-05-31"));

        assertThat(may.status()).as(may.body().toString()).isEqualTo(201);
        assertThat(revaluationDays()).containsExactly("2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31");
    }

    @Test
    void aDayBeforeALaterRevaluationIsRefusedUntilTheLaterOnesAreReversed() {
        rate("2026-01-31", "1.12");
        rate("2026-02-28", "1.15");
        rate("2026-03-31", "1.20");
        rate("2026-02-15", "1.30");
        assertThat(accountant.post(base + "/revaluations", Map.of("date", "2026-03-31")).status()).isEqualTo(201);

        Api.Response midFebruary = accountant.post(base + "/revaluations", Map.of("date", "2026-02-15"));

        assertThat(midFebruary.status()).as(midFebruary.body().toString()).isEqualTo(409);
        assertThat(midFebruary.text("code")).isEqualTo("later-revaluation");
        assertThat(midFebruary.text("field")).isEqualTo("date");
        assertThat(midFebruary.text("detail")).contains("2026-02-15").contains("2026-03-31");
        assertThat(revaluationDays()).containsExactly("2026-01-31", "2026-02-28", "2026-03-31");
        assertThat(euroBankInDollars("2026-03-31")).as("March stays stated at March's rate").isEqualTo(1_200_00);
        assertThat(euroBankInDollars("2026-02-28")).isEqualTo(1_150_00);

        for (JsonNode entry : agent.get(base + "/entries?limit=100").body().path("items")) {
            if (entry.path("source").asString().equals("REVALUATION") && entry.path("date").asString().compareTo("2026-02-15") > 0) {
                assertThat(accountant.post(base + "/entries/" + entry.path("id").asLong() + "/reversal", Map.of()).status())
                        .isEqualTo(201);
            }
        }
        Api.Response again = accountant.post(base + "/revaluations", Map.of("date", "2026-02-15"));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(euroBankInDollars("2026-02-15")).isEqualTo(1_300_00);
    }

    @Test
    void aMissedMonthWithoutARateRefusesTheLaterRevaluationNamingIt() {
        rate("2026-03-31", "1.20");
        // Pounds held from February, quoted only from March on: February's month end cannot be revalued.
        assertThat(agent.post(base + "/exchange-rates", Map.of("from", "GBP", "to", "USD", "day", "2026-03-01", "rate", "1.30"))
                .status()).isEqualTo(201);
        Api.Response pounds = agent.post(base + "/entries", entry("2026-02-03", "gbp-sale", List.of(
                Map.of("account", "1020", "debit", 100_00, "currency", "GBP", "functionalAmount", 127_00),
                Map.of("account", "4100", "credit", 100_00, "currency", "GBP", "functionalAmount", -127_00))));
        assertThat(pounds.status()).as(pounds.body().toString()).isEqualTo(201);

        Api.Response march = accountant.post(base + "/revaluations", Map.of("date", "2026-03-31"));

        assertThat(march.status()).isEqualTo(422);
        assertThat(march.text("code")).isEqualTo("no-exchange-rate");
        assertThat(march.text("detail")).contains("2026-02").contains("GBP/USD");
        assertThat(revaluationDays()).as("all or nothing").isEmpty();
    }

    @Test
    void aReversedRevaluationsDayIsRevaluedAgain() {
        rate("2026-01-31", "1.12");
        Api.Response first = accountant.post(base + "/revaluations", Map.of("date", "2026-01-31"));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(accountant.post(base + "/entries/" + first.body().path("id").asLong() + "/reversal", Map.of()).status())
                .isEqualTo(201);
        assertThat(euroBankInDollars("2026-01-31")).as("back at January's booked rate").isEqualTo(1_100_00);

        Api.Response again = accountant.post(base + "/revaluations", Map.of("date", "2026-01-31"));

        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(again.body().path("id").asLong()).isNotEqualTo(first.body().path("id").asLong());
        assertThat(euroBankInDollars("2026-01-31")).isEqualTo(1_120_00);
        Api.Response retry = accountant.post(base + "/revaluations", Map.of("date", "2026-01-31"));
        assertThat(retry.status()).as("a retry finds the second revaluation").isEqualTo(200);
        assertThat(retry.body().path("id").asLong()).isEqualTo(again.body().path("id").asLong());
        assertThat(revaluationDays()).containsExactly("2026-01-31", "2026-01-31");
    }

    @Test
    void twoRevaluationsOfTheBooksAtOnceRunOneAfterTheOther() throws Exception {
        rate("2026-02-15", "1.30");
        rate("2026-02-20", "1.40");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            // Holding February's period lock stops each revaluation at its insert, after it read the balances it moves.
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(7, ledger.period_lock(?, ?))")) {
                lock.setObject(1, client);
                lock.setObject(2, LocalDate.of(2026, 2, 1));
                lock.execute();
            }
            Future<Api.Response> fifteenth = threads.submit(() -> accountant.post(base + "/revaluations", Map.of("date", "2026-02-15")));
            Future<Api.Response> twentieth = threads.submit(() -> accountant.post(base + "/revaluations", Map.of("date", "2026-02-20")));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingAdvisoryLocks(holder) >= 2);
            holder.commit();
            List<Integer> statuses = List.of(fifteenth.get(30, TimeUnit.SECONDS).status(), twentieth.get(30, TimeUnit.SECONDS).status());
            assertThat(statuses).as("the 20th posts; the 15th before it, or is refused after it").contains(201)
                    .allMatch(status -> status == 201 || status == 409);
        } finally {
            threads.shutdownNow();
        }
        assertThat(euroBankInDollars("2026-02-20")).as("stated at the 20th's rate, each difference taken once").isEqualTo(1_400_00);
    }

    private static long waitingAdvisoryLocks(Connection connection) throws java.sql.SQLException {
        try (PreparedStatement waiting = connection.prepareStatement(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted");
             ResultSet rows = waiting.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aClientWhoseMonthEndIsRefusedOnTheFirstAndTheSecondIsWarnedAboutOnce() {
        Bookkeeping.Setup london = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens,
                books, "US_GAAP", "USD", "GB", "Europe/London");
        String theirs = "/api/v1/clients/" + london.client().id() + "/ledger";
        // Euros with no euro rate: every revaluation of these books is refused.
        assertThat(api().as(london.agentToken()).post(theirs + "/entries", entry("2026-01-05", "eur-sale", List.of(
                Map.of("account", "1020", "debit", 1_000_00, "currency", "EUR", "functionalAmount", 1_100_00),
                Map.of("account", "4100", "credit", 1_000_00, "currency", "EUR", "functionalAmount", -1_100_00)))).status())
                .isEqualTo(201);
        Logger logger = (Logger) LoggerFactory.getLogger(Revaluation.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            clock.set(Instant.parse("2026-03-01T01:00:00Z"));
            revaluation.monthEnd();
            clock.set(Instant.parse("2026-03-02T01:00:00Z"));
            revaluation.monthEnd();
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN
                && event.getFormattedMessage().contains(london.client().id().toString())).hasSize(1);
        assertThat(log.list).filteredOn(event -> event.getFormattedMessage().contains(london.client().id().toString()))
                .as("the second refusal is still told, as a repeat").hasSize(2);
    }

    private List<String> revaluationDays() {
        List<String> days = new ArrayList<>();
        for (JsonNode entry : agent.get(base + "/entries?limit=100").body().path("items")) {
            if (entry.path("source").asString().equals("REVALUATION")) {
                days.add(entry.path("date").asString());
            }
        }
        return days;
    }

    private long euroBankInDollars(String day) {
        for (JsonNode row : agent.get(base + "/reports/trial-balance?asOf=" + day).body().path("rows")) {
            if (row.path("account").asString().equals("1020") && row.path("currency").asString().equals("EUR")) {
                return row.path("functionalBalance").asLong();
            }
        }
        throw new AssertionError("no euro balance on 1020 at " + day);
    }
}
