package org.openbpo.work.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Get next with PostgreSQL alone, on the same server, through the same agents and request slots:
 * as many open items in one table with one partial index in priority and due order, and for each
 * call one statement in a transaction of its own that claims the most urgent free item, skipping
 * those another agent has locked; solve is another. No queues, skills, clients, tenancy, timeline,
 * audit or events: its latency is what this machine gives a committing claim at this concurrency,
 * the floor under the engine's.
 */
final class GetNextFloor implements GetNextBenchmark.Asking, AutoCloseable {

    static final String DATABASE = "getnext_floor";

    private final HikariDataSource dataSource;

    private GetNextFloor(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates (or re-creates) the floor's database with {@code items} open items, vacuumed and analyzed. */
    static GetNextFloor start(BenchDatabase database, int poolSize, int items) throws SQLException {
        HikariDataSource dataSource = database.freshDatabase(DATABASE, poolSize);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table item (id bigint primary key, priority int not null, due_at timestamptz not null,
                                       state text not null, assignee int)""");
            statement.execute("""
                    insert into item (id, priority, due_at, state)
                    select i, (i * 7919 %% 4)::int, now() + make_interval(mins => (i * 104729 %% 20000)::int), 'new'
                      from generate_series(1::bigint, %d) i""".formatted(items));
            statement.execute("create index item_free on item (priority desc, due_at, id) where assignee is null");
            statement.execute("vacuum (analyze) item");
        }
        return new GetNextFloor(dataSource);
    }

    @Override
    public @Nullable Object next(int agent) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("""
                     update item set assignee = ?, state = 'assigned'
                      where id = (select id from item where assignee is null
                                   order by priority desc, due_at, id limit 1 for update skip locked)
                     returning id""")) {
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
             PreparedStatement solve = connection.prepareStatement("update item set state = 'solved' where id = ? and assignee = ?")) {
            solve.setLong(1, (Long) item);
            solve.setInt(2, agent);
            if (solve.executeUpdate() != 1) {
                throw new IllegalStateException("item " + item + " was not held by agent " + agent);
            }
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
