package org.openbpo.support.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.InboundMessage;
import org.openbpo.support.IntakeSource;
import org.openbpo.support.IntakeStatus;
import org.openbpo.support.TicketEmail;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class InboundMessageRows {

    /** A stored message a node has locked to read it. */
    public record Claimed(byte[] raw, Instant receivedAt) {
    }

    /** A message stored but not yet read, and whose it is. */
    public record Waiting(UUID clientId, UUID id) {
    }

    private static final String COLUMNS = """
            id, message_key, message_id, source, size_bytes, received_at, sender, subject, status, reason, notes,
            item_id, processed_at""";
    private static final RowMapper<InboundMessage> MESSAGE = (rs, n) -> new InboundMessage(rs.getObject("id", UUID.class),
            rs.getString("message_key"), rs.getString("message_id"), IntakeSource.valueOf(rs.getString("source")),
            rs.getLong("size_bytes"), rs.getTimestamp("received_at").toInstant(), rs.getString("sender"),
            rs.getString("subject"), IntakeStatus.valueOf(rs.getString("status")), rs.getString("reason"),
            strings(rs.getArray("notes")), rs.getObject("item_id", Long.class),
            rs.getTimestamp("processed_at") == null ? null : rs.getTimestamp("processed_at").toInstant());

    /** A message to store, with what its headers said. */
    public record NewMessage(UUID id, String key, @Nullable String messageId, IntakeSource source, byte[] raw, long size,
                             Instant receivedAt, @Nullable String sender, @Nullable String subject, IntakeStatus status,
                             @Nullable String reason) {
    }

    /** A stored message claimed for reading in a batch: the row and when it arrived. */
    public record ClaimedRow(UUID id, Instant receivedAt) {
    }

    private static final String INSERT = """
            insert into support.inbound_message (client_id, id, message_key, message_id, source, raw, size_bytes,
                received_at, sender, subject, status, reason, processed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? = 'RECEIVED' then null else ?::timestamptz end)
            on conflict (client_id, message_key) do nothing""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final tools.jackson.databind.ObjectMapper json;

    InboundMessageRows(JdbcClient jdbc, JdbcTemplate batch, tools.jackson.databind.ObjectMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /**
     * Stores the messages in one round trip, each unless one with the same key is already here;
     * says for each whether it stored it.
     */
    public boolean[] insertAll(UUID clientId, List<NewMessage> rows) {
        int[] counts = batch.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                NewMessage m = rows.get(i);
                ps.setObject(1, clientId);
                ps.setObject(2, m.id());
                ps.setString(3, m.key());
                ps.setString(4, m.messageId());
                ps.setString(5, m.source().name());
                ps.setBytes(6, m.raw());
                ps.setLong(7, m.size());
                ps.setTimestamp(8, Timestamp.from(m.receivedAt()));
                ps.setString(9, m.sender());
                ps.setString(10, m.subject());
                ps.setString(11, m.status().name());
                ps.setString(12, m.reason());
                ps.setString(13, m.status().name());
                ps.setTimestamp(14, Timestamp.from(m.receivedAt()));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        boolean[] stored = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            stored[i] = counts[i] == 1;
        }
        return stored;
    }

    /** Locks those of the messages still waiting to be read, in one statement; others are read already or being read. */
    public List<ClaimedRow> claimAll(UUID clientId, List<UUID> ids) {
        return jdbc.sql("""
                        select id, received_at from support.inbound_message
                         where client_id = ? and id = any(?) and status = 'RECEIVED' order by id for update skip locked""")
                .params(clientId, ids.toArray(UUID[]::new))
                .query((rs, n) -> new ClaimedRow(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
    }

    /** What each message settled as, for {@link #settleAll}. */
    public record Settled(UUID id, IntakeStatus status, @Nullable String reason, List<String> notes, @Nullable Long itemId,
                          @Nullable String text, @Nullable String safeHtml) {
    }

    /**
     * Records what became of the batch's messages in one statement (one row of a JSON array per
     * message), each only if it is still waiting: the same guard as {@link #settle}.
     */
    public void settleAll(UUID clientId, List<Settled> settled, Instant at) {
        if (settled.isEmpty()) {
            return;
        }
        List<Map<String, @Nullable Object>> rows = new java.util.ArrayList<>(settled.size());
        for (Settled m : settled) {
            Map<String, @Nullable Object> row = new HashMap<>();
            row.put("id", m.id().toString());
            row.put("status", m.status().name());
            row.put("reason", m.reason());
            row.put("notes", m.notes());
            row.put("item_id", m.itemId());
            row.put("text_body", m.text());
            row.put("safe_html", m.safeHtml());
            rows.add(row);
        }
        jdbc.sql("""
                        update support.inbound_message m
                           set status = s.status, reason = s.reason, notes = coalesce(s.notes, '{}'), item_id = s.item_id,
                               text_body = s.text_body, safe_html = s.safe_html, processed_at = ?
                          from jsonb_to_recordset(?::jsonb) as s(id uuid, status text, reason text, notes text[], item_id bigint,
                               text_body text, safe_html text)
                         where m.client_id = ? and m.id = s.id and m.status = 'RECEIVED'""")
                .params(Timestamp.from(at), json.writeValueAsString(rows), clientId).update();
    }

    /** How many messages each sender sent the client since the moment given, the messages {@code except} not counted. */
    public Map<String, Integer> countsFrom(UUID clientId, Collection<String> senders, Instant since, List<UUID> except) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        select sender, count(*) from support.inbound_message
                         where client_id = ? and sender = any(?) and received_at > ? and id <> all(?) group by sender""")
                .params(clientId, senders.toArray(String[]::new), Timestamp.from(since), except.toArray(UUID[]::new))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    /** The stored messages with these keys. */
    public List<InboundMessage> byKeys(UUID clientId, Collection<String> keys) {
        return jdbc.sql("select " + COLUMNS + " from support.inbound_message where client_id = ? and message_key = any(?)")
                .params(clientId, keys.toArray(String[]::new)).query(MESSAGE).list();
    }

    /** Stores the message unless one with the same key is already here; says whether it stored it. */
    public boolean insert(UUID clientId, UUID id, String key, @Nullable String messageId, IntakeSource source, byte[] raw,
                          long size, Instant receivedAt, @Nullable String sender, @Nullable String subject,
                          IntakeStatus status, @Nullable String reason) {
        return jdbc.sql("""
                        insert into support.inbound_message (client_id, id, message_key, message_id, source, raw, size_bytes,
                            received_at, sender, subject, status, reason, processed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? = 'RECEIVED' then null else ?::timestamptz end)
                        on conflict (client_id, message_key) do nothing""")
                .params(clientId, id, key, messageId, source.name(), raw, size, Timestamp.from(receivedAt), sender, subject,
                        status.name(), reason, status.name(), Timestamp.from(receivedAt))
                .update() == 1;
    }

    public Optional<InboundMessage> byKey(UUID clientId, String key) {
        return jdbc.sql("select " + COLUMNS + " from support.inbound_message where client_id = ? and message_key = ?")
                .params(clientId, key).query(MESSAGE).optional();
    }

    public Optional<InboundMessage> find(UUID clientId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from support.inbound_message where client_id = ? and id = ?")
                .params(clientId, id).query(MESSAGE).optional();
    }

    /** Locks a message that is still waiting to be read; empty when it was read already or another node is reading it. */
    public Optional<Claimed> claim(UUID clientId, UUID id) {
        return jdbc.sql("""
                        select raw, received_at from support.inbound_message
                         where client_id = ? and id = ? and status = 'RECEIVED' for update skip locked""")
                .params(clientId, id)
                .query((rs, n) -> new Claimed(rs.getBytes(1), rs.getTimestamp(2).toInstant())).optional();
    }

    public void settle(UUID clientId, UUID id, IntakeStatus status, @Nullable String reason, List<String> notes,
                       @Nullable Long itemId, @Nullable String text, @Nullable String safeHtml, Instant at) {
        jdbc.sql("""
                        update support.inbound_message set status = ?, reason = ?, notes = ?, item_id = ?, text_body = ?,
                               safe_html = ?, processed_at = ?
                         where client_id = ? and id = ? and status = 'RECEIVED'""")
                .params(status.name(), reason, notes.toArray(String[]::new), itemId, text, safeHtml, Timestamp.from(at),
                        clientId, id)
                .update();
    }

    /** How many messages this sender sent the client since the moment given, this one excluded. */
    public int countFrom(UUID clientId, String sender, Instant since, UUID except) {
        return jdbc.sql("""
                        select count(*) from support.inbound_message
                         where client_id = ? and sender = ? and received_at > ? and id <> ?""")
                .params(clientId, sender, Timestamp.from(since), except).query(Integer.class).single();
    }

    /** Messages stored before {@code before} but never read, oldest first, whoever's they are; those read again later not before their time. */
    public List<Waiting> waiting(int limit, Instant before, Instant now) {
        return jdbc.sql("""
                        select client_id, id from support.inbound_message
                         where status = 'RECEIVED' and received_at < ? and (next_read_at is null or next_read_at <= ?)
                         order by received_at limit ?""")
                .params(Timestamp.from(before), Timestamp.from(now), limit)
                .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /**
     * Counts a read the database failed and leaves the message waiting, to be read again 2, 4, 8 …
     * minutes after {@code now}; returns the failed reads so far, 0 when the message is read already.
     */
    public int readLater(UUID clientId, UUID id, String reason, Instant now) {
        return jdbc.sql("""
                        update support.inbound_message set read_attempts = read_attempts + 1, reason = ?,
                               next_read_at = ?::timestamptz + interval '1 minute' * power(2, least(read_attempts + 1, 10))
                         where client_id = ? and id = ? and status = 'RECEIVED' returning read_attempts""")
                .params(reason, Timestamp.from(now), clientId, id).query(Integer.class).optional().orElse(0);
    }

    public List<InboundMessage> page(UUID clientId, @Nullable IntakeStatus status, @Nullable UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from support.inbound_message
                         where client_id = ? and (?::text is null or status = ?) and (?::uuid is null or id > ?)
                         order by id limit ?""")
                .params(clientId, status == null ? null : status.name(), status == null ? null : status.name(), after, after, limit)
                .query(MESSAGE).list();
    }

    public List<TicketEmail> ofItem(UUID clientId, long itemId) {
        return jdbc.sql("""
                        select id, received_at, sender, subject, text_body, safe_html, notes from support.inbound_message
                         where client_id = ? and item_id = ? order by received_at, id""")
                .params(clientId, itemId)
                .query((rs, n) -> new TicketEmail(rs.getObject("id", UUID.class), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("sender"), rs.getString("subject"), rs.getString("text_body"), rs.getString("safe_html"),
                        strings(rs.getArray("notes"))))
                .list();
    }

    public Optional<byte[]> raw(UUID clientId, UUID id) {
        return jdbc.sql("select raw from support.inbound_message where client_id = ? and id = ?")
                .params(clientId, id).query(byte[].class).optional();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
