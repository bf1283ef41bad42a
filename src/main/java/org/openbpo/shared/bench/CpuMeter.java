package org.openbpo.shared.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time spent by this JVM and by a PostgreSQL server: its client backends, its background
 * processes (WAL writer, checkpointer, autovacuum launcher…) and the processes that already ended
 * (autovacuum workers, mostly). Unlike wall-clock throughput it hardly changes when other programs
 * share the machine, so "CPU per item" shows what a phase costs even on a busy host.
 * Reads Linux's /proc; elsewhere it reports only the JVM.
 */
public final class CpuMeter {

    private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ is 100 on every mainstream Linux
    private final OptionalLong postmaster;

    public CpuMeter(OptionalLong postmaster) {
        this.postmaster = postmaster;
    }

    /** The meter of the server behind a backend process (the backend's parent is its postmaster); JVM only when it runs elsewhere. */
    public static CpuMeter ofServerBehind(long backendPid) {
        return new CpuMeter(ProcessHandle.of(backendPid).flatMap(ProcessHandle::parent).map(p -> OptionalLong.of(p.pid()))
                .orElse(OptionalLong.empty()));
    }

    public record Reading(long jvmNanos, long backendNanos, long backgroundNanos, long endedNanos) {

        public Reading minus(Reading earlier) {
            return new Reading(jvmNanos - earlier.jvmNanos, backendNanos - earlier.backendNanos,
                    backgroundNanos - earlier.backgroundNanos, endedNanos - earlier.endedNanos);
        }

        public long databaseNanos() {
            return backendNanos + backgroundNanos + endedNanos;
        }

        public long totalNanos() {
            return jvmNanos + databaseNanos();
        }
    }

    public Reading read() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        if (postmaster.isEmpty()) {
            return new Reading(jvm, 0, 0, 0);
        }
        long pid = postmaster.getAsLong();
        long[] own = ticks(pid);
        long[] backends = {0};
        long[] background = {own[0]};
        ProcessHandle.of(pid).ifPresent(root -> root.children().forEach(child -> {
            long used = ticks(child.pid())[0];
            if (isClientBackend(child.pid())) {
                backends[0] += used;
            } else {
                background[0] += used;
            }
        }));
        return new Reading(jvm, (long) (backends[0] * NANOS_PER_TICK), (long) (background[0] * NANOS_PER_TICK),
                (long) (own[1] * NANOS_PER_TICK));
    }

    /**
     * CPU time used so far by another program: the process, its descendants, and the descendants that
     * already ended and were waited for (a prefork web server's workers, for a peer's figures).
     */
    public static long processTreeNanos(long pid) {
        long[] total = {0};
        ProcessHandle.of(pid).ifPresent(root -> {
            long[] own = ticks(root.pid());
            total[0] += own[0] + own[1];
            root.descendants().forEach(child -> {
                long[] used = ticks(child.pid());
                total[0] += used[0] + used[1];
            });
        });
        return (long) (total[0] * NANOS_PER_TICK);
    }

    /** A client backend's title reads "postgres: user database host(port) state". */
    private static boolean isClientBackend(long pid) {
        try {
            String title = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            return title.contains("(") && title.contains(")");
        } catch (Exception e) {
            return false;
        }
    }

    /** {utime + stime, cutime + cstime} of one process, in clock ticks. */
    private static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state, field 3 of proc(5); utime is field 14, so index 11.
            return new long[] {Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]) + Long.parseLong(fields[14])};
        } catch (Exception e) {
            return new long[] {0, 0}; // ended between listing and reading; its time moves to the postmaster's children
        }
    }
}
