package org.openbpo.work.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The least any engine can do for the lifecycle on this machine: PostgreSQL alone, in a database
 * of its own on the same server, with a pool as large as OpenBPO's. Each step is one statement in
 * a transaction of its own, committed with the same durability: create inserts a row, get next
 * claims the oldest free row (skipping rows another worker has locked), complete marks it done.
 * No tenancy, form, SLA, timeline, audit, routing or events: what is left is the round trips, the
 * three commits and the index upkeep every durable lifecycle pays. Its rate bounds what an engine
 * with three transactions per lifecycle can reach here.
 */
final class LifecycleFloor implements LifecycleRun.Engine, AutoCloseable {

    static final String DATABASE = "floor_bench";

    private final HikariDataSource dataSource;

    private LifecycleFloor(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates (or re-creates) the floor's database and its one table. */
    static LifecycleFloor start(BenchDatabase database, int poolSize) throws SQLException {
        HikariDataSource dataSource = database.freshDatabase(DATABASE, poolSize);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table item (id bigint generated always as identity primary key,
                                       state text not null, assignee int, created_at timestamptz not null default now())""");
            statement.execute("create index item_free on item (id) where state = 'new'");
        }
        return new LifecycleFloor(dataSource);
    }

    @Override
    public void create(int worker) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into item (state) values ('new')")) {
            insert.executeUpdate();
        }
    }

    @Override
    public @Nullable Object next(int worker) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("""
                     update item set state = 'claimed', assignee = ?
                      where id = (select id from item where state = 'new' order by id limit 1 for update skip locked)
                     returning id""")) {
            claim.setInt(1, worker);
            try (ResultSet claimed = claim.executeQuery()) {
                return claimed.next() ? claimed.getLong(1) : null;
            }
        }
    }

    @Override
    public void complete(int worker, Object claimed) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement done = connection.prepareStatement("update item set state = 'done' where id = ? and assignee = ?")) {
            done.setLong(1, (Long) claimed);
            done.setInt(2, worker);
            if (done.executeUpdate() != 1) {
                throw new IllegalStateException("item " + claimed + " was not held by worker " + worker);
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
