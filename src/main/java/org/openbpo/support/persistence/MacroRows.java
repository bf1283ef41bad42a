package org.openbpo.support.persistence;

import org.openbpo.support.Macro;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A client's macros. */
@Repository
public class MacroRows {

    private static final RowMapper<Macro> MACRO = (rs, n) -> new Macro(rs.getObject("id", UUID.class), rs.getString("name"),
            rs.getString("body"), rs.getString("move_to"));

    private final JdbcClient jdbc;

    MacroRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID clientId, Macro macro, Instant at) {
        jdbc.sql("insert into support.macro (client_id, id, name, body, move_to, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(clientId, macro.id(), macro.name(), macro.body(), macro.moveTo(), Timestamp.from(at), Timestamp.from(at)).update();
    }

    public boolean nameTaken(UUID clientId, String name) {
        return jdbc.sql("select exists (select 1 from support.macro where client_id = ? and lower(name) = lower(?))")
                .params(clientId, name).query(Boolean.class).single();
    }

    public Optional<Macro> find(UUID clientId, UUID id) {
        return jdbc.sql("select id, name, body, move_to from support.macro where client_id = ? and id = ?").params(clientId, id)
                .query(MACRO).optional();
    }

    public List<Macro> of(UUID clientId) {
        return jdbc.sql("select id, name, body, move_to from support.macro where client_id = ? order by name").params(clientId)
                .query(MACRO).list();
    }
}
