package org.openbpo.work.bench;

import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Benchmark;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.work.Routing;
import org.openbpo.work.WorkItems;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./openbpo bench work-lifecycle}: support tickets through create, get next and complete,
 * with SLA clock, timeline and audit, persisted with full durability, on concurrent agents; then
 * the same lifecycle on an embedded Flowable engine on the same server, and the ratio.
 */
@Component
class WorkLifecycleBenchmark implements Benchmark {

    private static final double GOAL_PER_SECOND = 1_500;
    private static final double GOAL_RATIO = 5;

    private final OperationsFloor floor;
    private final WorkItems workItems;
    private final Routing routing;
    private final BenchDatabase database;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int poolSize;
    private final AuditTrail auditTrail;

    WorkLifecycleBenchmark(OperationsFloor floor, WorkItems workItems, Routing routing, BenchDatabase database,
                           JdbcClient jdbc, TransactionTemplate transactions, Environment environment, AuditTrail auditTrail) {
        this.floor = floor;
        this.workItems = workItems;
        this.routing = routing;
        this.database = database;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.poolSize = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
        this.auditTrail = auditTrail;
    }

    @Override
    public String name() {
        return "work-lifecycle";
    }

    @Override
    public Map<String, String> smallest() {
        return Map.of("items", "200", "warmup", "100", "threads", "4");
    }

    @Override
    public String description() {
        return "create → get next → complete per item, OpenBPO vs embedded Flowable "
                + "and PostgreSQL alone (items, threads, warmup, clients, peer=flowable|none, floor=true|false, statements=true)";
    }

    @Override
    public BenchReport run(BenchOptions options) throws Exception {
        int items = options.integer("items", 20_000);
        int threads = options.integer("threads", 16);
        // Per engine; on two cores C2 is still compiling the lifecycle after a few thousand (~400/s then, ~530/s warm).
        int warmup = options.integer("warmup", 20_000);
        int clientCount = options.integer("clients", 1);
        boolean peer = !options.text("peer", "flowable").equals("none");
        boolean measureFloor = !options.text("floor", "true").equals("false");
        PhaseMeter meter = new PhaseMeter(database, options.text("statements", "false"));
        BenchReport report = new BenchReport(name())
                .parameter("items", items).parameter("threads (one agent each)", threads)
                .parameter("warm-up lifecycles per engine", warmup).parameter("clients", clientCount)
                .parameter("connection pool (each engine)", poolSize)
                .parameter("cores", Runtime.getRuntime().availableProcessors())
                .parameter("database", database.describe());

        System.out.println("Opening the floor: " + clientCount + " client(s), " + threads + " agents…");
        OperationsFloor.Floor opened = floor.open("LC", clientCount, 1, threads, clientCount);
        List<UUID> clients = opened.clients().stream().map(c -> c.client().id()).toList();
        List<AgentDesk> desks = opened.agents().stream().map(AgentDesk::new).toList();
        OpenBpoLifecycle openBpo = new OpenBpoLifecycle(workItems, routing, clients, desks, this::completionsWaiting);

        System.out.println("OpenBPO: warming up with " + warmup + " lifecycles…");
        LifecycleRun.run("openbpo", openBpo, warmup, threads);
        database.analyze(database.name());
        settle();
        System.out.println("OpenBPO: measuring " + items + " lifecycles on " + threads + " threads…");
        LifecycleRun.Result ours = meter.measure("openbpo", database.name(), items, report,
                () -> LifecycleRun.run("openbpo", openBpo, items, threads));
        ours.addTo(report);
        UUID[] clientArray = clients.toArray(UUID[]::new);
        Persisted persisted = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql("""
                        select (select count(*) from work.work_item where client_id = any (?) and category = 'DONE'),
                               (select count(*) from work.work_item where client_id = any (?) and category = 'DONE'
                                   and sla_met is not null),
                               (select count(*) from work.work_event where client_id = any (?)),
                               (select count(*) from audit.record where client_id = any (?) and entity_type = 'work-item')""")
                .params(clientArray, clientArray, clientArray, clientArray)
                .query((rs, n) -> new Persisted(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single()));
        report.figure("openbpo items done in the database (warm-up and measured)", persisted.done(), "items")
                .figure("openbpo done items with an SLA verdict", persisted.withSlaVerdict(), "items")
                .figure("openbpo timeline entries per done item", persisted.timeline() / (double) persisted.done(), "entries")
                .figure("openbpo audit records per done item", persisted.audit() / (double) persisted.done(), "records");
        report.note(ours.perSecond() >= GOAL_PER_SECOND
                ? "goal met: OpenBPO ran " + Math.round(ours.perSecond()) + " lifecycles/s (goal ≥ 1,500/s)"
                : "goal NOT met: OpenBPO ran " + Math.round(ours.perSecond()) + " lifecycles/s (goal ≥ 1,500/s)");

        if (measureFloor) {
            floor(ours, items, warmup, threads, meter, report);
        }
        if (peer) {
            settle();
            System.out.println("Flowable: starting the engine in database " + FlowablePeer.DATABASE + "…");
            try (FlowablePeer flowable = FlowablePeer.start(database, poolSize)) {
                System.out.println("Flowable: warming up with " + warmup + " lifecycles…");
                LifecycleRun.run("flowable", flowable, warmup, threads);
                database.analyze(FlowablePeer.DATABASE);
                database.checkpoint();
                System.out.println("Flowable: measuring " + items + " lifecycles on " + threads + " threads…");
                LifecycleRun.Result theirs = meter.measure("flowable", FlowablePeer.DATABASE, items, report,
                        () -> LifecycleRun.run("flowable", flowable, items, threads));
                theirs.addTo(report);
                report.figure("flowable processes finished in history", flowable.completedInHistory(), "processes")
                        .figure("flowable claims lost to another agent", flowable.lostClaims(), "claims")
                        .figure("flowable completions retried", flowable.retriedCompletions(), "calls");
                double ratio = ours.perSecond() / theirs.perSecond();
                report.figure("ratio openbpo/flowable (lifecycles/s)", ratio, "×");
                report.note(ratio >= GOAL_RATIO
                        ? String.format("goal met: OpenBPO is %.1f× Flowable (goal ≥ 5×)", ratio)
                        : String.format("goal NOT met: OpenBPO is %.1f× Flowable (goal ≥ 5×)", ratio));
            }
        }
        return report;
    }

