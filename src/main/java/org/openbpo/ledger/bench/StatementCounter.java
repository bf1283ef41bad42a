package org.openbpo.ledger.bench;

import org.openbpo.shared.bench.BenchReport;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Counts the statements PostgreSQL runs during a phase of the ledger benchmark, nested ones too
 * (the statement triggers' queries), through pg_stat_statements, which {@code ./openbpo bench}
 * loads. Statements per entry, unlike throughput, do not move when other programs load the
 * machine. On an external server (no local superuser) nothing is counted.
 */
@Component
class StatementCounter {

    private final String url;

    StatementCounter(Environment environment) {
        this.url = environment.getRequiredProperty("spring.datasource.url");
    }

    /** Starts counting (from zero); false when the server cannot count. */
    boolean start() {
        return track("all");
    }

    /** Stops counting and reports the statements per entry, with the {@code top} heaviest by time. */
    void stop(String phase, long entries, int top, BenchReport report) {
        track("none");
        try (Connection connection = superuser(); PreparedStatement totals = connection.prepareStatement("""
                select coalesce(sum(calls) filter (where toplevel), 0), coalesce(sum(calls) filter (where not toplevel), 0)
                  from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ?""")) {
            totals.setString(1, databaseName());
            ResultSet rs = totals.executeQuery();
            rs.next();
            long n = Math.max(1, entries);
            report.figure(phase + ": statements per entry (sent by the application)", rs.getLong(1) / (double) n, "statements")
                    .figure(phase + ": statements per entry (run inside triggers)", rs.getLong(2) / (double) n, "statements");
            if (top > 0) {
                try (PreparedStatement heaviest = connection.prepareStatement("""
                        select calls, total_exec_time, toplevel, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements s
                          join pg_database d on d.oid = s.dbid where d.datname = ? order by total_exec_time desc limit ?""")) {
                    heaviest.setString(1, databaseName());
                    heaviest.setInt(2, top);
                    ResultSet statements = heaviest.executeQuery();
                    while (statements.next()) {
                        String query = statements.getString(4);
                        report.note(String.format(Locale.ROOT, "%s: %.3f per entry, %7.0f ms, %.1f µs per entry%s  %s", phase,
                                statements.getLong(1) / (double) n, statements.getDouble(2), statements.getDouble(2) * 1e3 / n,
                                statements.getBoolean(3) ? "" : " (in a trigger)",
                                query.length() > 140 ? query.substring(0, 140) + "…" : query));
                    }
                }
            }
        } catch (SQLException e) {
            report.note(phase + ": statements not counted (" + e.getMessage() + ")");
        }
    }

    private boolean track(String what) {
        try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
            if (!what.equals("none")) {
                statement.execute("create extension if not exists pg_stat_statements");
            }
            statement.execute("alter system set pg_stat_statements.track = '" + what + "'");
            statement.execute("select pg_reload_conf()");
            if (!what.equals("none")) {
                Thread.sleep(200); // backends pick the setting up at their next command
                statement.execute("select pg_stat_statements_reset()");
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private String databaseName() {
        String rest = url.substring(url.indexOf("//") + 2);
        String path = rest.substring(rest.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The embedded server trusts local connections as {@code postgres}. */
    private Connection superuser() throws SQLException {
        String base = url.substring(0, url.indexOf('/', url.indexOf("//") + 2) + 1);
        return DriverManager.getConnection(base + "postgres", "postgres", "");
    }
}
