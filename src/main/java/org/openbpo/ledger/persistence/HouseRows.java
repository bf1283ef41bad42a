package org.openbpo.ledger.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Which books are the provider's own (the house): one row at most. */
@Repository
public class HouseRows {

    private final JdbcClient jdbc;

    HouseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UUID> house() {
        return jdbc.sql("select client_id from ledger.house_book").query(UUID.class).optional();
    }

    /** Designates the house; false when one was designated already. */
    public boolean designate(UUID client, Instant at, String by) {
        return jdbc.sql("insert into ledger.house_book (client_id, designated_at, designated_by) values (?, ?, ?) on conflict do nothing")
                .params(client, Timestamp.from(at), by).update() == 1;
    }
}
