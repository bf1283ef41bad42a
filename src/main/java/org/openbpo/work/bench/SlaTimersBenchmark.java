package org.openbpo.work.bench;

import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Benchmark;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.work.sla.SlaTimers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./openbpo bench sla-timers}: a million items whose SLA warning falls due at once, and
 * several threads (standing in for several nodes) calling {@link SlaTimers#escalateDue()} until
 * nothing is left. Prints the time and rate, and proves every item escalated exactly once.
 */
@Component
class SlaTimersBenchmark implements Benchmark {

    private static final double GOAL_SECONDS = 60;

    private final OperationsFloor floor;
    private final Backlog backlog;
    private final SlaTimers timers;
    private final BenchDatabase database;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SlaTimersBenchmark(OperationsFloor floor, Backlog backlog, SlaTimers timers, BenchDatabase database, JdbcClient jdbc,
                       TransactionTemplate transactions) {
        this.floor = floor;
        this.backlog = backlog;
        this.timers = timers;
        this.database = database;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "sla-timers";
    }

    @Override
    public Map<String, String> smallest() {
        return Map.of("items", "3000", "clients", "4", "nodes", "2");
    }

    @Override
    public String description() {
        return "1,000,000 SLA warnings due at once, escalated by concurrent timer nodes; exactly once each "
                + "(items, clients, queues, nodes, statements=true, pause)";
    }

    @Override
    public BenchReport run(BenchOptions options) throws Exception {
        int items = options.integer("items", 1_000_000);
        int clientCount = options.integer("clients", 50);
        int queuesPerClient = options.integer("queues", 4);
        int nodes = options.integer("nodes", 4);
        PhaseMeter meter = new PhaseMeter(database, options.text("statements", "false"));
        BenchReport report = new BenchReport(name())
                .parameter("items due", items).parameter("clients × queues", clientCount + " × " + queuesPerClient)
                .parameter("timer nodes (threads calling escalateDue)", nodes)
                .parameter("cores", Runtime.getRuntime().availableProcessors())
                .parameter("database", database.describe());

        System.out.println("Opening the floor: " + clientCount + " clients × " + queuesPerClient + " queues…");
        OperationsFloor.Floor opened = floor.open("SLA", clientCount, queuesPerClient, 1, 1);
        System.out.printf("Generating %,d items whose warning is due…%n", items);
        long generating = System.nanoTime();
        backlog.generate(opened.clients(), items, Backlog.Warning.DUE_NOW);
        database.vacuumAnalyze("work.work_item");
        report.figure("set-up: items generated, vacuumed, analyzed", (System.nanoTime() - generating) / 1e9, "s");
        UUID[] clients = opened.clients().stream().map(c -> c.client().id()).toArray(UUID[]::new);
        report.parameter("timer lanes (clients' lanes holding the most and fewest items)", lanes(clients, items));
        inspectionPause(options);
        database.checkpoint();

        System.out.println("Escalating with " + nodes + " timer nodes…");
        AtomicLong calls = new AtomicLong();
        AtomicLong escalated = new AtomicLong();
        long started = System.nanoTime();
        meter.measure("escalation", database.name(), items, report, () -> {
            try (ExecutorService pool = Executors.newFixedThreadPool(nodes)) {
                List<Future<?>> running = new ArrayList<>();
                for (int n = 0; n < nodes; n++) {
                    running.add(pool.submit(() -> {
                        int fired;
                        do {
                            fired = timers.escalateDue();
                            calls.incrementAndGet();
                            escalated.addAndGet(fired);
                        } while (fired > 0);
                        return null;
                    }));
                }
                for (Future<?> node : running) {
                    node.get();
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        report.figure("escalation time", seconds, "s")
                .figure("escalations/s", escalated.get() / seconds, "items/s")
                .figure("escalations reported by the timers", escalated.get(), "items")
                .figure("escalateDue calls (each fires every lane it can take)", calls.get(), "calls");

        Verification check = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql("""
                        select (select count(*) from work.work_item where client_id = any (?) and escalated_at is null),
                               (select count(*) from work.work_item where client_id = any (?) and escalated_at is not null),
                               (select count(*) from work.work_event where client_id = any (?) and type = 'escalated'),
                               (select count(*) from (select 1 from work.work_event where client_id = any (?) and type = 'escalated'
                                                       group by client_id, item_id having count(*) > 1) twice)""")
                .params(clients, clients, clients, clients)
                .query((rs, n) -> new Verification(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single()));
        report.figure("items not escalated", check.notEscalated(), "items")
                .figure("items escalated", check.escalated(), "items")
                .figure("'escalated' timeline events", check.events(), "events")
                .figure("items escalated more than once", check.twice(), "items");
        boolean exactlyOnce = check.notEscalated() == 0 && check.escalated() == items && check.events() == items
                && check.twice() == 0 && escalated.get() == items;
        report.check(exactlyOnce, "every item escalated exactly once");
        database.checkpoint(); // so that the server stops quickly afterwards, with little left to write
        report.note((seconds <= GOAL_SECONDS && exactlyOnce ? "goal met" : "goal NOT met")
                + String.format(": %,d escalations in %.1f s (goal ≤ 60 s)", items, seconds));
        return report;
    }

    /** How the clients fell into the timers' lanes: a lane holding more than its share is escalated by fewer nodes at the end. */
    private String lanes(UUID[] clients, int items) {
        List<Long> perLane = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql("""
                        select count(*) from work.work_item where client_id = any (?) group by sla_lane order by 1 desc""")
                .param(clients).query(Long.class).list()));
        return String.format("%d of %d lanes; %.1f%% … %.1f%% of the items", perLane.size(), SlaTimers.LANES,
                100.0 * perLane.getFirst() / items, 100.0 * perLane.getLast() / items);
    }

    /** {@code --set pause=N}: N seconds to look at the generated data with psql before it is escalated. */
    static void inspectionPause(BenchOptions options) throws InterruptedException {
        int pause = options.integer("pause", 0);
        if (pause > 0) {
            System.out.println("Pausing " + pause + " s for inspection…");
            Thread.sleep(pause * 1000L);
        }
    }

    private record Verification(long notEscalated, long escalated, long events, long twice) {
    }
}
