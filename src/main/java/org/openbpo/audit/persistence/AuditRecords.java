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
                        values (?, ?, ?, ?, ?, ?, ?::json, ?::json)""")
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

    /** One action on many entities, each with its own client, actor and record, in one statement. */
    public void appendEach(Instant at, String action, String entityType, List<UUID> clientIds, List<String> entityIds,
                           List<String> actors, List<@Nullable String> afters) {
        jdbc.sql("""
                        insert into audit.record (client_id, recorded_at, actor, action, entity_type, entity_id, after)
                        select c, ?, w, ?, ?, e, a::json from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as t(c, e, w, a)""")
                .params(Timestamp.from(at), action, entityType, clientIds.toArray(UUID[]::new),
                        entityIds.toArray(String[]::new), actors.toArray(String[]::new), afters.toArray(String[]::new))
                .update();
    }

    public List<AuditEntry> history(UUID clientId, String entityType, String entityId) {
        return jdbc.sql("""
                        select r.client_id, r.id, r.recorded_at, r.actor, r.action, r.entity_type, r.entity_id,
                               r.before::text as before, r.after::text as after,
                               coalesce((r.txid, r.id) <= (h.sealed_txid, h.sealed_id), false) as sealed
                          from audit.record r
                          left join audit.chain_head h on h.client_id = r.client_id
                         where r.client_id = ? and r.entity_type = ? and r.entity_id = ?
                         order by r.id""")
                .params(clientId, entityType, entityId)
                .query((rs, n) -> new AuditEntry(rs.getObject("client_id", UUID.class), rs.getLong("id"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before"),
                        rs.getString("after"), rs.getBoolean("sealed")))
                .list();
    }

    /**
     * The clients with records ready for a block: a loose index scan over the clients in the trail
     * (one probe each), then one probe per client past its newest sealed position. The position is
     * spelled with CASE, not COALESCE: under row-level security PostgreSQL takes a condition into an
     * index scan only when it cannot leak, and it does not know that of COALESCE, so with it the probe
     * read every record of the client below the snapshot (25 ms a call at 6,000 records, growing).
     */
    static final String CLIENTS_WITH_UNSEALED_RECORDS = """
            with recursive c(client_id) as (
                (select client_id from audit.record order by client_id limit 1)
                union all
                select (select r.client_id from audit.record r
                         where r.client_id > c.client_id order by r.client_id limit 1)
                  from c where c.client_id is not null)
            select c.client_id
              from c
              left join audit.chain_head h on h.client_id = c.client_id
             where c.client_id is not null
               -- one index probe per client, whatever the statistics: ordered like the key, limit 1
               and (select true from audit.record r
                     where r.client_id = c.client_id
                       and (r.txid, r.id) > (case when h.sealed_txid is null then '0'::xid8 else h.sealed_txid end,
                                             case when h.sealed_id is null then 0 else h.sealed_id end)
                       and r.txid < pg_snapshot_xmin(pg_current_snapshot())
                     order by r.txid, r.id
                     limit 1)""";

    public List<UUID> clientsWithUnsealedRecords() {
        return jdbc.sql(CLIENTS_WITH_UNSEALED_RECORDS).query(UUID.class).list();
    }

    public int seal(UUID clientId) {
        return jdbc.sql("select audit.seal(?)").param(clientId).query(Integer.class).single();
    }

    public long unsealed() {
        return jdbc.sql("select audit.unsealed()").query(Long.class).single();
    }

    public List<UUID> chainedClients() {
        return jdbc.sql("select client_id from audit.chain_head order by client_id").query(UUID.class).list();
    }

    public ChainVerification verify(UUID clientId) {
        return jdbc.sql("""
                        select v.checked, v.blocks, v.broken_at, v.reason, h.sealed_id, encode(h.last_hash, 'hex') as head
                          from audit.verify(?) v
                          join audit.chain_head h on h.client_id = ?""")
                .params(clientId, clientId)
                .query((rs, n) -> new ChainVerification(clientId, rs.getLong("checked"), rs.getLong("blocks"),
                        rs.getString("broken_at"), rs.getString("reason"), rs.getLong("sealed_id"), rs.getString("head")))
                .single();
    }

    /**
     * Whether the chain has a link with this hash: a block's, the chain head's, or the last legacy
     * record's (the link the first block follows). Together with an intact chain, the chain still
     * runs through that link.
     */
    public boolean holdsLink(UUID clientId, byte[] hash) {
        return jdbc.sql("""
                        select exists (select 1 from audit.block where client_id = ? and (hash = ? or (block_no = 1 and prev_hash = ?)))
                            or exists (select 1 from audit.chain_head where client_id = ? and last_hash = ?)""")
                .params(clientId, hash, hash, clientId, hash)
                .query(Boolean.class).single();
    }
}
