package org.openbpo.support.bench;

import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.PhaseCost;
import org.openbpo.shared.bench.Benchmark;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.support.EmailIntake;
import org.openbpo.support.IntakeOutcome;
import org.openbpo.support.IntakeSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code ./openbpo bench email-intake}: a client's mailbox holds {@code messages} emails — most of
 * them new requests, a share of them replies to earlier ones — and the intake turns them into
 * tickets and comments with {@code threads} workers, {@code batch} messages at a time: what the
 * IMAP poller does with each batch it fetches ({@code EmailIntake.receiveAll}: parse outside the
 * database, store the batch raw in one transaction, read it into tickets and comments in one
 * more). {@code --set batch=1} runs the one-message path ({@code EmailIntake.receive}) instead. The mailbox is generated in memory rather than served by an IMAP server, so the figure
 * is OpenBPO's intake, not a mail server's fetch rate. Afterwards every message must be stored
 * once with its ticket or comment, and a second delivery of a sample must change nothing.
 */
@Component
class EmailIntakeBenchmark implements Benchmark {

    private final PhaseCost meter;
    private final SupportDesk desks;
    private final EmailIntake intake;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    EmailIntakeBenchmark(PhaseCost meter, SupportDesk desks, EmailIntake intake, JdbcClient jdbc, TransactionTemplate transactions) {
        this.meter = meter;
        this.desks = desks;
        this.intake = intake;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "email-intake";
    }

    @Override
    public Map<String, String> smallest() {
        return Map.of("messages", "200", "threads", "2");
    }

    @Override
    public String description() {
        return "100,000 waiting emails become tickets and comments: messages/s, none lost or duplicated";
    }

