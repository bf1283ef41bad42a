package org.openbpo.ledger;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posts made at the same moment outside any transaction are written together (one statement, one
 * commit), yet each keeps its own outcome: its entry, the first entry of its key, or its refusal.
 */
class JournalBatchingTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Books books;
    @Autowired
    Journal journal;
    @Autowired
    Reports reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void concurrentPostsOfTwoClientsPostOncePerKeyAndEachCallerGetsItsOwnEntry() throws Exception {
        UUID acme = newBooks();
        UUID globex = newBooks();
        int keys = 60;
        int copies = 4; // each key posted by four callers at the same time
        List<Callable<Posted>> posts = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            UUID client = k % 2 == 0 ? acme : globex;
            PostEntry entry = sale("sale-" + k, 1_000 + k, LocalDate.of(2026, 3, 1 + k % 28));
            for (int c = 0; c < copies; c++) {
                posts.add(() -> TenantScope.call(AllowedClients.only(client), () -> journal.post(client, entry)));
            }
        }
        List<Outcome> outcomes = atOnce(posts);

        Map<String, List<Posted>> byKey = new HashMap<>();
        for (Outcome outcome : outcomes) {
            assertThat(outcome.failure()).as("every post succeeds").isNull();
            byKey.computeIfAbsent(outcome.posted().entry().idempotencyKey(), key -> new ArrayList<>()).add(outcome.posted());
        }
        assertThat(byKey).hasSize(keys);
        byKey.forEach((key, answers) -> {
            assertThat(answers).as(key).hasSize(copies);
            assertThat(answers.stream().filter(posted -> !posted.replayed()).count()).as("one caller posted " + key).isEqualTo(1);
            assertThat(answers.stream().map(posted -> posted.entry().id()).distinct().count())
                    .as("every caller of " + key + " gets the same entry").isEqualTo(1);
            assertThat(answers.getFirst().entry().lines()).hasSize(2);
        });
        long acmeSales = 0;
        for (int k = 0; k < keys; k += 2) {
            acmeSales += 1_000 + k;
        }
        assertThat(receivables(acme)).as("each of acme's keys posted once").isEqualTo(acmeSales);
        assertThat(entriesOf(acme) + entriesOf(globex)).isEqualTo(keys);
        long transactions = TenantScope.call(AllowedClients.only(acme, globex), () -> this.transactions.execute(tx ->
                jdbc.sql("select count(distinct xid) from ledger.entry where client_id in (?, ?)").params(acme, globex)
                        .query(Long.class).single()));
        assertThat(transactions).as("posts that arrived together were written by one transaction").isLessThan(keys);
    }

    @Test
    void aPostTheRulesRefuseFailsAloneWhileTheOthersOfItsMomentPost() throws Exception {
        UUID client = newBooks();
        List<Callable<Posted>> posts = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            PostEntry entry = k % 10 == 3
                    ? PostEntry.of(LocalDate.of(2026, 3, 2), "To a missing account", "bad-" + k,
                    PostEntry.Line.debit("9999", 500, "USD"), PostEntry.Line.credit("4100", 500, "USD"))
                    : sale("good-" + k, 500, LocalDate.of(2026, 3, 2));
            posts.add(() -> TenantScope.call(AllowedClients.only(client), () -> journal.post(client, entry)));
        }
        List<Outcome> outcomes = atOnce(posts);

        for (int k = 0; k < 40; k++) {
            Outcome outcome = outcomes.get(k);
            if (k % 10 == 3) {
                assertThat(outcome.failure()).as("post " + k).isInstanceOf(BusinessRuleViolation.class)
                        .hasMessageContaining("9999");
            } else {
                assertThat(outcome.failure()).as("post " + k).isNull();
                assertThat(outcome.posted().replayed()).isFalse();
            }
        }
        assertThat(entriesOf(client)).isEqualTo(36);
        assertThat(receivables(client)).isEqualTo(36 * 500);
    }

    @Test
    void whenTheDatabaseRefusesOnePostOfABatchEveryOtherPostOfItStillPosts() throws Exception {
        UUID client = newBooks();
        // The node has seen both months open; then another node closes April. This node's cache still
        // says open, so only the database's period check refuses April's posts, inside the shared statement.
        TenantScope.run(AllowedClients.only(client), () -> journal.post(client, sale("before", 100, LocalDate.of(2026, 3, 1))));
        TenantScope.run(AllowedClients.only(client), () -> transactions.executeWithoutResult(tx -> jdbc.sql("""
                        insert into ledger.period (client_id, starts_on, status, changed_at, changed_by)
                        values (?, date '2026-04-01', 'CLOSED', ?, 'another node')""")
                .params(client, Timestamp.from(clock.instant())).update()));
        List<Callable<Posted>> posts = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            LocalDate day = k % 8 == 5 ? LocalDate.of(2026, 4, 10) : LocalDate.of(2026, 3, 10);
            PostEntry entry = sale("at-" + k, 100, day);
            posts.add(() -> TenantScope.call(AllowedClients.only(client), () -> journal.post(client, entry)));
        }
        List<Outcome> outcomes = atOnce(posts);

        int refused = 0;
        for (int k = 0; k < 40; k++) {
            Outcome outcome = outcomes.get(k);
            if (k % 8 == 5) {
                refused++;
                assertThat(outcome.failure()).as("post " + k).isInstanceOf(BusinessRuleViolation.class);
                assertThat(((BusinessRuleViolation) outcome.failure()).code()).isEqualTo("period-closed");
            } else {
                assertThat(outcome.failure()).as("post " + k).isNull();
            }
        }
        assertThat(entriesOf(client)).isEqualTo(1 + 40 - refused);
        assertThat(receivables(client)).isEqualTo((1 + 40 - refused) * 100L);
    }

    @Test
    void insideTheCallersTransactionAPostIsWrittenAtOnceAndRollsBackWithIt() {
        UUID client = newBooks();
        TenantScope.run(AllowedClients.only(client), () -> transactions.executeWithoutResult(tx -> {
            journal.post(client, sale("rolled-back", 700, LocalDate.of(2026, 3, 3)));
            assertThat(jdbc.sql("select count(*) from ledger.entry where client_id = ?").param(client).query(Long.class).single())
                    .as("written in the caller's transaction").isEqualTo(1);
            tx.setRollbackOnly();
        }));
        assertThat(entriesOf(client)).isZero();
    }

    private record Outcome(Posted posted, Throwable failure) {
    }

    /** Runs every call at the same moment, one thread each, and keeps each one's outcome in order. */
    private static List<Outcome> atOnce(List<Callable<Posted>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Callable<Posted> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    try {
                        return new Outcome(call.call(), null);
                    } catch (RuntimeException failed) {
                        return new Outcome(null, failed);
                    }
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            threads.shutdown();
        }
    }

    private static PostEntry sale(String key, long cents, LocalDate day) {
        return PostEntry.of(day, "Sale " + key, key, PostEntry.Line.debit("1100", cents, "USD"),
                PostEntry.Line.credit("4100", cents, "USD"));
    }

    private UUID newBooks() {
        return TenantScope.call(AllowedClients.ALL, () -> {
            UUID client = clients.register(new RegisterClient(unique("BATCH"), "Batch Co", "Batch Co Inc", "US",
                    "America/New_York", "USD", ClientStatus.ACTIVE)).id();
            books.open(client, "US_GAAP", null);
            return client;
        });
    }

    private long entriesOf(UUID client) {
        return TenantScope.call(AllowedClients.only(client), () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from ledger.entry where client_id = ?").param(client).query(Long.class).single()));
    }

    /** The debit balance of accounts receivable (1100) as the running balances hold it. */
    private long receivables(UUID client) {
        TrialBalance trial = TenantScope.call(AllowedClients.only(client), () -> reports.trialBalance(client, LocalDate.of(2026, 12, 31)));
        return trial.rows().stream().filter(row -> row.account().equals("1100")).mapToLong(row -> row.debit() - row.credit()).sum();
    }
}
