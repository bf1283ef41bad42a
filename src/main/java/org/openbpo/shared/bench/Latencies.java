package org.openbpo.shared.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Every latency of one measured step, kept exactly (no buckets), so percentiles are the true
 * ones. Thread-safe; recording is a synchronized array append, cheap next to a database call.
 */
public final class Latencies {

    private final String name;
    private long[] nanos = new long[1 << 14];
    private int count;

    public Latencies(String name) {
        this.name = name;
    }

    public synchronized void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    /** Times one call and records it. */
    public <T> T time(java.util.function.Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            record(System.nanoTime() - start);
        }
    }

    public synchronized int count() {
        return count;
    }

    /** The latency below which the given share of the calls finished (nearest rank), in milliseconds. */
    public synchronized double percentileMillis(double share) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(share * count);
        return millis(sorted[Math.clamp(rank - 1, 0, count - 1)]);
    }

    public synchronized double maxMillis() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, nanos[i]);
        }
        return millis(max);
    }

    /** Adds p50, p99 and max of this step to the report. */
    public BenchReport addTo(BenchReport report) {
        return report.figure(name + " p50", percentileMillis(0.50), "ms")
                .figure(name + " p99", percentileMillis(0.99), "ms")
                .figure(name + " max", maxMillis(), "ms");
    }

    private static double millis(long nanos) {
        return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }
}
