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
 * Get next with PostgreSQL alone, on the same server, through the same agents and request slots:
 * as many open items in one table with a partial index in priority and due order, and for each
 * call one statement in a transaction of its own that claims the most urgent free item, skipping
 * those another agent has locked; solve is another. No queues, skills, clients, tenancy checks or
 * consumers of the completions: its latency is what this machine gives a committing claim at this
 * concurrency, the floor under the engine's. There are two floors (see {@link Kind}).
 */
final class GetNextFloor implements GetNextBenchmark.Asking, AutoCloseable {

    /** What the floor's claim and solve write. */
    enum Kind {
        /** The claim and the solve each update the item's row and nothing else. */
        BARE("floor", "getnext_floor", List.of("""
                create table item (id bigint primary key, priority int not null, due_at timestamptz not null,
                                   state text not null, assignee int)""", """
                insert into item (id, priority, due_at, state)
                select i, (i * 7919 %% 4)::int, now() + make_interval(mins => (i * 104729 %% 20000)::int), 'new'
                  from generate_series(1::bigint, %d) i""",
                "create index item_free on item (priority desc, due_at, id) where assignee is null"),
                """
                update item set assignee = ?, state = 'assigned'
                 where id = (select id from item where assignee is null
                              order by priority desc, due_at, id limit 1 for update skip locked)
                returning id""",
                "update item set state = 'solved' where id = ? and assignee = ?"),

        /**
         * The claim and the solve also write what the work engine must keep of them: a timeline entry
         * and an audit record each, the handling stretch, and the solve's completion event with its
         * SLA verdict and handle time; the item carries its client, form and SLA times, and the
         * indexes are the ones those records are read by (as {@link LifecycleFloor.Kind#RECORDED}).
         */
        RECORDED("floor with records", "getnext_floor_records", List.of("""
                create table item (id bigint primary key, client_id uuid not null, priority int not null,
                                   state text not null, assignee int, form jsonb not null, updated_at timestamptz not null,
                                   due_at timestamptz not null, warn_at timestamptz not null, sla_met boolean)""", """
                insert into item (id, client_id, priority, state, form, updated_at, due_at, warn_at)
                select i, '0194d0a4-0000-7000-8000-000000000001', (i * 7919 %% 4)::int, 'new',
                       '{"description": "Customer reports parcel 4471 missing", "category": "delivery"}', now(),
                       now() + make_interval(mins => (i * 104729 %% 20000)::int),
                       now() + make_interval(mins => (i * 104729 %% 20000)::int - 60)
                  from generate_series(1::bigint, %d) i""",
                "create index item_free on item (priority desc, due_at, id) where assignee is null",
                "create index item_warning_due on item (warn_at) where state = 'new'",
                "create index item_assignee on item (assignee) where assignee is not null",
                """
                create table event (id bigint generated always as identity primary key, client_id uuid not null,
                                    item_id bigint not null, at timestamptz not null, type text not null, data jsonb not null)""",
                "create index event_item on event (item_id)",
                """
                create table audit (id bigint generated always as identity primary key, client_id uuid not null,
                                    at timestamptz not null, action text not null, entity_id bigint not null,
                                    before jsonb, after jsonb not null)""",
                "create index audit_entity on audit (entity_id)",
                """
                create table handle_time (client_id uuid not null, item_id bigint not null, agent int not null,
                                          started_at timestamptz not null, ended_at timestamptz)""",
                "create index handle_time_open on handle_time (item_id) where ended_at is null",
                """
                create table completion (id bigint generated always as identity primary key, client_id uuid not null,
                                         item_id bigint not null, at timestamptz not null, sla_met boolean not null,
                                         handle_seconds numeric not null)"""),
                """
                with chosen as (
                    select id from item where assignee is null
                     order by priority desc, due_at, id limit 1 for update skip locked),
                claimed as (
                    update item i set assignee = ?, updated_at = now() from chosen c where i.id = c.id
                    returning i.client_id, i.id, i.assignee),
                handling as (
                    insert into handle_time (client_id, item_id, agent, started_at)
                    select client_id, id, assignee, now() from claimed),
                timeline as (
                    insert into event (client_id, item_id, at, type, data)
                    select client_id, id, now(), 'assigned', jsonb_build_object('agent', assignee) from claimed),
                audited as (
                    insert into audit (client_id, at, action, entity_id, after)
                    select client_id, now(), 'work-item.assigned', id, jsonb_build_object('assignee', assignee) from claimed)
                select id from claimed""",
                """
                with done as (
                    update item set state = 'solved', updated_at = now(), sla_met = now() <= due_at
                     where id = ? and assignee = ? and state = 'new'
                    returning client_id, id, sla_met),
                handled as (
                    update handle_time h set ended_at = now() from done d
                     where h.item_id = d.id and h.ended_at is null
                    returning extract(epoch from h.ended_at - h.started_at) as seconds),
                timeline as (
                    insert into event (client_id, item_id, at, type, data)
                    select client_id, id, now(), 'moved', '{"state": "solved"}' from done),
                audited as (
                    insert into audit (client_id, at, action, entity_id, before, after)
                    select client_id, now(), 'work-item.moved', id, '{"state": "new"}', '{"state": "solved"}' from done)
                insert into completion (client_id, item_id, at, sla_met, handle_seconds)
                select d.client_id, d.id, now(), d.sla_met, h.seconds from done d, handled h""");

        final String engine;
        final String database;
        private final List<String> schema;
        private final String claim;
        private final String solve;

        Kind(String engine, String database, List<String> schema, String claim, String solve) {
            this.engine = engine;
            this.database = database;
            this.schema = schema;
            this.claim = claim;
            this.solve = solve;
        }
    }

    private final HikariDataSource dataSource;
    private final Kind kind;

    private GetNextFloor(HikariDataSource dataSource, Kind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
    }

    /** Creates (or re-creates) the floor's database with {@code items} open items, vacuumed and analyzed. */
    static GetNextFloor start(BenchDatabase database, int poolSize, int items, Kind kind) throws SQLException {
        HikariDataSource dataSource = database.freshDatabase(kind.database, poolSize);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : kind.schema) {
                statement.execute(ddl.formatted(items));
            }
            statement.execute("vacuum (analyze)");
        }
        return new GetNextFloor(dataSource, kind);
    }

    @Override
    public @Nullable Object next(int agent) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(kind.claim)) {
            claim.setInt(1, agent);
            try (ResultSet claimed = claim.executeQuery()) {
                return claimed.next() ? claimed.getLong(1) : null;
            }
        }
    }

    @Override
    public long idOf(Object item) {
        return (Long) item;
    }

    @Override
    public void solve(int agent, Object item) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement solve = connection.prepareStatement(kind.solve)) {
            solve.setLong(1, (Long) item);
            solve.setInt(2, agent);
            if (solve.executeUpdate() != 1) {
                throw new IllegalStateException(kind.engine + ": item " + item + " was not held by agent " + agent);
            }
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
