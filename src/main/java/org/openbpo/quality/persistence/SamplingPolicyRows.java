package org.openbpo.quality.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.quality.SamplingPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class SamplingPolicyRows {

    private final JdbcClient jdbc;

    SamplingPolicyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Retires the rule in force for the same scope, if any, and stores the new one. */
    public void replace(SamplingPolicy policy) {
        jdbc.sql("""
                        update quality.sampling_rule set active = false
                         where client_id = ? and active and service_line is not distinct from ? and work_type is not distinct from ?
                           and agent_id is not distinct from ?""")
                .params(policy.clientId(), policy.serviceLine(), policy.workType(), policy.agentId()).update();
        jdbc.sql("""
                        insert into quality.sampling_rule (client_id, id, service_line, work_type, agent_id, percent,
                                                           minimum_per_week, new_agent_items, active, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(policy.clientId(), policy.id(), policy.serviceLine(), policy.workType(), policy.agentId(), policy.percent(),
                        policy.minimumPerWeek(), policy.newAgentItems(), Timestamp.from(policy.createdAt()), policy.createdBy())
                .update();
    }

    public List<SamplingPolicy> active(UUID clientId) {
        return jdbc.sql("select * from quality.sampling_rule where client_id = ? and active order by created_at")
                .param(clientId).query(SamplingPolicyRows::map).list();
    }

    public Optional<SamplingPolicy> get(UUID clientId, UUID id) {
        return jdbc.sql("select * from quality.sampling_rule where client_id = ? and id = ?")
                .params(clientId, id).query(SamplingPolicyRows::map).optional();
    }

    public boolean retire(UUID clientId, UUID id) {
        return jdbc.sql("update quality.sampling_rule set active = false where client_id = ? and id = ? and active")
                .params(clientId, id).update() == 1;
    }

    private static SamplingPolicy map(ResultSet rs, int n) throws SQLException {
        return new SamplingPolicy(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getString("service_line"), rs.getString("work_type"), nullableUuid(rs, "agent_id"),
                rs.getBigDecimal("percent"), rs.getInt("minimum_per_week"), rs.getInt("new_agent_items"),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    static @Nullable UUID nullableUuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
