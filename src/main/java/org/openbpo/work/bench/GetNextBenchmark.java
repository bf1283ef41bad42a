package org.openbpo.work.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.audit.CarriedRecord;
import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Benchmark;
import org.openbpo.shared.bench.Latencies;
import org.openbpo.shared.database.GenericPlans;
import org.openbpo.shared.database.NamedStatement;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.Queue;
import org.openbpo.work.Routing;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.persistence.WorkItemRows;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./openbpo bench get-next}: a million open items over 50 clients × 4 queues, and 500
 * enrolled, certified agents (one virtual thread each) asking for work over and over: get next,
 * optionally handle it for {@code think-ms}, solve it, ask again. Their calls run on a few platform
 * threads, as the server's requests run on its worker threads. Prints get-next latency and
 * assignments per second, and proves afterwards that no item went to two agents.
 */
@Component
class GetNextBenchmark implements Benchmark {

    private static final double GOAL_P99_MILLIS = 10;
    /** PostgreSQL alone runs no code the JIT must compile first; its warm-up only fills the caches. */
    private static final int FLOOR_WARMUP_SECONDS = 10;

    private final OperationsFloor floor;
    private final Backlog backlog;
    private final Routing routing;
    private final WorkItems workItems;
    private final BenchDatabase database;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PlatformTransactionManager transactionManager;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AuditTrail audit;
    private final int poolSize;

    GetNextBenchmark(OperationsFloor floor, Backlog backlog, Routing routing, WorkItems workItems, BenchDatabase database,
                     JdbcClient jdbc, TransactionTemplate transactions, PlatformTransactionManager transactionManager,
                     MeterRegistry meters, Clock clock,
                     AuditTrail audit, Environment environment) {
        this.floor = floor;
        this.backlog = backlog;
        this.routing = routing;
        this.workItems = workItems;
        this.database = database;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.transactionManager = transactionManager;
        this.meters = meters;
        this.clock = clock;
        this.audit = audit;
        this.poolSize = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
    }

    @Override
    public String name() {
        return "get-next";
    }

    @Override
    public Map<String, String> smallest() {
        return Map.of("items", "3000", "agents", "20", "clients", "4", "seconds", "2", "warmup-seconds", "1", "claim-probe", "5");
    }

    @Override
    public String description() {
        return "500 agents asking for work over 1,000,000 open items; latency, throughput, double assignments "
                + "(items, clients, queues, agents, clients-per-agent, seconds, warmup-seconds, think-ms, slots, rounds, statements=true, claim-probe=calls, floor=true|false)";
    }

    private record Round(Latencies next, Latencies asked, Latencies complete, long assignments,
                         long empty, double seconds) {
    }

