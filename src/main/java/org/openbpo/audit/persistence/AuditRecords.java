package org.openbpo.audit.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditEntry;
import org.openbpo.audit.ChainVerification;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Repository
public class AuditRecords {

    private final JdbcClient jdbc;

    AuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(UUID clientId, Instant at, String actor, String action, String entityType, String entityId,
                       @Nullable String before, @Nullable String after) {
        jdbc.sql("""
                        insert into audit.record (client_id, recorded_at, actor, action, entity_type, entity_id, before, after)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(clientId, Timestamp.from(at), actor, action, entityType, entityId, text(before), text(after))
                .update();
    }

    /**
     * A JSON text bound as varchar even when null: a null of no type would make the driver prepare
     * the insert again whenever a record with a "before" follows one without (every other call).
     */
    private static SqlParameterValue text(@Nullable String json) {
        return new SqlParameterValue(Types.VARCHAR, json);
    }

    public void appendMany(Instant at, String actor, String action, String entityType, List<UUID> clientIds,
                           List<String> entityIds, List<@Nullable String> afters) {
        jdbc.sql("""
                        insert into audit.record (client_id, recorded_at, actor, action, entity_type, entity_id, after)
                        select c, ?, ?, ?, ?, e, a::jsonb from unnest(?::uuid[], ?::text[], ?::text[]) as t(c, e, a)""")
                .params(Timestamp.from(at), actor, action, entityType, clientIds.toArray(UUID[]::new),
                        entityIds.toArray(String[]::new), afters.toArray(String[]::new))
                .update();
    }

    public List<AuditEntry> history(UUID clientId, String entityType, String entityId) {
        return jdbc.sql("""
                        select client_id, id, recorded_at, actor, action, entity_type, entity_id,
                               before::text as before, after::text as after, chain_seq
                          from audit.record
                         where client_id = ? and entity_type = ? and entity_id = ?
                         order by id""")
                .params(clientId, entityType, entityId)
                .query((rs, n) -> new AuditEntry(rs.getObject("client_id", UUID.class), rs.getLong("id"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before"),
                        rs.getString("after"), rs.getObject("chain_seq", Long.class)))
                .list();
    }

    public List<UUID> clientsWithUnsealedRecords() {
        // A loose index scan over the partial index: one probe per client with unsealed records.
        return jdbc.sql("""
                        with recursive c(client_id) as (
                            (select client_id from audit.record where chain_seq is null order by client_id limit 1)
                            union all
                            select (select r.client_id from audit.record r
                                     where r.chain_seq is null and r.client_id > c.client_id
                                     order by r.client_id limit 1)
                              from c where c.client_id is not null)
                        select client_id from c where client_id is not null""")
                .query(UUID.class).list();
    }

    public int seal(UUID clientId) {
        return jdbc.sql("select audit.seal(?)").param(clientId).query(Integer.class).single();
    }

    public List<UUID> chainedClients() {
        return jdbc.sql("select client_id from audit.chain_head order by client_id").query(UUID.class).list();
    }

    public ChainVerification verify(UUID clientId) {
        return jdbc.sql("select checked, broken_seq, reason from audit.verify(?)").param(clientId)
                .query((rs, n) -> new ChainVerification(clientId, rs.getLong("checked"),
                        rs.getObject("broken_seq", Long.class), rs.getString("reason")))
                .single();
    }
}
