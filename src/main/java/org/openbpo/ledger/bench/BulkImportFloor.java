package org.openbpo.ledger.bench;

import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.database.DatabaseSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What PostgreSQL alone needs to write the bulk import's rows: the same entries and lines, copied
 * from the imported journal into tables shaped like it (its columns, checks and indexes, none of
 * its triggers or row-level security), with plain INSERT … SELECTs in one transaction. Run twice:
 * into tables with the journal's indexes, as every import into books shared by many clients must,
 * and into bare tables whose indexes are built afterwards, which only a client's own, empty table
 * could do. The rows are first read into an unlogged copy, so neither time includes reading the
 * journal. Everything is written in a schema of its own and dropped at the end.
 */
final class BulkImportFloor {

    private static final String SCHEMA = "bench_floor";

    private final DatabaseSettings database;
    private final BenchReport report;

    BulkImportFloor(DatabaseSettings database, BenchReport report) {
        this.database = database;
        this.report = report;
    }

    void run(UUID client, long entries, long openBpoNanos) throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
            sql.execute("create schema " + SCHEMA);
            try (PreparedStatement tenant = connection.prepareStatement("select set_config('openbpo.clients', ?, true)")) {
                tenant.setString(1, client.toString());
                tenant.execute();
            }
            for (String table : List.of("entry", "line")) {
                sql.execute("create unlogged table %s.source_%s as select * from ledger.%s where client_id = '%s'"
                        .formatted(SCHEMA, table, table, client));
                sql.execute("create table %s.%s (like ledger.%s including all)".formatted(SCHEMA, table, table));
                sql.execute("create table %s.bare_%s (like ledger.%s including defaults including constraints)"
                        .formatted(SCHEMA, table, table));
            }
            List<String> indexes = indexes(connection);
            connection.commit();
            try {
                double indexed = timed(connection, () -> copy(sql, "")) / 1e9;
                double bare = timed(connection, () -> {
                    copy(sql, "bare_");
                    sql.execute("set local maintenance_work_mem = '512MB'");
                    for (String index : indexes) {
                        sql.execute(index);
                    }
                }) / 1e9;
                report.figure("PostgreSQL alone: the same rows into tables with the journal's indexes", indexed, "s")
                        .figure("PostgreSQL alone: throughput with the indexes", entries / indexed, "entries/s")
                        .figure("PostgreSQL alone: into bare tables, then " + indexes.size() + " indexes built", bare, "s")
                        .figure("PostgreSQL alone: throughput, indexes built afterwards", entries / bare, "entries/s")
                        .figure("bulk import: OpenBPO's time / PostgreSQL alone with the indexes", openBpoNanos / 1e9 / indexed, "×");
            } finally {
                sql.execute("drop schema " + SCHEMA + " cascade");
                connection.commit();
            }
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    /** Nanoseconds to do the work and commit it. */
    private static long timed(Connection connection, Work work) throws SQLException {
        long started = System.nanoTime();
        work.run();
        connection.commit();
        return System.nanoTime() - started;
    }

    private static void copy(Statement sql, String prefix) throws SQLException {
        for (String table : List.of("entry", "line")) {
            sql.execute("insert into %s.%s%s select * from %s.source_%s".formatted(SCHEMA, prefix, table, SCHEMA, table));
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
