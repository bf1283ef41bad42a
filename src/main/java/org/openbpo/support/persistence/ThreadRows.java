package org.openbpo.support.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The Message-IDs of each ticket's conversation. */
@Repository
public class ThreadRows {

    public enum Direction { IN, OUT }

    private final JdbcClient jdbc;

    ThreadRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID clientId, String messageId, long itemId, Direction direction, Instant at) {
        jdbc.sql("""
                        insert into support.thread_message (client_id, message_id, item_id, direction, at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(clientId, messageId, itemId, direction.name(), Timestamp.from(at)).update();
    }

    public record Record(String messageId, long itemId, Direction direction, Instant at) {
    }

    /** Many thread records in one statement; a Message-ID already recorded keeps its ticket. */
    public void recordAll(UUID clientId, List<Record> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into support.thread_message (client_id, message_id, item_id, direction, at)
                        select ?, r.message_id, r.item_id, r.direction, r.at
                          from unnest(?::text[], ?::bigint[], ?::text[], ?::timestamptz[]) as r(message_id, item_id, direction, at)
                        on conflict do nothing""")
                .params(clientId, records.stream().map(Record::messageId).toArray(String[]::new),
                        records.stream().map(Record::itemId).toArray(Long[]::new),
                        records.stream().map(r -> r.direction().name()).toArray(String[]::new),
                        records.stream().map(r -> Timestamp.from(r.at())).toArray(Timestamp[]::new))
                .update();
    }

    /** The tickets of those of these Message-IDs that belong to one. */
    public Map<String, Long> ticketsOf(UUID clientId, List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select message_id, item_id from support.thread_message where client_id = ? and message_id = any (?)")
                .params(clientId, messageIds.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Whether we sent a message with this Message-ID: if it comes back to us, it is a loop. */
    public boolean sentByUs(UUID clientId, String messageId) {
        return jdbc.sql("select exists (select from support.thread_message where client_id = ? and message_id = ? and direction = 'OUT')")
                .params(clientId, messageId).query(Boolean.class).single();
    }

    /** Which of these Message-IDs are of mail we sent: a batch's loop check in one statement. */
    public java.util.Set<String> sentByUs(UUID clientId, java.util.Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select message_id from support.thread_message where client_id = ? and message_id = any (?) and direction = 'OUT'""")
                .params(clientId, messageIds.toArray(String[]::new)).query(String.class).list());
    }

    /** The conversation's Message-IDs, oldest first, for the References header of our next reply. */
    public List<String> conversation(UUID clientId, long itemId) {
        return jdbc.sql("select message_id from support.thread_message where client_id = ? and item_id = ? order by at, message_id")
                .params(clientId, itemId).query(String.class).list();
    }

    /** The customer's latest message, which our reply answers. */
    public Optional<String> latestFromCustomer(UUID clientId, long itemId) {
        return jdbc.sql("""
                        select message_id from support.thread_message where client_id = ? and item_id = ? and direction = 'IN'
                         order by at desc, message_id desc limit 1""")
                .params(clientId, itemId).query(String.class).optional();
    }
}
