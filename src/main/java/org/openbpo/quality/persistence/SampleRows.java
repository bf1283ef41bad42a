package org.openbpo.quality.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.quality.Sample;
import org.openbpo.quality.SampleReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class SampleRows {

    private final JdbcClient jdbc;

    SampleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean insert(UUID clientId, long itemId, String workType, String serviceLine, @Nullable UUID agentId,
                          SampleReason reason, Instant at) {
        return insert(clientId, itemId, workType, serviceLine, agentId, reason, at, null);
    }

    public boolean insert(UUID clientId, long itemId, String workType, String serviceLine, @Nullable UUID agentId,
                          SampleReason reason, Instant at, @Nullable String note) {
        return jdbc.sql("""
                        insert into quality.sample (client_id, item_id, work_type, service_line, agent_id, reason, sampled_at, flag_note)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (client_id, item_id) do nothing""")
                .params(clientId, itemId, workType, serviceLine, agentId, reason.name(), Timestamp.from(at), note).update() == 1;
    }

    /**
     * How many of the agent's items on the client were picked because the agent was new, not
     * counting the given item: bounded by the new-agent allowance, and read from a small index.
     */
    public long newAgentSamples(UUID clientId, UUID agentId, long exceptItemId) {
        return jdbc.sql("""
                        select count(*) from quality.sample
                         where client_id = ? and agent_id = ? and reason = 'NEW_AGENT' and item_id <> ?""")
                .params(clientId, agentId, exceptItemId).query(Long.class).single();
    }

    public List<Sample> waiting(UUID clientId, int limit) {
        return jdbc.sql("select * from quality.sample where client_id = ? and status = 'WAITING' order by sampled_at limit ?")
                .params(clientId, limit).query(SampleRows::map).list();
    }

    public Optional<Sample> get(UUID clientId, long itemId) {
        return jdbc.sql("select * from quality.sample where client_id = ? and item_id = ?")
                .params(clientId, itemId).query(SampleRows::map).optional();
    }

    /** Only a waiting sample becomes evaluated: the guard that an item is evaluated once. */
    public boolean markEvaluated(UUID clientId, long itemId) {
        return jdbc.sql("update quality.sample set status = 'EVALUATED' where client_id = ? and item_id = ? and status = 'WAITING'")
                .params(clientId, itemId).update() == 1;
    }

    public long sampledSince(UUID clientId, UUID agentId, Instant since) {
        return jdbc.sql("select count(*) from quality.sample where client_id = ? and agent_id = ? and sampled_at >= ?")
                .params(clientId, agentId, Timestamp.from(since)).query(Long.class).single();
    }

    private static Sample map(ResultSet rs, int n) throws SQLException {
        return new Sample(rs.getObject("client_id", UUID.class), rs.getLong("item_id"), rs.getString("work_type"),
                rs.getString("service_line"), rs.getObject("agent_id", UUID.class),
                SampleReason.valueOf(rs.getString("reason")), rs.getTimestamp("sampled_at").toInstant(), rs.getString("status"));
    }
}
