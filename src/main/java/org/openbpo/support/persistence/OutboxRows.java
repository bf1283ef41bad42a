package org.openbpo.support.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.Reply;
import org.openbpo.support.ReplyStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Replies on their way out by SMTP. */
@Repository
public class OutboxRows {

    /** A reply waiting to go out, and whose it is. */
    public record Due(UUID clientId, UUID id) {
    }

    private static final RowMapper<Reply> REPLY = (rs, n) -> new Reply(rs.getObject("id", UUID.class), rs.getLong("item_id"),
            rs.getObject("comment_id", UUID.class), rs.getString("message_id"), rs.getString("recipient"),
            rs.getString("subject"), rs.getString("body"), rs.getString("in_reply_to"),
            List.of((String[]) rs.getArray("reference_ids").getArray()), ReplyStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
            rs.getString("created_by"), rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID clientId, Reply r) {
        jdbc.sql("""
                        insert into support.outbound_message (client_id, id, item_id, comment_id, message_id, recipient, subject,
                            body, in_reply_to, reference_ids, status, next_attempt_at, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(clientId, r.id(), r.itemId(), r.commentId(), r.messageId(), r.to(), r.subject(), r.body(), r.inReplyTo(),
                        r.references().toArray(String[]::new), r.status().name(), Timestamp.from(r.createdAt()),
                        Timestamp.from(r.createdAt()), r.createdBy())
                .update();
    }

    /**
     * Takes one reply that is due for this node to send: its next attempt moves to the lease's end,
     * so no other node takes it meanwhile. Empty when it is sent already, not due, or another node has it.
     */
    public Optional<Reply> lease(UUID clientId, UUID id, Instant now, Instant until) {
        return jdbc.sql("""
                        update support.outbound_message set next_attempt_at = ?
                         where client_id = ? and id = ? and status = 'PENDING' and next_attempt_at <= ? returning *""")
                .params(Timestamp.from(until), clientId, id, Timestamp.from(now)).query(REPLY).optional();
    }

    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                        select client_id, id from support.outbound_message
                         where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit ?""")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    public void sent(UUID clientId, UUID id, Instant at) {
        jdbc.sql("update support.outbound_message set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null"
                        + " where client_id = ? and id = ? and status = 'PENDING'")
                .params(Timestamp.from(at), clientId, id).update();
    }

    /** Counts a failed attempt of the node whose lease ends at {@code leasedUntil}; nothing when its lease is gone. */
    public void failedAttempt(UUID clientId, UUID id, Instant leasedUntil, String error, @Nullable Instant retryAt) {
        jdbc.sql("""
                        update support.outbound_message set attempts = attempts + 1, last_error = ?,
                               status = case when ?::timestamptz is null then 'FAILED' else 'PENDING' end,
                               next_attempt_at = coalesce(?::timestamptz, next_attempt_at)
                         where client_id = ? and id = ? and status = 'PENDING' and next_attempt_at = ?""")
                .params(error, ts(retryAt), ts(retryAt), clientId, id, Timestamp.from(leasedUntil)).update();
    }

    public List<Reply> ofItem(UUID clientId, long itemId) {
        return jdbc.sql("select * from support.outbound_message where client_id = ? and item_id = ? order by created_at, id")
                .params(clientId, itemId).query(REPLY).list();
    }

    public Optional<Reply> find(UUID clientId, UUID id) {
        return jdbc.sql("select * from support.outbound_message where client_id = ? and id = ?")
                .params(clientId, id).query(REPLY).optional();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
