package org.openbpo.support.bench;

import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.CpuMeter;
import org.openbpo.shared.bench.PhaseCost;
import org.openbpo.shared.bench.PlannerStatistics;
import org.openbpo.shared.bench.Benchmark;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./openbpo bench tickets}: tickets raised through the REST API of the running server by a
 * lean load generator in the same JVM ({@link TicketRequests}: {@code concurrency} keep-alive
 * connections on platform threads, one request in flight on each), each with its own Idempotency-Key, as a client's system would; tickets/s and latency percentiles.
 * Afterwards the database must hold exactly one ticket per request. Where Debian's request-tracker5
 * is installed the same tickets then go through its REST2 API ({@link RequestTrackerPeer}) for a
 * ratio; {@code --set peer=none} skips it.
 */
@Component
class TicketsBenchmark implements Benchmark {

    private final PhaseCost meter;
    private final SupportDesk desks;
    private final Environment environment;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TicketsBenchmark(PhaseCost meter, SupportDesk desks, Environment environment, JdbcClient jdbc, TransactionTemplate transactions) {
        this.meter = meter;
        this.desks = desks;
        this.environment = environment;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "tickets";
    }

    @Override
    public Map<String, String> smallest() {
        return Map.of("tickets", "100", "warmup", "50", "concurrency", "4", "peer", "none");
    }

    @Override
    public String description() {
        return "ticket creation through the REST API under concurrent load: tickets/s, p50/p99 (peer: Request Tracker's REST2)";
    }

