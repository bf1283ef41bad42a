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
         * The claim and the solve also write what the work engine must keep of them ({@link FloorRecords}):
         * a timeline entry and an audit record each, the handling stretch, and the solve's completion
         * event; the item carries its client, form and SLA times, and is indexed for get next, the SLA
         * warning timer and an agent's held items.
         */
        RECORDED("floor with records", "getnext_floor_records", FloorRecords.schema("""
                create table item (id bigint primary key, client_id uuid not null, priority int not null,
                                   state text not null, assignee int, form jsonb not null, updated_at timestamptz not null,
                                   due_at timestamptz not null, warn_at timestamptz not null, sla_met boolean)""", """
                insert into item (id, client_id, priority, state, form, updated_at, due_at, warn_at)
                select i, '0194d0a4-0000-7000-8000-000000000001', (i * 7919 %% 4)::int, 'new',
                       '{"description": "Customer reports parcel 4471 missing", "category": "delivery"}', now(),
                       now() + make_interval(mins => (i * 104729 %% 20000)::int),
                       now() + make_interval(mins => (i * 104729 %% 20000)::int - 60)
                  from generate_series(1::bigint, %d) i""",
                "create index item_free on item (priority desc, due_at, id) where assignee is null"),
                FloorRecords.claim("""
                        select id from item where assignee is null
                         order by priority desc, due_at, id limit 1 for update skip locked"""),
                FloorRecords.close("solved", ""));

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
