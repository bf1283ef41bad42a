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
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The statements PostgreSQL ran for the application's database during a phase of a benchmark, as
 * pg_stat_statements counts them ({@code ./openbpo bench} loads it). The embedded server trusts local
 * connections as {@code postgres}; an external one refuses, and nothing is counted.
 */
@Component
public class StatementStats {

    /** Which statements are counted: those the application sends, or also those run inside triggers and functions. */
    public enum Track { TOP, ALL }

    /** What the heaviest statements are ordered by. */
    public enum Order { CALLS, TIME }

    public record Counts(long sent, long nested) {
    }

    public record Counted(long calls, double millis, boolean sent, String query) {

        /** The statement's text on one line, cut at {@code length} characters. */
        public String shortQuery(int length) {
            return query.length() > length ? query.substring(0, length) + "…" : query;
        }
    }

    private final String url;

    StatementStats(Environment environment) {
        this.url = environment.getRequiredProperty("spring.datasource.url");
    }

    /** Starts counting from zero; false when the server cannot count. */
    public boolean start(Track track) {
        return track(track.name().toLowerCase());
    }

    /** Stops counting; what was counted stays readable. */
    public void stop() {
        track("none");
    }

    public Counts counts() throws SQLException {
        try (Connection connection = superuser(); PreparedStatement totals = connection.prepareStatement("""
                select coalesce(sum(calls) filter (where toplevel), 0), coalesce(sum(calls) filter (where not toplevel), 0)
                  from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ?""")) {
            totals.setString(1, databaseName());
            ResultSet rs = totals.executeQuery();
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2));
        }
    }

    public List<Counted> heaviest(int limit, Order order) throws SQLException {
        String by = order == Order.CALLS ? "calls" : "total_exec_time";
        try (Connection connection = superuser(); PreparedStatement heaviest = connection.prepareStatement("""
                select calls, total_exec_time, toplevel, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements s
                  join pg_database d on d.oid = s.dbid where d.datname = ? order by %s desc limit ?""".formatted(by))) {
            heaviest.setString(1, databaseName());
            heaviest.setInt(2, limit);
            ResultSet rs = heaviest.executeQuery();
            List<Counted> counted = new ArrayList<>();
            while (rs.next()) {
                counted.add(new Counted(rs.getLong(1), rs.getDouble(2), rs.getBoolean(3), rs.getString(4)));
            }
            return counted;
        }
    }

    /** The database server's main process, whose children's CPU the benchmarks read; empty on an external server. */
    public OptionalLong postmasterPid() {
        try (Connection connection = superuser(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select setting from pg_settings where name = 'data_directory'")) {
            rs.next();
            return OptionalLong.of(Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).getFirst().strip()));
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    private boolean track(String what) {
        try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
            boolean on = !what.equals("none");
            if (on) {
                statement.execute("create extension if not exists pg_stat_statements");
            }
            statement.execute("alter system set pg_stat_statements.track = '" + what + "'");
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

    private String databaseName() {
        String rest = url.substring(url.indexOf("//") + 2);
        String path = rest.substring(rest.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private Connection superuser() throws SQLException {
        String base = url.substring(0, url.indexOf('/', url.indexOf("//") + 2) + 1);
        return DriverManager.getConnection(base + "postgres", "postgres", "");
    }
}
