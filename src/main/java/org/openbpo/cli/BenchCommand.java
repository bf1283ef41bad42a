package org.openbpo.cli;

import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Runs one benchmark on freshly generated data in a throw-away embedded database with full
 * durability (fsync, synchronous commit and full-page writes on), so the figures are honest.
 */
@Command(name = "bench", description = "Run a benchmark on generated data and print its figures.")
class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", description = "The benchmark to run.")
    String name;

    @Option(names = "--list", description = "List the benchmarks.")
    boolean list;

    @Option(names = "--smoke", description = "Run every benchmark once at its smallest size: its checks, not its figures.")
    boolean smoke;

    @Option(names = "--set", description = "A benchmark option, key=value (repeatable).")
    Map<String, String> options = new HashMap<>();

    @Option(names = "--server", description = "A setting of the run's PostgreSQL server, key=value (repeatable), "
            + "to measure what it changes.")
    Map<String, String> serverSettings = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("openbpo-bench");
        // Loaded so that benchmarks can count the statements of a measured phase; they switch it on and off.
        // Sized like a database server on this machine would be (a quarter of its memory, up to 4 GB):
        // the benchmarks' million-row tables and their indexes then stay in shared buffers.
        Map<String, String> server = new HashMap<>(Map.of("shared_preload_libraries", "pg_stat_statements",
                "shared_buffers", sharedBuffers()));
        server.putAll(serverSettings);
        try (Platform platform = Platform.start(data, Map.of("server.port", 0, "logging.level.root", "WARN"), server, "bench")) {
            Map<String, Benchmark> benchmarks = new HashMap<>();
            platform.context().getBeansOfType(Benchmark.class).values()
                    .forEach(benchmark -> benchmarks.put(benchmark.name(), benchmark));
            if (smoke) {
                return smoke(benchmarks);
            }
            if (list || name == null || !benchmarks.containsKey(name)) {
                if (name != null && !list) {
                    System.err.println("No benchmark named '" + name + "'.");
                }
                System.out.println("Benchmarks:");
                benchmarks.values().stream().sorted(Comparator.comparing(Benchmark::name))
                        .forEach(b -> System.out.printf("  %-20s %s%n", b.name(), b.description()));
                return list ? 0 : 2;
            }
            String loadBefore = loadAverage();
            long[] cpuBefore = machineCpuTicks();
            long started = System.nanoTime();
            BenchReport report = benchmarks.get(name).run(new BenchOptions(options));
            // Other programs on the machine, or other guests of a virtual machine's host, slow a run
            // down and swing its figures; say how busy the machine was and how much the host took.
            report.note("machine load average (1, 5, 15 min) before: " + loadBefore + ", after: " + loadAverage());
            stolen(cpuBefore, machineCpuTicks(), (System.nanoTime() - started) / 1e9).ifPresent(report::note);
            System.out.println();
            System.out.print(report.table());
            System.out.println(report.json());
            return report.failedChecks().isEmpty() ? 0 : 1;
        } finally {
            deleteQuietly(data);
        }
    }

    /** Each benchmark at its smallest size, one after the other on the same server; 1 when any failed or broke. */
    private int smoke(Map<String, Benchmark> benchmarks) {
        List<String> failed = new ArrayList<>();
        for (Benchmark benchmark : benchmarks.values().stream().sorted(Comparator.comparing(Benchmark::name)).toList()) {
            Map<String, String> smallest = new HashMap<>(benchmark.smallest());
            smallest.putAll(options);
            long started = System.nanoTime();
            String outcome;
            try {
                BenchReport report = benchmark.run(new BenchOptions(smallest));
                System.out.print(report.table());
                outcome = report.failedChecks().isEmpty() ? "ok" : "CHECK FAILED: " + String.join("; ", report.failedChecks());
            } catch (Exception | AssertionError e) {
                outcome = "BROKE: " + e;
            }
            if (!outcome.equals("ok")) {
                failed.add(benchmark.name());
            }
            System.out.printf("smoke %-16s %6.1f s  %s%n", benchmark.name(), (System.nanoTime() - started) / 1e9, outcome);
        }
        System.out.println(failed.isEmpty() ? "every benchmark ran and passed its checks" : "failed: " + String.join(", ", failed));
        return failed.isEmpty() ? 0 : 1;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The machine's CPU time so far from /proc/stat's first line, in clock ticks: busy (user to softirq) and steal. */
    private static long[] machineCpuTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(fields[i]);
            }
            return new long[] {busy, fields.length > 8 ? Long.parseLong(fields[8]) : 0};
        } catch (Exception e) {
            return new long[0];
        }
    }

    /** CPU time the host gave to others while this virtual machine wanted it, as a share of the run's cores. */
    private static Optional<String> stolen(long[] before, long[] after, double seconds) {
        if (before.length < 2 || after.length < 2 || seconds <= 0) {
            return Optional.empty();
        }
        double ticksPerSecond = 100; // USER_HZ on Linux
        int cores = Runtime.getRuntime().availableProcessors();
        double steal = (after[1] - before[1]) / ticksPerSecond;
        double busy = (after[0] - before[0]) / ticksPerSecond;
        return Optional.of(String.format(
                "machine CPU during the run: busy %.0f%% of %d cores, stolen by the host %.1f s (%.1f%% of the cores' time)",
                100 * busy / (seconds * cores), cores, steal, 100 * steal / (seconds * cores)));
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (Exception ignored) {
            // a leftover temporary folder is harmless
        }
    }

    private static String sharedBuffers() {
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        long megabytes = Math.clamp(memory / 4 / (1024 * 1024), 128, 4096);
        return megabytes + "MB";
    }
}
