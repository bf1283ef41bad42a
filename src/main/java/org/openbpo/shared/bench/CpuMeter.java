package org.openbpo.shared.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time spent by this JVM and by a PostgreSQL server (the postmaster, its live backends and
 * the backends that already ended). Unlike wall-clock throughput it does not change when other
 * programs share the machine, so "CPU per item" shows what a phase costs even on a busy host.
 * Reads Linux's /proc; elsewhere it reports only the JVM.
 */
public final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux
    private final OptionalLong postmaster;

    public CpuMeter(OptionalLong postmaster) {
        this.postmaster = postmaster;
    }

    public record Reading(long jvmNanos, long databaseNanos) {

        public Reading minus(Reading earlier) {
            return new Reading(jvmNanos - earlier.jvmNanos, databaseNanos - earlier.databaseNanos);
        }

        public long totalNanos() {
            return jvmNanos + databaseNanos;
        }
    }

    public Reading read() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long database = 0;
        if (postmaster.isPresent()) {
            long pid = postmaster.getAsLong();
            database = ticks(pid, true);
            database += ProcessHandle.of(pid).map(root -> root.children().mapToLong(child -> ticks(child.pid(), false)).sum())
                    .orElse(0L);
        }
        return new Reading(jvm, (long) (database / TICKS_PER_SECOND * 1e9));
    }

    /** utime + stime, and with {@code reaped} also the time of children that ended (cutime + cstime). */
    private static long ticks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3 of proc(5)); utime is field 14, so index 11.
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (reaped) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (Exception e) {
            return 0; // a backend that ended between listing and reading; its time moves to the postmaster's cutime
        }
    }
}