    @Override
    public BenchReport run(BenchOptions options) throws Exception {
        int tickets = options.integer("tickets", 20_000);
        // The server's JIT keeps compiling for about a minute on two cores; the warm-up lets the measured
        // tickets meet the server as it runs all day, not as it starts.
        int warmup = options.integer("warmup", 15_000);
        // Ten connections, wrk's default. In a closed loop the mean latency is the number in flight over
        // the throughput, so the goal's pair (500 tickets/s, p99 below 50 ms) means about ten in flight:
        // at 32 the mean alone would be 64 ms at 500/s.
        int concurrency = options.integer("concurrency", 10);
        int listStatements = options.integer("statements", 0);
        // 0: as fast as the connections go (closed loop, the throughput figure); > 0: tickets per second
        // offered at a fixed pace, the latency a client's system sees at that rate.
        int rate = options.integer("rate", 0);
        Integer port = environment.getProperty("local.server.port", Integer.class);
        if (port == null) {
            throw new IllegalStateException("The benchmark needs the running web server; its port is unknown.");
        }
        BenchReport report = new BenchReport(name()).parameter("tickets", tickets).parameter("warm-up tickets", warmup)
                .parameter("requests in flight", concurrency)
                .parameter("offered rate", rate == 0 ? "as fast as answered" : rate + " tickets/s")
                .parameter("cores", Runtime.getRuntime().availableProcessors())
                .parameter("load average at start", String.format(Locale.ROOT, "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        SupportDesk.Desk desk = desks.open("TKTB" + (System.currentTimeMillis() % 100_000));
        TicketRequests requests = new TicketRequests("localhost", port, "/api/v1/clients/" + desk.client().id() + "/support/tickets",
                desk.token());
        requests.send(warmup, concurrency, "warm-up", new long[warmup]);
        PlannerStatistics.refresh(environment);
        long[] latencies = new long[tickets];
        long started = System.nanoTime();
        // CPU and statements per ticket cover the whole request: token check, idempotency record, ticket, customer.
        TicketRequests.Outcome outcome = meter.measure("create", tickets, listStatements, report,
                () -> requests.send(tickets, concurrency, "t", latencies, rate), TicketRequests.Outcome::generatorCpuNanos);
        int failed = outcome.failed();
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        report.figure("tickets created", tickets - failed, "tickets")
                .figure("failed requests", failed, "requests")
                .figure("throughput", (tickets - failed) / seconds, "tickets/s")
                .figure("latency p50", percentileMillis(latencies, 0.50), "ms")
                .figure("latency p99", percentileMillis(latencies, 0.99), "ms")
                .figure("latency max", latencies[tickets - 1] / 1e6, "ms");
        long stored = TenantScope.call(AllowedClients.only(desk.client().id()), () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from work.work_item where client_id = ?").param(desk.client().id()).query(Long.class).single()));
        report.figure("tickets stored", stored, "tickets");
        report.check(stored == tickets + warmup, stored + " tickets stored for " + (tickets + warmup) + " requests: none lost or doubled");
        if (!options.text("peer", "request-tracker").equals("none")) {
            try {
                comparePeer(options, concurrency, (tickets - failed) / seconds, report);
            } catch (IllegalStateException e) {
                report.note("peer: Request Tracker could not be run, no ratio: " + e.getMessage());
            }
        }
        report.note("goal: at least 500 tickets/s at p99 below 50 ms on 2 cores (the load generator runs on the same cores;"
                + " its threads' CPU time is reported apart from the server's)");
        return report;
    }

    /**
     * The same tickets through Request Tracker's REST2 API, on the same PostgreSQL, by the same load
     * generator (RT's prefork server gets one worker per connection, so no connection waits for a
     * worker). Fewer tickets than OpenBPO's run: RT is far slower.
     */
    private void comparePeer(BenchOptions options, int concurrency, double openBpoPerSecond, BenchReport report) throws Exception {
        if (!RequestTrackerPeer.installed()) {
            report.note("peer: Debian's request-tracker5 is not installed on this machine; no ratio"
                    + " (apt-get install request-tracker5 rt5-db-postgresql, then run again)");
            return;
        }
        int tickets = options.integer("peer-tickets", 500);
        int warmup = options.integer("peer-warmup", 50);
        // RT is CPU-bound at a few tickets per second on 2 cores: a few connections keep it busy, and
        // each connection gets its own prefork worker (about 230 MB each).
        int connections = options.integer("peer-concurrency", Math.min(concurrency, 8));
        try (RequestTrackerPeer peer = RequestTrackerPeer.start(environment.getRequiredProperty("spring.datasource.url"), connections)) {
            TicketRequests requests = peer.requests();
            requests.send(warmup, connections, "rt-warm-up", new long[warmup]);
            long[] latencies = new long[tickets];
            CpuMeter postgres = CpuMeter.ofServerBehind(jdbc.sql("select pg_backend_pid()").query(Long.class).single());
            CpuMeter.Reading postgresBefore = postgres.read();
            long rtBefore = peer.cpuNanos();
            long started = System.nanoTime();
            TicketRequests.Outcome outcome = requests.send(tickets, connections, "rt", latencies);
            double seconds = (System.nanoTime() - started) / 1e9;
            long rtCpu = peer.cpuNanos() - rtBefore;
            long postgresCpu = postgres.read().minus(postgresBefore).databaseNanos();
            int created = tickets - outcome.failed();
            long stored = peer.ticketsStored();
            report.check(stored == tickets + warmup, "the peer, Request Tracker, stored " + stored + " tickets for "
                    + (tickets + warmup) + " requests");
            report.note("peer: Debian's request-tracker5 " + RequestTrackerPeer.version() + " through its REST2 API (one login's session cookie;"
                    + " its API token costs ~240 ms of hashing per request),"
                    + " its Starlet server with " + connections + " workers and " + connections + " keep-alive connections,"
                    + " on the same PostgreSQL; RT runs its default scrips (an autoreply to the requester is rendered per ticket,"
                    + " delivered to RT's test mail sink). Goal: at least 20×.");
            if (created == 0) {
                report.note("peer: no ticket reached Request Tracker within the load generator's time-out; no ratio");
                return;
            }
            double perSecond = created / seconds;
            Arrays.sort(latencies);
            report.figure("request-tracker tickets created", created, "tickets")
                    .figure("request-tracker failed requests", outcome.failed(), "requests")
                    .figure("request-tracker throughput", perSecond, "tickets/s")
                    .figure("request-tracker latency p50", percentileMillis(latencies, 0.50), "ms")
                    .figure("request-tracker latency p99", percentileMillis(latencies, 0.99), "ms")
                    .figure("request-tracker CPU per ticket (its server and workers)", rtCpu / 1e6 / created, "ms")
                    .figure("request-tracker CPU per ticket (PostgreSQL)", postgresCpu / 1e6 / created, "ms")
                    .figure("request-tracker CPU per ticket (load generator)", outcome.generatorCpuNanos() / 1e6 / created, "ms")
                    .figure("ratio OpenBPO / Request Tracker (tickets/s)", openBpoPerSecond / perSecond, "×");
        }
    }

    /** The latency at {@code share} of sorted nanoseconds, in milliseconds. */
    private static double percentileMillis(long[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * share))] / 1e6;
    }
}
