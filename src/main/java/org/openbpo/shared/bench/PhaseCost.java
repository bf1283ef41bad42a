package org.openbpo.shared.bench;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.OptionalLong;
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

    private final String url;

    PhaseCost(Environment environment) {
        this.url = environment.getRequiredProperty("spring.datasource.url");
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
        CpuMeter cpu = new CpuMeter(postmasterPid());
        boolean counting = statements(true);
        CpuMeter.Reading before = cpu.read();
        long started = System.nanoTime();
        T result = work.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Reading used = cpu.read().minus(before);
        long n = Math.max(1, items);
        report.figure(phase + " CPU per item (JVM)", used.jvmNanos() / 1e6 / n, "ms")
                .figure(phase + " CPU per item (PostgreSQL)", used.databaseNanos() / 1e6 / n, "ms")
                ;
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
            statements(false);
            try (Connection connection = superuser(); PreparedStatement totals = connection.prepareStatement("""
                    select coalesce(sum(calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid
                     where d.datname = ?""")) {
                totals.setString(1, databaseName());
                ResultSet rs = totals.executeQuery();
                rs.next();
                report.figure(phase + " statements per item", rs.getLong(1) / (double) n, "statements");
            }
            if (listStatements > 0) {
                try (Connection connection = superuser(); PreparedStatement heaviest = connection.prepareStatement("""
                        select calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements s
                          join pg_database d on d.oid = s.dbid where d.datname = ? order by calls desc limit ?""")) {
                    heaviest.setString(1, databaseName());
                    heaviest.setInt(2, listStatements);
                    ResultSet rs = heaviest.executeQuery();
                    while (rs.next()) {
                        String query = rs.getString(3);
                        report.note(String.format(Locale.ROOT, "%s: %.2f per item, %6.0f ms  %s", phase, rs.getLong(1) / (double) n,
                                rs.getDouble(2), query.length() > 110 ? query.substring(0, 110) + "…" : query));
                    }
                }
            }
        }
        return result;
    }

    /** Switches statement counting on (and resets it) or off; false when the server cannot count. */
    private boolean statements(boolean on) {
        try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
            if (on) {
                statement.execute("create extension if not exists pg_stat_statements");
            }
            statement.execute("alter system set pg_stat_statements.track = '" + (on ? "top" : "none") + "'");
            statement.execute("select pg_reload_conf()");
            if (on) {
                Thread.sleep(200); // backends pick the setting up at their next command
                statement.execute("select pg_stat_statements_reset()");
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private OptionalLong postmasterPid() {
        try (Connection connection = superuser(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select setting from pg_settings where name = 'data_directory'")) {
            rs.next();
            return OptionalLong.of(Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).getFirst().strip()));
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    private String databaseName() {
        String rest = url.substring(url.indexOf("//") + 2);
        String path = rest.substring(rest.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The embedded server trusts local connections as {@code postgres}; an external one refuses, and nothing is counted. */
    private Connection superuser() throws SQLException {
        String base = url.substring(0, url.indexOf('/', url.indexOf("//") + 2) + 1);
        return DriverManager.getConnection(base + "postgres", "postgres", "");
    }
}
