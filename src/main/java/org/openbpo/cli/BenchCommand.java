package org.openbpo.cli;

import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
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

    @Option(names = "--set", description = "A benchmark option, key=value (repeatable).")
    Map<String, String> options = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("openbpo-bench");
        // Loaded so that benchmarks can count the statements of a measured phase; they switch it on and off.
        // Sized like a database server on this machine would be (a quarter of its memory, up to 4 GB):
        // the benchmarks' million-row tables and their indexes then stay in shared buffers.
        Map<String, String> server = Map.of("shared_preload_libraries", "pg_stat_statements",
                "shared_buffers", sharedBuffers());
        try (Platform platform = Platform.start(data, Map.of("server.port", 0, "logging.level.root", "WARN"), server, "bench")) {
            Map<String, Benchmark> benchmarks = new HashMap<>();
            platform.context().getBeansOfType(Benchmark.class).values()
                    .forEach(benchmark -> benchmarks.put(benchmark.name(), benchmark));
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
            BenchReport report = benchmarks.get(name).run(new BenchOptions(options));
            // Other programs on the machine slow a run down; say how busy it was.
            report.note("machine load average (1, 5, 15 min) before: " + loadBefore + ", after: " + loadAverage());
            System.out.println();
            System.out.print(report.table());
            System.out.println(report.json());
            return 0;
        } finally {
            deleteQuietly(data);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
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
