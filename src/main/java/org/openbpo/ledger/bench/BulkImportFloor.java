package org.openbpo.ledger.bench;

import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.database.DatabaseSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What PostgreSQL alone needs to write the bulk import's rows: the same entries and lines, copied
 * from the imported journal into tables shaped like it (its columns, checks and indexes, none of
 * its triggers or row-level security), with plain INSERT … SELECTs in one transaction. Run twice:
 * into tables with the journal's indexes, as every import into books shared by many clients must,
 * and into bare tables whose indexes are built afterwards, which only a client's own, empty table
 * could do. Both are run once more on two connections at once, each writing half of the entries
 * with their lines and then building whichever index nobody has started yet, so that the floor uses
 * both cores, as an import could. The rows are first read into an unlogged copy, so no time includes
 * reading the journal. Everything is written in a schema of its own and dropped at the end.
 */
final class BulkImportFloor {

    private static final String SCHEMA = "bench_floor";
    private static final List<String> TABLES = List.of("entry", "line");
    /** Every entry and line, or one of two halves of them, split by entry id. */
    private static final String ALL = "true";
    private static final List<String> HALVES = List.of("%s %% 2 = 0", "%s %% 2 = 1");

    private final DatabaseSettings database;
    private final BenchReport report;

    BulkImportFloor(DatabaseSettings database, BenchReport report) {
        this.database = database;
        this.report = report;
    }

    void run(UUID client, long entries, long openBpoNanos) throws Exception {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
            sql.execute("create schema " + SCHEMA);
            try (PreparedStatement tenant = connection.prepareStatement("select set_config('openbpo.clients', ?, true)")) {
                tenant.setString(1, client.toString());
                tenant.execute();
            }
            for (String table : TABLES) {
                sql.execute("create unlogged table %s.source_%s as select * from ledger.%s where client_id = '%s'"
                        .formatted(SCHEMA, table, table, client));
                sql.execute("create table %s.%s (like ledger.%s including all)".formatted(SCHEMA, table, table));
            }
            createBareTables(sql);
            List<String> indexes = indexes(connection);
            connection.commit();
            try {
                double indexed = timed(connection, () -> copy(sql, "", ALL)) / 1e9;
                double bare = timed(connection, () -> {
                    copy(sql, "bare_", ALL);
                    build(sql, new ArrayDeque<>(indexes));
                }) / 1e9;
                report.figure("PostgreSQL alone: the same rows into tables with the journal's indexes", indexed, "s")
                        .figure("PostgreSQL alone: throughput with the indexes", entries / indexed, "entries/s")
                        .figure("PostgreSQL alone: into bare tables, then " + indexes.size() + " indexes built", bare, "s")
                        .figure("PostgreSQL alone: throughput, indexes built afterwards", entries / bare, "entries/s")
                        .figure("bulk import: OpenBPO's time / PostgreSQL alone with the indexes", openBpoNanos / 1e9 / indexed, "×");
                empty(sql);
                connection.commit();
                onBothCores(entries, indexes);
            } finally {
                sql.execute("drop schema " + SCHEMA + " cascade");
                connection.commit();
            }
        }
    }

    /** The same two writes again, each on two connections at once. */
    private void onBothCores(long entries, List<String> indexes) throws Exception {
        double indexed = onTwoConnections((half, which) -> copy(half, "", HALVES.get(which))) / 1e9;
        Queue<String> unbuilt = new ConcurrentLinkedQueue<>(indexes);
        double bare = (onTwoConnections((half, which) -> copy(half, "bare_", HALVES.get(which)))
                + onTwoConnections((half, which) -> build(half, unbuilt))) / 1e9;
        report.figure("PostgreSQL alone on two connections: into tables with the journal's indexes", indexed, "s")
                .figure("PostgreSQL alone on two connections: throughput with the indexes", entries / indexed, "entries/s")
                .figure("PostgreSQL alone on two connections: into bare tables, then the indexes built", bare, "s")
                .figure("PostgreSQL alone on two connections: throughput, indexes built afterwards", entries / bare, "entries/s");
    }

    private interface Work {
        void run() throws SQLException;
    }

    private interface HalfWork {
        void run(Statement half, int which) throws SQLException;
    }

    /** The tables emptied, and the bare ones made anew without indexes, for the runs on two connections. */
    private static void empty(Statement sql) throws SQLException {
        sql.execute("truncate %1$s.entry, %1$s.line".formatted(SCHEMA));
        sql.execute("drop table %1$s.bare_entry, %1$s.bare_line".formatted(SCHEMA));
        createBareTables(sql);
    }

    /** Tables shaped like the journal's (columns, defaults, checks) without its indexes. */
    private static void createBareTables(Statement sql) throws SQLException {
        for (String table : TABLES) {
            sql.execute("create table %s.bare_%s (like ledger.%s including defaults including constraints)"
                    .formatted(SCHEMA, table, table));
        }
    }

    /** Nanoseconds until two connections, each on a thread of its own, did their part of the work and committed it. */
    private long onTwoConnections(HalfWork work) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Callable<Void>> halves = new ArrayList<>();
            for (int half = 0; half < 2; half++) {
                int which = half;
                Connection connection = database.connect();
                connections.add(connection);
                connection.setAutoCommit(false);
                Statement sql = connection.createStatement();
                halves.add(() -> {
                    work.run(sql, which);
                    connection.commit();
                    return null;
                });
            }
            long started = System.nanoTime();
            for (Future<Void> done : threads.invokeAll(halves)) {
                done.get();
            }
            return System.nanoTime() - started;
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** Nanoseconds to do the work and commit it. */
    private static long timed(Connection connection, Work work) throws SQLException {
        long started = System.nanoTime();
        work.run();
        connection.commit();
        return System.nanoTime() - started;
    }

    private static void copy(Statement sql, String prefix, String which) throws SQLException {
        for (String table : TABLES) {
            sql.execute("insert into %s.%s%s select * from %s.source_%s where %s".formatted(SCHEMA, prefix, table, SCHEMA, table,
                    which.formatted(table.equals("entry") ? "id" : "entry_id")));
        }
    }

    /** Builds the indexes not yet taken from {@code unbuilt}, which other connections may be taking from too. */
    private static void build(Statement sql, Queue<String> unbuilt) throws SQLException {
        sql.execute("set local maintenance_work_mem = '512MB'");
        for (String index = unbuilt.poll(); index != null; index = unbuilt.poll()) {
            sql.execute(index);
        }
    }

    /** The journal's indexes, each as a statement that builds it on the bare copy of its table. */
    private static List<String> indexes(Connection connection) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("""
                select regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \\S+ ON ledger\\.(\\S+) ',
                                      'CREATE \\1INDEX ON %s.bare_\\2 ')
                  from pg_indexes where schemaname = 'ledger' and tablename in ('entry', 'line')
                 order by tablename, indexname""".formatted(SCHEMA));
             ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                statements.add(rows.getString(1));
            }
        }
        return statements;
    }
}
