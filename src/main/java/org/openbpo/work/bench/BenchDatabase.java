package org.openbpo.work.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.openbpo.shared.bench.PlannerStatistics;
import org.openbpo.shared.database.DatabaseSettings;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connections the benchmarks need beside the application's pool: the schema owner (to VACUUM and
 * ANALYZE generated data, which the application role may not) and, on the embedded server, its
 * superuser (to CHECKPOINT before a measured phase and to create the peer engine's database).
 */
@Component
class BenchDatabase {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$");

    private final DatabaseSettings settings;

    BenchDatabase(Environment environment) {
        this.settings = DatabaseSettings.of(environment);
    }

    /** The application's database. */
    String name() {
        Matcher matcher = URL.matcher(settings.url());
        return matcher.matches() ? matcher.group(2) : "openbpo";
    }

    String owner() {
        return settings.owner();
    }

    String password() {
        return settings.password();
    }

    /** The JDBC URL of another database on the same server. */
    String urlOf(String database) {
        Matcher matcher = URL.matcher(settings.url());
        if (!matcher.matches()) {
            throw new IllegalStateException("Cannot read the database name from " + settings.url());
        }
        return matcher.group(1) + database + matcher.group(3);
    }

    /**
     * Creates (or re-creates) another database on the same server, owned by the schema owner, and a
     * pool of its own on it: for a peer engine or a floor, so they never share the application's tables.
     */
    HikariDataSource freshDatabase(String database, int poolSize) throws SQLException {
        try (Connection connection = asSuperuser(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database + " owner " + owner());
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName(database);
        dataSource.setJdbcUrl(urlOf(database));
        dataSource.setUsername(owner());
        dataSource.setPassword(password());
        dataSource.setMaximumPoolSize(poolSize);
        return dataSource;
    }

    Connection asOwner() throws SQLException {
        return settings.connect();
    }

    /** The embedded server trusts local connections as {@code postgres}; an external one will refuse. */
    Connection asSuperuser() throws SQLException {
        return DriverManager.getConnection(urlOf("postgres").replaceAll("([?&])user=[^&]*", "$1user=postgres"), "postgres", "");
    }

    /** Refreshes the planner's statistics of a whole database, see {@link PlannerStatistics}. */
    void analyze(String database) throws SQLException {
        PlannerStatistics.refresh(settings.at(urlOf(database)));
    }

    void vacuumAnalyze(String... tables) throws SQLException {
        try (Connection connection = asOwner(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("vacuum (analyze) " + table);
            }
        }
    }

    /** The embedded server's postmaster, for {@link org.openbpo.shared.bench.CpuMeter}; empty on an external server. */
    OptionalLong postmasterPid() {
        try (Connection connection = asSuperuser(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select setting from pg_settings where name = 'data_directory'")) {
            rs.next();
            String pidFile = Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).getFirst();
            return OptionalLong.of(Long.parseLong(pidFile.strip()));
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    /** The server's durability and memory settings as it reports them, for the report's header. */
    String describe() {
        try (Connection connection = asSuperuser(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select split_part(version(), ' ', 2), current_setting('fsync'), current_setting('synchronous_commit'),
                            current_setting('full_page_writes'), current_setting('shared_buffers'),
                            current_setting('wal_compression')""")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + ", fsync " + rs.getString(2) + ", synchronous_commit " + rs.getString(3)
                    + ", full_page_writes " + rs.getString(4) + ", shared_buffers " + rs.getString(5)
                    + ", wal_compression " + rs.getString(6);
        } catch (SQLException e) {
            return "PostgreSQL (settings not readable: " + e.getMessage() + ")";
        }
    }

    /** The server's write-ahead log counters ({@code pg_stat_wal}, the whole server), to tell what a phase wrote. */
    record WalReading(long records, long fullPageImages, long bytes, long syncs) {
        WalReading minus(WalReading before) {
            return new WalReading(records - before.records, fullPageImages - before.fullPageImages, bytes - before.bytes,
                    syncs - before.syncs);
        }
    }

    /** The log's counters now, or empty when the server does not let the owner read them. */
    Optional<WalReading> wal() {
        try (Connection connection = asOwner(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select wal_records, wal_fpi, wal_bytes, wal_sync from pg_stat_wal")) {
            rs.next();
            return Optional.of(new WalReading(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** One phase's statements as pg_stat_statements counted them (loaded by {@code ./openbpo bench}). */
    record StatementProfile(String database, long calls, double millis, List<String> top) {
    }

    /** Starts counting statements; false when the server does not have pg_stat_statements loaded. */
    boolean startStatementProfile() {
        try (Connection connection = asSuperuser(); Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("alter system set pg_stat_statements.track = 'top'");
            statement.execute("alter system set pg_stat_statements.track_planning = on");
            statement.execute("select pg_reload_conf()");
            Thread.sleep(200); // backends pick the setting up at their next command
            statement.execute("select pg_stat_statements_reset()");
            return true;
        } catch (Exception e) {
            System.err.println("No statement counts: " + e.getMessage());
            return false;
        }
    }

    /** Outside measured phases statements are not counted, which costs nothing. */
    void pauseStatementProfile() {
        try (Connection connection = asSuperuser(); Statement statement = connection.createStatement()) {
            statement.execute("alter system set pg_stat_statements.track = 'none'");
            statement.execute("alter system set pg_stat_statements.track_planning = off");
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            // not the embedded server, or pg_stat_statements not loaded: nothing to pause
        }
    }

    StatementProfile stopStatementProfile(String database, int top) throws SQLException {
        pauseStatementProfile();
        try (Connection connection = asSuperuser(); Statement statement = connection.createStatement()) {
            long calls;
            double millis;
            try (PreparedStatement totals = connection.prepareStatement("""
                    select coalesce(sum(calls), 0), coalesce(sum(total_exec_time + total_plan_time), 0) from pg_stat_statements s
                      join pg_database d on d.oid = s.dbid where d.datname = ?""")) {
                totals.setString(1, database);
                ResultSet rs = totals.executeQuery();
                rs.next();
                calls = rs.getLong(1);
                millis = rs.getDouble(2);
            }
            List<String> lines = new ArrayList<>();
            try (PreparedStatement heaviest = connection.prepareStatement("""
                    select calls, total_exec_time, mean_exec_time, plans, total_plan_time, regexp_replace(query, '\\s+', ' ', 'g')
                      from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ?
                     order by total_exec_time + total_plan_time desc limit ?""")) {
                heaviest.setString(1, database);
                heaviest.setInt(2, top);
                ResultSet rs = heaviest.executeQuery();
                while (rs.next()) {
                    String query = rs.getString(6);
                    lines.add(String.format(Locale.ROOT, "%8d calls %7.0f ms run %7.3f ms mean, %8d plans %6.0f ms  %s",
                            rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4), rs.getDouble(5),
                            query.length() > 110 ? query.substring(0, 110) + "…" : query));
                }
            }
            return new StatementProfile(database, calls, millis, lines);
        }
    }

    /**
     * Per statement whose text contains {@code marker}, what one call cost as pg_stat_statements
     * counted it since the last {@link #startStatementProfile()}: time, buffers touched and dirtied,
     * WAL records, full-page images and bytes. Buffers and WAL do not depend on the machine's load.
     */
    List<String> statementCosts(String database, String marker, java.util.function.Function<String, String> label)
            throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = asSuperuser(); PreparedStatement costs = connection.prepareStatement("""
                select query, calls, mean_exec_time, (shared_blks_hit + shared_blks_read)::float8 / calls,
                       shared_blks_dirtied::float8 / calls, wal_records::float8 / calls, wal_fpi::float8 / calls,
                       wal_bytes::float8 / calls
                  from pg_stat_statements s join pg_database d on d.oid = s.dbid
                 where d.datname = ? and strpos(query, ?) > 0 and calls > 0 order by query""")) {
            costs.setString(1, database);
            costs.setString(2, marker);
            ResultSet rs = costs.executeQuery();
            while (rs.next()) {
                lines.add(String.format(Locale.ROOT, "%s: %d calls, %.3f ms mean, per call %.1f buffers (%.2f dirtied), "
                                + "%.2f WAL records, %.2f full-page images, %.0f WAL bytes",
                        label.apply(rs.getString(1)), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)));
            }
        }
        return lines;
    }

    /** Starts the measured phase with clean shared buffers, so a checkpoint of set-up writes does not land in it. */
    void checkpoint() {
        try (Connection connection = asSuperuser(); Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        } catch (SQLException e) {
            // not the embedded server: the run simply includes whatever checkpoint falls into it
        }
    }
}