    @Override
    public BenchReport run(BenchOptions options) throws Exception {
        int items = options.integer("items", 1_000_000);
        int clientCount = options.integer("clients", 50);
        int queuesPerClient = options.integer("queues", 4);
        int agentCount = options.integer("agents", 500);
        int clientsPerAgent = options.integer("clients-per-agent", 5);
        int seconds = options.integer("seconds", 30);
        // On two cores C2 still spends a third of a core compiling 30 s into the asking, and ~1% after 60 s.
        int warmupSeconds = options.integer("warmup-seconds", 60);
        int thinkMillis = options.integer("think-ms", 0);
        // PostgreSQL's sizing rule: about two active transactions per core. More only queue for the CPU.
        int slots = options.integer("slots", Math.min(poolSize, 2 * Runtime.getRuntime().availableProcessors()));
        PhaseMeter meter = new PhaseMeter(database, options.text("statements", "false"));
        BenchReport report = new BenchReport(name())
                .parameter("open items", items).parameter("clients × queues", clientCount + " × " + queuesPerClient)
                .parameter("agents (distinct, one virtual thread each)", agentCount)
                .parameter("clients per agent", clientsPerAgent)
                .parameter("think time between get-next and solve", thinkMillis == 0 ? "none (agents ask back to back)"
                        : "uniform " + thinkMillis / 2 + "–" + (thinkMillis * 3 / 2) + " ms")
                .parameter("request threads (platform threads, one queue in arrival order; default 2 per core)", slots)
                .parameter("connection pool", poolSize)
                .parameter("measured", seconds + " s after " + warmupSeconds + " s warm-up")
                .parameter("cores", Runtime.getRuntime().availableProcessors())
                .parameter("database", database.describe());

        System.out.println("Opening the floor: " + clientCount + " clients × " + queuesPerClient + " queues, "
                + agentCount + " agents (enrolled, certified, available)…");
        long setUp = System.nanoTime();
        OperationsFloor.Floor opened = floor.open("GN", clientCount, queuesPerClient, agentCount, clientsPerAgent);
        report.figure("set-up: floor opened through the facades", (System.nanoTime() - setUp) / 1e9, "s");
        System.out.printf("Generating %,d open items…%n", items);
        long generating = System.nanoTime();
        backlog.generate(opened.clients(), items, Backlog.Warning.AHEAD);
        database.vacuumAnalyze("work.work_item");
        report.figure("set-up: items generated, vacuumed, analyzed", (System.nanoTime() - generating) / 1e9, "s");

        List<AgentDesk> desks = opened.agents().stream().map(AgentDesk::new).toList();
        String plan = explainClaim(desks.getFirst(), opened, clientsPerAgent);
        boolean usesIndex = plan.contains("work_item_routable");
        report.note("claim query plan " + (usesIndex ? "uses" : "does NOT use") + " index work_item_routable: "
                + plan.replaceAll("'\\{[^}]*}'", "'{…}'").replaceAll("\\s+", " "));

        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        AtomicLong doubles = new AtomicLong();
        System.out.println("Warming up for " + warmupSeconds + " s…");
        round(desks, new GetNextPhases(transactionManager, routing), warmupSeconds, thinkMillis, slots, claimed, doubles);
        database.checkpoint();
        Timer acquire = meters.find("hikaricp.connections.acquire").tag("pool", "openbpo").timer();
        double acquiredBefore = acquire == null ? 0 : acquire.totalTime(TimeUnit.MILLISECONDS);
        long acquiresBefore = acquire == null ? 0 : acquire.count();
        System.out.println("Measuring for " + seconds + " s with " + agentCount + " agents…");
        GetNextPhases parts = new GetNextPhases(transactionManager, routing);
        Round measured = meter.measure("get-next + solve", database.name(), report,
                () -> round(desks, parts, seconds, thinkMillis, slots, claimed, doubles), Round::assignments);

        report.figure("assignments/s", measured.assignments() / measured.seconds(), "items/s")
                .figure("assignments", measured.assignments(), "items");
        measured.next().addTo(report);
        measured.asked().addTo(report);
        measured.complete().addTo(report);
        parts.addTo(report);
        report.figure("get-next that found nothing free", measured.empty(), "calls");
        if (acquire != null) {
            report.figure("mean wait for a pooled connection",
                    (acquire.totalTime(TimeUnit.MILLISECONDS) - acquiredBefore) / Math.max(1, acquire.count() - acquiresBefore), "ms");
        }

        double p99 = measured.next().percentileMillis(0.99);
        int rounds = options.integer("rounds", 1);
        if (rounds > 1) {
            p99 = moreRounds(measured, rounds, desks, seconds, thinkMillis, slots, claimed, doubles, report);
        }
        long doubleInDatabase = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql("""
                select count(*) from (select 1 from work.work_event where type = 'assigned'
                                       group by client_id, item_id having count(*) > 1) twice""")
                .query(Long.class).single()));
        long assignedEvents = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql(
                "select count(*) from work.work_event where type = 'assigned'").query(Long.class).single()));
        report.figure("items assigned (warm-up and measured)", claimed.size(), "items")
                .figure("'assigned' timeline events", assignedEvents, "events")
                .figure("double assignments (seen by agents)", doubles.get(), "items")
                .figure("double assignments (timeline)", doubleInDatabase, "items");
        System.out.println("double assignments: " + (doubles.get() + doubleInDatabase));
        int probes = options.integer("claim-probe", 300);
        if (probes > 0) {
            System.out.println("Probing the claim statements, " + probes + " calls each, one at a time…");
            claimProbe(desks, probes).forEach(line -> report.note("claim probe (one agent at a time, rolled back): " + line));
        }
        if (!options.text("floor", "true").equals("false")) {
            floor(items, desks.size(), seconds, thinkMillis, slots, meter, report);
        }
        database.checkpoint(); // so that the server stops quickly afterwards, with little left to write
        report.note((p99 < GOAL_P99_MILLIS ? "goal met" : "goal NOT met") + String.format(
                ": get-next p99 %.1f ms%s (goal < 10 ms)", p99, rounds > 1 ? ", the median of " + rounds + " rounds" : ""));
        report.check(doubles.get() + doubleInDatabase == 0 && assignedEvents == claimed.size(), "double assignments: "
                + (doubles.get() + doubleInDatabase) + " (goal: none); 'assigned' timeline events: " + assignedEvents + " for "
                + claimed.size() + " claimed items");
        return report;
    }

    /**
     * Every agent asks, solves and asks again until the time is up. An agent's call waits in one
     * queue, in arrival order, for one of the request threads, as a request waits for one of the
     * server's worker threads, and runs there; "get-next" times the call on the request thread,
     * "get-next as the agent waits" adds the queueing.
     */
    private Round round(List<AgentDesk> desks, GetNextPhases parts, int seconds, int thinkMillis, int slotCount, Set<Long> claimed,
                        AtomicLong doubles) throws Exception {
        Asking engine = new Asking() {
            @Override
            public @Nullable Object next(int agent) throws Exception {
                return parts.next(desks.get(agent));
            }

            @Override
            public long idOf(Object item) {
                return ((WorkItem) item).id();
            }

            @Override
            public void solve(int agent, Object claimed) {
                WorkItem item = (WorkItem) claimed;
                AgentDesk desk = desks.get(agent);
                call(desk, () -> workItems.move(item.clientId(), item.id(), new MoveWorkItem("solved", null), desk.agent()));
            }
        };
        return round("", engine, desks.size(), seconds, thinkMillis, slotCount, claimed, doubles);
    }

    /** What an agent's get next and solve do, so that OpenBPO and PostgreSQL alone go through the same round. */
    interface Asking {
        /** The item the agent got, or null when none was free. */
        @Nullable Object next(int agent) throws Exception;

        long idOf(Object item);

        void solve(int agent, Object item) throws Exception;
    }

    private static Round round(String label, Asking asking, int agentCount, int seconds, int thinkMillis, int slotCount,
                               Set<Long> claimed, AtomicLong doubles) throws Exception {
        Latencies next = new Latencies(label + "get-next");
        Latencies asked = new Latencies(label + "get-next as the agent waits");
        Latencies complete = new Latencies(label + "solve");
        AtomicLong assignments = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(seconds);
        try (ExecutorService requests = requestThreads(slotCount);
             ExecutorService agents = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int a = 0; a < agentCount; a++) {
                int agent = a;
                running.add(agents.submit(() -> {
                    think(thinkMillis); // agents arrive spread out, not all in the same millisecond
                    while (System.nanoTime() < end) {
                        long askedAt = System.nanoTime();
                        Object item = requests.submit(() -> next.time(() -> call(() -> asking.next(agent)))).get();
                        asked.record(System.nanoTime() - askedAt);
                        if (item == null) {
                            empty.incrementAndGet();
                            Thread.sleep(50);
                            continue;
                        }
                        assignments.incrementAndGet();
                        if (!claimed.add(asking.idOf(item))) {
                            doubles.incrementAndGet();
                        }
                        think(thinkMillis);
                        requests.submit(() -> complete.time(() -> call(() -> {
                            asking.solve(agent, item);
                            return null;
                        }))).get();
                    }
                    return null;
                }));
            }
            for (Future<?> agent : running) {
                agent.get();
            }
        }
        return new Round(next, asked, complete, assignments.get(), empty.get(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * The server's request threads: as many platform threads as there are slots, taking calls in
     * arrival order from one queue, as Tomcat's worker threads take requests.
     */
    private static ExecutorService requestThreads(int count) {
        return Executors.newFixedThreadPool(count, Thread.ofPlatform().name("request-", 1).factory());
    }

    /** Handle time varies: uniformly between half and one and a half times the mean, so agents do not ask in waves. */
    private static void think(int meanMillis) throws InterruptedException {
        if (meanMillis > 0) {
            Thread.sleep(meanMillis / 2 + ThreadLocalRandom.current().nextInt(meanMillis + 1));
        }
    }

    private static <T> T call(AgentDesk desk, java.util.concurrent.Callable<T> work) {
        return call(() -> desk.call(work));
    }

    private static <T> T call(java.util.concurrent.Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The measured round again, {@code rounds - 1} more times right after it, each figure printed per
     * round; returns the median of the rounds' get-next p99, which this machine's run-to-run swings
     * move less than a single round's.
     */
    private double moreRounds(Round first, int rounds, List<AgentDesk> desks, int seconds, int thinkMillis, int slots,
                              Set<Long> claimed, AtomicLong doubles, BenchReport report) throws Exception {
        List<Round> all = new ArrayList<>(List.of(first));
        for (int r = 2; r <= rounds; r++) {
            System.out.println("Measuring round " + r + " of " + rounds + " for " + seconds + " s…");
            all.add(round(desks, new GetNextPhases(transactionManager, routing), seconds, thinkMillis, slots, claimed, doubles));
        }
        double[] p99s = new double[all.size()];
        for (int r = 0; r < all.size(); r++) {
            Round round = all.get(r);
            p99s[r] = round.next().percentileMillis(0.99);
            report.figure("round " + (r + 1) + ": assignments/s", round.assignments() / round.seconds(), "items/s")
                    .figure("round " + (r + 1) + ": get-next p99", p99s[r], "ms");
        }
        Arrays.sort(p99s);
        double median = p99s.length % 2 == 1 ? p99s[p99s.length / 2] : (p99s[p99s.length / 2 - 1] + p99s[p99s.length / 2]) / 2;
        report.figure("get-next p99, median of " + rounds + " rounds", median, "ms");
        return median;
    }

    /**
     * The same agents and slots on PostgreSQL alone (see {@link GetNextFloor}), bare and with the records
     * the engine keeps: the latencies no engine's claim, and none that keeps those records, goes below here.
     */
    private void floor(int items, int agentCount, int seconds, int thinkMillis, int slots, PhaseMeter meter, BenchReport report)
            throws Exception {
        for (GetNextFloor.Kind kind : GetNextFloor.Kind.values()) {
            System.out.printf("PostgreSQL alone (%s): %,d open items in database %s…%n", kind.engine, items, kind.database);
            try (GetNextFloor alone = GetNextFloor.start(database, poolSize, items, kind)) {
                Set<Long> claimed = ConcurrentHashMap.newKeySet();
                AtomicLong doubles = new AtomicLong();
                String prefix = kind.engine + " ";
                round(prefix, alone, agentCount, FLOOR_WARMUP_SECONDS, thinkMillis, slots, claimed, doubles);
                database.checkpoint();
                Round measured = meter.measure(prefix + "get-next + solve", kind.database, report,
                        () -> round(prefix, alone, agentCount, seconds, thinkMillis, slots, claimed, doubles),
                        Round::assignments);
                report.figure(prefix + "assignments/s", measured.assignments() / measured.seconds(), "items/s");
                measured.next().addTo(report);
                measured.asked().addTo(report);
                measured.complete().addTo(report);
                report.figure(prefix + "double assignments (seen by agents)", doubles.get(), "items");
            }
        }
    }

    /**
     * The claim statement and the per-queue locking one it replaced, each run {@code calls} times for
     * agents one after the other, in transactions that roll back (so every call sees the same data),
     * with what each call cost: time, buffers, and the WAL its row locks and writes produced.
     */
    private List<String> claimProbe(List<AgentDesk> desks, int calls) throws Exception {
        List<AgentDesk> some = desks.subList(0, Math.min(50, desks.size()));
        List<UUID[]> queuesOf = new ArrayList<>();
        for (AgentDesk desk : some) {
            queuesOf.add(desk.call(() -> routing.queuesOf(desk.agent())).stream().map(Queue::id).toArray(UUID[]::new));
        }
        database.startStatementProfile();
        for (NamedStatement statement : List.of(WorkItemRows.CLAIM_NEXT, WorkItemRows.CLAIM_NEXT_LOCKING)) {
            for (int i = 0; i < calls; i++) {
                AgentDesk desk = some.get(i % some.size());
                UUID[] queues = queuesOf.get(i % some.size());
                Object[] values = claimValues(statement, List.of(queues), desk, clock.instant());
                desk.call(() -> transactions.execute(tx -> {
                    GenericPlans.ensure(jdbc);
                    jdbc.sql(statement.sql()).params(values).query().listOfRows();
                    tx.setRollbackOnly();
                    return null;
                }));
            }
        }
        List<String> costs = database.statementCosts(database.name(), "with eligible as",
                query -> query.contains("busiest as") ? "claim (peek per queue, lock one)" : "claim locking one item per queue");
        database.pauseStatementProfile();
        return costs;
    }

    /** The plan PostgreSQL picks for the claim statement, for the first agent's queues, under its row-level security. */
    private String explainClaim(AgentDesk desk, OperationsFloor.Floor opened, int clientsPerAgent) throws Exception {
        List<UUID> queueIds = opened.clients().subList(0, Math.min(clientsPerAgent, opened.clients().size())).stream()
                .flatMap(c -> c.queues().stream()).map(Queue::id).toList();
        Object[] values = claimValues(WorkItemRows.CLAIM_NEXT, queueIds, desk, clock.instant());
        return desk.call(() -> transactions.execute(tx -> String.join("\n",
                jdbc.sql("explain (costs off) " + WorkItemRows.CLAIM_NEXT.sql()).params(values).query(String.class).list())));
    }

    /** A claim statement's values for the agent at the desk, with no limit on what they hold. */
    private Object[] claimValues(NamedStatement claim, List<UUID> queueIds, AgentDesk desk, Instant now) {
        UUID agent = desk.agent().id();
        CarriedRecord audited = audit.carried("work-item.assigned", "work-item", null, Map.of("assignee", agent.toString()));
        return WorkItemRows.claimValues(claim, queueIds, agent, Integer.MAX_VALUE, desk.agent().email(), now, audited);
    }
}
