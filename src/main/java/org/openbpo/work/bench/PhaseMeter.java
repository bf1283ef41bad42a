package org.openbpo.work.bench;

import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.CpuMeter;

import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;

/**
 * Measures one phase of a benchmark beyond its wall-clock time: the CPU that the JVM and
 * PostgreSQL spent on it and the statements PostgreSQL ran for it, both per item. Both figures
 * hold even when other programs share the machine; the capacity figure divides the machine's
 * cores by the CPU per item, which is what the phase could reach on those cores alone.
 */
final class PhaseMeter {

    private final BenchDatabase database;
    private final CpuMeter cpu;
    private final int listStatements;

    /** {@code statements}: the benchmark's option, "true" (the 12 heaviest), "false" or how many to list. */
    PhaseMeter(BenchDatabase database, String statements) {
        this.database = database;
        this.cpu = new CpuMeter(database.postmasterPid());
        this.listStatements = switch (statements) {
            case "true" -> 12;
            case "false" -> 0;
            default -> Integer.parseInt(statements);
        };
        database.pauseStatementProfile();
    }

    <T> T measure(String phase, String databaseName, long items, BenchReport report, Callable<T> work) throws Exception {
        return measure(phase, databaseName, report, work, result -> items);
    }

    /** For phases that learn how many items they handled only at the end. */
    <T> T measure(String phase, String databaseName, BenchReport report, Callable<T> work, ToLongFunction<T> itemsOf)
            throws Exception {
        boolean counting = database.startStatementProfile();
        CpuMeter.Reading before = cpu.read();
        var walBefore = database.wal();
        long started = System.nanoTime();
        T result = work.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        long items = Math.max(1, itemsOf.applyAsLong(result));
        CpuMeter.Reading used = cpu.read().minus(before);
        var walAfter = database.wal();
        int cores = Runtime.getRuntime().availableProcessors();
        double cpuMillisPerItem = used.totalNanos() / 1e6 / items;
        report.figure(phase + " CPU per item (JVM)", used.jvmNanos() / 1e6 / items, "ms")
                .figure(phase + " CPU per item (PostgreSQL backends)", used.backendNanos() / 1e6 / items, "ms")
                .figure(phase + " CPU per item (PostgreSQL background)", (used.backgroundNanos() + used.endedNanos()) / 1e6 / items, "ms")
                .figure(phase + " CPU busy share of " + cores + " cores", used.totalNanos() / 1e9 / seconds / cores * 100, "%")
                .figure(phase + " CPU-bound capacity, " + cores + " cores", cores * 1_000 / cpuMillisPerItem, "items/s");
        if (walBefore.isPresent() && walAfter.isPresent()) {
            BenchDatabase.WalReading wal = walAfter.get().minus(walBefore.get());
            report.figure(phase + " write-ahead log per item", wal.bytes() / 1024.0 / items, "kB")
                    .figure(phase + " full-page images per item", wal.fullPageImages() / (double) items, "pages")
                    .figure(phase + " write-ahead log syncs per item", wal.syncs() / (double) items, "syncs");
        }
        if (counting) {
            BenchDatabase.StatementProfile statements = database.stopStatementProfile(databaseName, Math.max(1, listStatements));
            report.figure(phase + " statements per item", statements.calls() / (double) items, "statements");
            if (listStatements > 0) {
                statements.top().forEach(line -> report.note(phase + ": " + line));
            }
        }
        return result;
    }
}