    /**
     * PostgreSQL alone through the same harness, bare and with the records the engine keeps: the rates
     * no engine with three transactions per lifecycle, and none that keeps those records, passes here.
     */
    private void floor(LifecycleRun.Result ours, int items, int warmup, int threads, PhaseMeter meter, BenchReport report)
            throws Exception {
        for (LifecycleFloor.Kind kind : LifecycleFloor.Kind.values()) {
            settle();
            System.out.println("PostgreSQL alone (" + kind.engine + "): database " + kind.database
                    + ", three one-statement transactions per lifecycle…");
            try (LifecycleFloor alone = LifecycleFloor.start(database, poolSize, kind)) {
                LifecycleRun.run(kind.engine, alone, warmup, threads);
                database.analyze(kind.database);
                database.checkpoint();
                LifecycleRun.Result bound = meter.measure(kind.engine, kind.database, items, report,
                        () -> LifecycleRun.run(kind.engine, alone, items, threads));
                bound.addTo(report);
                report.figure(kind.engine + " items done in the database (warm-up and measured)", alone.done(), "items")
                        .figure("ratio openbpo/" + kind.engine + " (lifecycles/s)", ours.perSecond() / bound.perSecond(), "×");
            }
        }
    }

    private record Persisted(long done, long withSlaVerdict, long timeline, long audit) {
    }

    /** Lets the audit sealer chain what the warm-up wrote and checkpoints, so the next phase starts even. */
    private void settle() throws InterruptedException {
        for (int i = 0; i < 120 && unsealedAuditRecords() > 0; i++) {
            Thread.sleep(500);
        }
        database.checkpoint();
    }

    /** Whether any completion still waits for a consumer: asked every 10 ms at the end of a phase, so it stops at the first. */
    private boolean completionsWaiting() {
        return Boolean.TRUE.equals(TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql(
                "select exists (select from work.completion_feed where retry_at is null)").query(Boolean.class).single())));
    }

    private long unsealedAuditRecords() {
        return TenantScope.call(AllowedClients.ALL, auditTrail::unsealedRecords);
    }
}