    @Override
    public BenchReport run(BenchOptions options) throws Exception {
        int total = options.integer("messages", 100_000);
        int threads = options.integer("threads", 8);
        int replyPercent = options.integer("reply-percent", 20);
        int batch = Math.max(1, options.integer("batch", 100));
        int listStatements = options.integer("statements", 0);
        int replies = total * replyPercent / 100;
        int originals = total - replies;
        BenchReport report = new BenchReport(name()).parameter("messages", total).parameter("of which replies", replies)
                .parameter("workers", threads).parameter("messages per batch", batch).parameter("cores", Runtime.getRuntime().availableProcessors())
                .parameter("load average at start", String.format(Locale.ROOT, "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        SupportDesk.Desk desk = desks.open("MAILB" + (System.currentTimeMillis() % 100_000));
        UUID client = desk.client().id();

        long started = System.nanoTime();
        int step = Math.max(1, originals / Math.max(1, replies));
        int[] failed = meter.measure("intake", total, listStatements, report, () -> new int[] {
                run(threads, originals, batch, n -> original(desk.address(), n), client),
                // Replies answer originals spread over the whole mailbox (every k-th), after those were read.
                run(threads, replies, batch, n -> reply(desk.address(), (n * step) % originals), client)});
        int failedOriginals = failed[0];
        int failedReplies = failed[1];
        double seconds = (System.nanoTime() - started) / 1e9;
        report.figure("messages read", total, "messages").figure("time", seconds, "s")
                .figure("throughput", total / seconds, "messages/s")
                .figure("failed", failedOriginals + failedReplies, "messages");

        int sample = Math.min(1_000, originals);
        AtomicInteger duplicates = new AtomicInteger();
        run(threads, sample, n -> {
            IntakeOutcome again = receive(client, original(desk.address(), n * (originals / sample)));
            if (again.duplicate()) {
                duplicates.incrementAndGet();
            }
            return again;
        });
        Map<String, Long> statuses = TenantScope.call(AllowedClients.only(client), () -> transactions.execute(tx ->
                jdbc.sql("select status, count(*) from support.inbound_message where client_id = ? group by status").param(client)
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        long tickets = TenantScope.call(AllowedClients.only(client), () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from work.work_item where client_id = ?").param(client).query(Long.class).single()));
        long comments = TenantScope.call(AllowedClients.only(client), () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from work.comment where client_id = ?").param(client).query(Long.class).single()));
        long stored = statuses.values().stream().mapToLong(Long::longValue).sum();
        report.figure("messages stored", stored, "messages").figure("tickets", tickets, "tickets").figure("comments", comments, "comments");
        boolean ok = stored == total && tickets == originals && comments == replies
                && statuses.getOrDefault("TICKET_CREATED", 0L) == originals && statuses.getOrDefault("COMMENT_ADDED", 0L) == replies
                && duplicates.get() == sample;
        report.check(ok, stored + " messages stored for " + total + " sent, statuses "
                + statuses + ", " + tickets + " tickets for " + originals + " new requests, " + comments + " comments for " + replies
                + " replies; a second delivery of " + sample + " messages: " + duplicates.get() + " recognised, nothing added");
        report.note("goal: at least 1,000 messages/s");
        report.note("" + (batch == 1 ? "one message per call (EmailIntake.receive)" : batch + " messages per call (EmailIntake.receiveAll)"));
        return report;
    }

    /** What the relay endpoint and the poller do for one message, in the client's scope. */
    private IntakeOutcome receive(UUID client, byte[] raw) {
        return TenantScope.call(AllowedClients.only(client), () -> intake.receive(client, raw, IntakeSource.RELAY));
    }

    interface Step {
        Object run(int n) throws Exception;
    }

    interface Mail {
        byte[] of(int n);
    }

    /** Hands messages 0…count-1 to the intake in batches; returns how many were not stored and read. */
    private int run(int threads, int count, int batch, Mail mail, UUID client) throws InterruptedException {
        AtomicInteger failed = new AtomicInteger();
        int batches = (count + batch - 1) / batch;
        run(threads, batches, b -> {
            int from = b * batch;
            int to = Math.min(count, from + batch);
            if (batch == 1) {
                IntakeOutcome outcome = receive(client, mail.of(from));
                return countFailed(List.of(outcome), failed);
            }
            List<EmailIntake.Incoming> incoming = new ArrayList<>(to - from);
            for (int n = from; n < to; n++) {
                byte[] raw = mail.of(n);
                incoming.add(new EmailIntake.Incoming(raw, raw.length));
            }
            return countFailed(TenantScope.call(AllowedClients.only(client), () -> intake.receiveAll(client, incoming, IntakeSource.RELAY)),
                    failed);
        });
        return failed.get();
    }

    private static int countFailed(List<IntakeOutcome> outcomes, AtomicInteger failed) {
        outcomes.stream().filter(o -> o.duplicate() || o.message().status().name().equals("FAILED")
                || o.message().status().name().equals("RECEIVED")).forEach(o -> failed.incrementAndGet());
        return outcomes.size();
    }

    private static int run(int threads, int count, Step step) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        try {
                            step.run(n);
                        } catch (Exception e) {
                            if (failed.incrementAndGet() == 1) {
                                System.err.println("First failure: " + e);
                            }
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.incrementAndGet();
                }
            }
        }
        return failed.get();
    }

    private static byte[] original(String to, int n) {
        return ("From: Customer " + n + " <customer" + n + "@example.com>\r\nTo: " + to + "\r\nSubject: Order " + n
                + " has not arrived\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\nMessage-ID: <order-" + n + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello,\r\n\r\nI ordered on Monday (order " + n
                + ") and the tracking has not moved since Tuesday. Can you help?\r\n\r\nThanks,\r\nCustomer " + n + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] reply(String to, int n) {
        return ("From: Customer " + n + " <customer" + n + "@example.com>\r\nTo: " + to + "\r\nSubject: Re: Order " + n
                + " has not arrived\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <order-" + n + "-reply@example.com>\r\n"
                + "In-Reply-To: <order-" + n + "@example.com>\r\nReferences: <order-" + n + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nIt has arrived now, thank you.\r\n\r\n"
                + "> I ordered on Monday\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
