package org.openbpo.work.persistence;

import org.openbpo.work.Queue;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class QueueRows {

    private static final RowMapper<Queue> QUEUE = (rs, n) -> new Queue(rs.getObject("client_id", UUID.class),
            rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getString("service_line"),
            rs.getString("required_skill"), rs.getInt("min_proficiency"), rs.getString("language"));

    private final JdbcClient jdbc;

    QueueRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Queue queue, Instant at) {
        jdbc.sql("""
                        insert into work.queue (client_id, id, code, name, service_line, required_skill, min_proficiency, language, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(queue.clientId(), queue.id(), queue.code(), queue.name(), queue.serviceLine(), queue.requiredSkill(),
                        queue.minProficiency(), queue.language(), Timestamp.from(at))
                .update();
    }

    public Optional<Queue> byCode(UUID clientId, String code) {
        return jdbc.sql("select * from work.queue where client_id = ? and code = ?").params(clientId, code).query(QUEUE).optional();
    }

    public Optional<Queue> find(UUID clientId, UUID id) {
        return jdbc.sql("select * from work.queue where client_id = ? and id = ?").params(clientId, id).query(QUEUE).optional();
    }

    public Optional<Queue> firstOfServiceLine(UUID clientId, String serviceLine) {
        return jdbc.sql("select * from work.queue where client_id = ? and service_line = ? order by created_at, code limit 1")
                .params(clientId, serviceLine).query(QUEUE).optional();
    }

    public List<Queue> ofClient(UUID clientId) {
        return jdbc.sql("select * from work.queue where client_id = ? order by code").param(clientId).query(QUEUE).list();
    }

    /** Every queue of the given clients: the candidates an agent's routing filters down. */
    public List<Queue> ofClients(Collection<UUID> clientIds) {
        return jdbc.sql("select * from work.queue where client_id = any (?) order by client_id, code")
                .param(clientIds.toArray(UUID[]::new)).query(QUEUE).list();
    }
}
