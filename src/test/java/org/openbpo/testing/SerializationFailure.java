package org.openbpo.testing;

import org.openbpo.shared.database.DatabaseSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the database fail the next insert of one client's row into a table, once, as PostgreSQL
 * fails a transaction that lost a race (SQLSTATE 40001). The count is a sequence, which a rolled
 * back transaction does not take back, so the insert tried again goes through.
 */
public final class SerializationFailure implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final String name;
    private final String table;

    private SerializationFailure(String name, String table) {
        this.name = name;
        this.table = table;
    }

    public static SerializationFailure onceOnInsert(String table, UUID client) throws SQLException {
        String name = "public.serialization_failure_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
        try (Connection superuser = TestDatabase.get().superuserConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("create sequence " + name);
            sql.execute("grant usage on sequence " + name + " to " + DatabaseSettings.APPLICATION_ROLE);
            sql.execute("""
                    create function %1$s() returns trigger language plpgsql as $$
                    begin
                        if new.client_id = '%2$s' then
                            if nextval('%1$s') = 1 then
                                raise exception 'could not serialize access due to concurrent update' using errcode = '40001';
                            end if;
                        end if;
                        return new;
                    end $$""".formatted(name, client));
            sql.execute("create trigger " + name.substring("public.".length()) + " before insert on " + table
                    + " for each row execute function " + name + "()");
        }
        return new SerializationFailure(name, table);
    }

    @Override
    public void close() throws SQLException {
        try (Connection superuser = TestDatabase.get().superuserConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("drop trigger " + name.substring("public.".length()) + " on " + table);
            sql.execute("drop function " + name + "()");
            sql.execute("drop sequence " + name);
        }
    }
}
