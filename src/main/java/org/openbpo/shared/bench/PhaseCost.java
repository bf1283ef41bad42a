package org.openbpo.shared.bench;

import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;

/**
 * What one phase of a benchmark cost beyond its wall-clock time: CPU of the JVM and of
 * PostgreSQL per item, and statements per item as pg_stat_statements counts them (loaded by
 * {@code ./openbpo bench}). Both hold on a machine that others load too. On an external server
 * (no local superuser) only the JVM's CPU is reported.
 */
@Component
public class PhaseCost {

    private final StatementStats statements;

    PhaseCost(StatementStats statements) {
        this.statements = statements;
    }

    public <T> T measure(String phase, long items, int listStatements, BenchReport report, Callable<T> work) throws Exception {
        return measure(phase, items, listStatements, report, work, result -> 0L);
    }

    /**
     * As {@link #measure(String, long, int, BenchReport, Callable)}, where part of the JVM's CPU time
     * was spent by a load generator in the same process ({@code generatorNanos} of the result): the
     * server's own share is reported beside the whole.
     */
    public <T> T measure(String phase, long items, int listStatements, BenchReport report, Callable<T> work,
                  ToLongFunction<T> generatorNanos) throws Exception {
        CpuMeter cpu = new CpuMeter(statements.postmasterPid());
        boolean counting = statements.start(StatementStats.Track.TOP);
        CpuMeter.Reading before = cpu.read();
        long started = System.nanoTime();
        T result = work.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Reading used = cpu.read().minus(before);
        long n = Math.max(1, items);
        report.figure(phase + " CPU per item (JVM)", used.jvmNanos() / 1e6 / n, "ms")
                .figure(phase + " CPU per item (PostgreSQL)", used.databaseNanos() / 1e6 / n, "ms");
        long generator = generatorNanos.applyAsLong(result);
        if (generator > 0) {
            report.figure(phase + " CPU per item (JVM: load generator)", generator / 1e6 / n, "ms")
                    .figure(phase + " CPU per item (JVM: server alone)", (used.jvmNanos() - generator) / 1e6 / n, "ms")
                    .figure(phase + " CPU-bound capacity of the server alone, " + Runtime.getRuntime().availableProcessors() + " cores",
                            Runtime.getRuntime().availableProcessors() * 1e3
                                    / Math.max(1e-9, (used.totalNanos() - generator) / 1e6 / n), "items/s");
        }
        report.figure(phase + " CPU-bound capacity, " + Runtime.getRuntime().availableProcessors() + " cores",
                        Runtime.getRuntime().availableProcessors() * 1e3 / Math.max(1e-9, used.totalNanos() / 1e6 / n), "items/s")
                .figure(phase + " wall time", seconds, "s");
        if (counting) {
            statements.stop();
            StatementStats.Counts counts = statements.counts();
            report.figure(phase + " statements per item", (counts.sent() + counts.nested()) / (double) n, "statements");
            if (listStatements > 0) {
                for (StatementStats.Counted counted : statements.heaviest(listStatements, StatementStats.Order.CALLS)) {
                    report.note(String.format(Locale.ROOT, "%s: %.2f per item, %6.0f ms  %s", phase, counted.calls() / (double) n,
                            counted.millis(), counted.shortQuery(110)));
                }
            }
        }
        return result;
    }
}
