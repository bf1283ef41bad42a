package org.openbpo.support.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.Call;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The call log, and each client's CTI secret. */
@Repository
public class CallRows {

    private static final RowMapper<Call> CALL = (rs, n) -> new Call(rs.getObject("id", UUID.class), rs.getString("call_key"),
            rs.getLong("item_id"), rs.getObject("customer_id", UUID.class), rs.getString("caller"),
            Call.Direction.valueOf(rs.getString("direction")), rs.getObject("agent_id", UUID.class),
            rs.getTimestamp("started_at").toInstant(),
            rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant(),
            rs.getObject("talk_seconds", Integer.class), rs.getString("recording_url"), rs.getString("source"));

    private static final String COLUMNS = """
            select id, call_key, item_id, customer_id, caller, direction, agent_id, started_at, ended_at, talk_seconds,
                   recording_url, source from support.call""";

    private final JdbcClient jdbc;

    CallRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Call> lockByKey(UUID clientId, String callKey) {
        return jdbc.sql(COLUMNS + " where client_id = ? and call_key = ? for update").params(clientId, callKey).query(CALL).optional();
    }

    /** Serialises the events of one call, so that two deliveries of call.started cannot both create it. */
    public void lockKey(UUID clientId, String callKey) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(? || '/call/' || ?, 0))").params(clientId.toString(), callKey)
                .query(Object.class).single();
    }

    public void insert(UUID clientId, Call call) {
        jdbc.sql("""
                        insert into support.call (client_id, id, call_key, item_id, customer_id, caller, direction, agent_id,
                                                  started_at, ended_at, talk_seconds, recording_url, source)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(clientId, call.id(), call.callKey(), call.itemId(), call.customerId(), call.caller(), call.direction().name(),
                        call.agentId(), ts(call.startedAt()), call.endedAt() == null ? null : ts(call.endedAt()), call.talkSeconds(),
                        call.recordingUrl(), call.source()).update();
    }

    public void ended(UUID clientId, UUID id, @Nullable UUID agentId, Instant endedAt, int talkSeconds, @Nullable String recordingUrl) {
        jdbc.sql("""
                        update support.call set ended_at = ?, talk_seconds = ?, recording_url = coalesce(?, recording_url),
                               agent_id = coalesce(?, agent_id)
                         where client_id = ? and id = ?""")
                .params(ts(endedAt), talkSeconds, recordingUrl, agentId, clientId, id).update();
    }

    public Optional<Call> find(UUID clientId, UUID id) {
        return jdbc.sql(COLUMNS + " where client_id = ? and id = ?").params(clientId, id).query(CALL).optional();
    }

    public List<Call> page(UUID clientId, Instant before, int limit) {
        return jdbc.sql(COLUMNS + " where client_id = ? and started_at < ? order by started_at desc limit ?")
                .params(clientId, ts(before), limit).query(CALL).list();
    }

    public List<Call> ofTicket(UUID clientId, long itemId) {
        return jdbc.sql(COLUMNS + " where client_id = ? and item_id = ? order by started_at").params(clientId, itemId).query(CALL).list();
    }

    public void setSecret(UUID clientId, String hash) {
        jdbc.sql("update support.channel_settings set cti_secret_hash = ? where client_id = ?").params(hash, clientId).update();
    }

    public Optional<String> secretHash(UUID clientId) {
        return jdbc.sql("select cti_secret_hash from support.channel_settings where client_id = ? and cti_secret_hash is not null")
                .params(clientId).query(String.class).optional();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
