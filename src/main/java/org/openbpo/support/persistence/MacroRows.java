package org.openbpo.support.persistence;

import org.jspecify.annotations.Nullable;
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

    /** Whether another macro of the client (not {@code except}) has this name, whatever its case. */
    public boolean nameTaken(UUID clientId, String name, @Nullable UUID except) {
        return jdbc.sql("""
                        select exists (select 1 from support.macro
                                        where client_id = ? and lower(name) = lower(?) and id is distinct from ?)""")
                .params(clientId, name, except).query(Boolean.class).single();
    }

    public void update(UUID clientId, Macro macro, Instant at) {
        jdbc.sql("update support.macro set name = ?, body = ?, move_to = ?, updated_at = ? where client_id = ? and id = ?")
                .params(macro.name(), macro.body(), macro.moveTo(), Timestamp.from(at), clientId, macro.id()).update();
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
