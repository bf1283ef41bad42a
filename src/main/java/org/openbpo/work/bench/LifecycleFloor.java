package org.openbpo.work.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The least any engine can do for the lifecycle on this machine: PostgreSQL alone, in a database
 * of its own on the same server, with a pool as large as OpenBPO's. Each step is one statement in
 * a transaction of its own, committed with the same durability. There are two floors (see
 * {@link Kind}): the bare lifecycle, and the lifecycle with the records the work engine is asked to
 * keep. Neither has tenancy checks, forms, calendars, routing rules, consumers of the completions
 * or a JVM doing anything but sending the statements.
 */
final class LifecycleFloor implements LifecycleRun.Engine, AutoCloseable {

    /** Which lifecycle the floor writes. */
    enum Kind {
        /**
         * Create inserts a row, get next claims the oldest free row (skipping rows another worker has
         * locked), complete marks it done: what is left is the round trips, the three commits and the
         * index upkeep every durable lifecycle pays. Its rate bounds what an engine with three
         * transactions per lifecycle can reach here.
         */
        BARE("floor", "floor_bench", List.of("""
                create table item (id bigint generated always as identity primary key,
                                   state text not null, assignee int, created_at timestamptz not null default now())""",
                "create index item_free on item (id) where state = 'new'"),
                "insert into item (state) values ('new')",
                """
                update item set state = 'claimed', assignee = ?
                 where id = (select id from item where state = 'new' order by id limit 1 for update skip locked)
                returning id""",
                "update item set state = 'done' where id = ? and assignee = ?"),

        /**
         * The same three transactions writing what the work engine must keep of each step
         * ({@link FloorRecords}): the item with its client, queue, priority, form and SLA due and
         * warning times; a timeline entry and an audit record (before and after) for every change; the
         * handling stretch from get next to completion; and one completion event carrying the SLA
         * verdict and handle time. The indexes are the ones those records are read by: get next's
         * order, the SLA warning timer, an agent's held items, an item's timeline, an entity's audit
         * trail, the open handling stretch. Its rate bounds what any engine that keeps those records
         * can reach here.
         */
        RECORDED("floor with records", "floor_records_bench", FloorRecords.schema("""
                create table item (id bigint generated always as identity primary key, client_id uuid not null,
                                   queue int not null, priority int not null, state text not null, assignee int,
                                   form jsonb not null, created_at timestamptz not null, updated_at timestamptz not null,
                                   due_at timestamptz not null, warn_at timestamptz not null, completed_at timestamptz,
                                   sla_met boolean)""",
                "create index item_routable on item (queue, priority desc, due_at, id) where state = 'new' and assignee is null"),
                """
                with item as (
                    insert into item (client_id, queue, priority, state, form, created_at, updated_at, due_at, warn_at)
                    select '0194d0a4-0000-7000-8000-000000000001', 1, 2, 'new',
                           '{"description": "Customer reports parcel 4471 missing", "category": "delivery"}',
                           now(), now(), now() + interval '8 hours', now() + interval '6 hours'
                    returning client_id, id, state, priority),
                timeline as (
                    insert into event (client_id, item_id, at, type, data)
                    select client_id, id, now(), 'created', jsonb_build_object('state', state, 'priority', priority) from item)
                insert into audit (client_id, at, action, entity_id, after)
                select client_id, now(), 'work-item.created', id, jsonb_build_object('state', state, 'priority', priority) from item""",
                FloorRecords.claim("""
                        select id from item where queue = 1 and state = 'new' and assignee is null
                         order by priority desc, due_at, id limit 1 for update skip locked"""),
                FloorRecords.close("done", ", completed_at = now()"));

        final String engine;
        final String database;
        private final List<String> schema;
        private final String create;
        private final String next;
        private final String complete;

        Kind(String engine, String database, List<String> schema, String create, String next, String complete) {
            this.engine = engine;
            this.database = database;
            this.schema = schema;
            this.create = create;
            this.next = next;
            this.complete = complete;
        }
    }

    private final HikariDataSource dataSource;
    private final Kind kind;

    private LifecycleFloor(HikariDataSource dataSource, Kind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
    }

    /** Creates (or re-creates) the floor's database and its tables. */
    static LifecycleFloor start(BenchDatabase database, int poolSize, Kind kind) throws SQLException {
        HikariDataSource dataSource = database.freshDatabase(kind.database, poolSize);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : kind.schema) {
                statement.execute(ddl);
            }
        }
        return new LifecycleFloor(dataSource, kind);
    }

    @Override
    public void create(int worker) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(kind.create)) {
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException(kind.engine + ": the item was not created");
            }
        }
    }

    @Override
    public @Nullable Object next(int worker) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(kind.next)) {
            claim.setInt(1, worker);
            try (ResultSet claimed = claim.executeQuery()) {
                return claimed.next() ? claimed.getLong(1) : null;
            }
        }
    }

    @Override
    public void complete(int worker, Object claimed) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement done = connection.prepareStatement(kind.complete)) {
            done.setLong(1, (Long) claimed);
            done.setInt(2, worker);
            if (done.executeUpdate() != 1) {
                throw new IllegalStateException(kind.engine + ": item " + claimed + " was not held by worker " + worker);
            }
        }
    }

    long done() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from item where state = 'done'")) {
            count.next();
            return count.getLong(1);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
