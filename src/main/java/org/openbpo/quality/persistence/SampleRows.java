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

    /** A sample row as a batch of completions needs it: whose item, and why it was sampled. */
    public record Known(UUID clientId, long itemId, @Nullable UUID agentId, SampleReason reason) {
    }

    /** A sample decided for a batch, not written yet. */
    public record Decided(UUID clientId, long itemId, String workType, String serviceLine, @Nullable UUID agentId,
                          SampleReason reason, Instant at) {
    }

    /** How many new-agent samples an agent has on a client. */
    public record NewAgentCount(UUID clientId, UUID agentId, long samples) {
    }

    /**
     * For a batch of completions, in one statement: per agent and client, the agent's new-agent
     * samples on the client other than those of the batch's items ({@code exceptItems}). Each pair is
     * counted by a correlated subquery, which PostgreSQL runs per pair through the agent index as it
     * runs the one-completion count; joined as a set, it planned a scan of the whole sample table
     * while the table was young (14 ms a batch in the get-next benchmark).
     */
    public List<NewAgentCount> newAgentCounts(List<UUID> clientIds, List<UUID> agentIds, List<Long> exceptItems) {
        return jdbc.sql("""
                        select p.client_id, p.agent_id,
                               (select count(*) from quality.sample s
                                 where s.client_id = p.client_id and s.agent_id = p.agent_id and s.reason = 'NEW_AGENT'
                                   and s.item_id <> all (?::bigint[])) as samples
                          from unnest(?::uuid[], ?::uuid[]) as p(client_id, agent_id)""")
                .params(exceptItems.toArray(Long[]::new), clientIds.toArray(UUID[]::new), agentIds.toArray(UUID[]::new))
                .query((rs, n) -> new NewAgentCount(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3)))
                .list();
    }

    /** The samples the given items have already (by key; the caller matches client and item). */
    public List<Known> ofItems(List<UUID> clientIds, List<Long> itemIds) {
        return jdbc.sql("""
                        select client_id, item_id, agent_id, reason from quality.sample
                         where client_id = any (?::uuid[]) and item_id = any (?::bigint[])""")
                .params(clientIds.stream().distinct().toArray(UUID[]::new), itemIds.stream().distinct().toArray(Long[]::new))
                .query((rs, n) -> new Known(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class),
                        SampleReason.valueOf(rs.getString(4))))
                .list();
    }

    /** Writes a batch's samples in one statement; an item sampled already keeps its sample. */
    public void insertAll(List<Decided> decided) {
        if (decided.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into quality.sample (client_id, item_id, work_type, service_line, agent_id, reason, sampled_at)
                        select c, i, w, l, a, r, t::timestamptz
                          from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[])
                               as d(c, i, w, l, a, r, t)
                         order by c, i
                        on conflict (client_id, item_id) do nothing""")
                .params(decided.stream().map(Decided::clientId).toArray(UUID[]::new),
                        decided.stream().map(Decided::itemId).toArray(Long[]::new),
                        decided.stream().map(Decided::workType).toArray(String[]::new),
                        decided.stream().map(Decided::serviceLine).toArray(String[]::new),
                        decided.stream().map(Decided::agentId).toArray(UUID[]::new),
                        decided.stream().map(d -> d.reason().name()).toArray(String[]::new),
                        decided.stream().map(d -> d.at().toString()).toArray(String[]::new))
                .update();
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
