package org.openbpo.support.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.Chat;
import org.openbpo.support.ChatMessage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Live chats and their lines. */
@Repository
public class ChatRows {

    private static final String CHAT = """
            select c.client_id, c.id, c.item_id, c.customer_id, coalesce(k.name, c.customer_id::text) as customer_name, c.status,
                   c.agent_id, c.agent_name, c.started_at, c.answered_at, c.ended_at, c.last_seq
              from support.chat c join support.customer k on k.client_id = c.client_id and k.id = c.customer_id""";

    private static final RowMapper<Chat> ROW = ChatRows::chat;

    private static final RowMapper<ChatMessage> MESSAGE = (rs, n) -> new ChatMessage(rs.getInt("seq"),
            ChatMessage.Author.valueOf(rs.getString("author")), rs.getString("name"), rs.getString("body"),
            rs.getTimestamp("at").toInstant());

    private final JdbcClient jdbc;

    ChatRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID clientId, UUID id, long itemId, UUID customerId, String tokenHash, Instant at) {
        jdbc.sql("""
                        insert into support.chat (client_id, id, item_id, customer_id, token_hash, status, started_at)
                        values (?, ?, ?, ?, ?, 'WAITING', ?)""")
                .params(clientId, id, itemId, customerId, tokenHash, ts(at)).update();
    }

    public Optional<Chat> find(UUID clientId, UUID id) {
        return jdbc.sql(CHAT + " where c.client_id = ? and c.id = ?").params(clientId, id).query(ROW).optional();
    }

    public Optional<Chat> lock(UUID clientId, UUID id) {
        return jdbc.sql(CHAT + " where c.client_id = ? and c.id = ? for update of c").params(clientId, id).query(ROW).optional();
    }

    public Optional<String> tokenHash(UUID clientId, UUID id) {
        return jdbc.sql("select token_hash from support.chat where client_id = ? and id = ?").params(clientId, id)
                .query(String.class).optional();
    }

    /** Appends a line after the chat's last one; the caller holds the chat's lock. */
    public ChatMessage append(UUID clientId, UUID chatId, ChatMessage.Author author, String name, String body, Instant at) {
        int seq = jdbc.sql("update support.chat set last_seq = last_seq + 1 where client_id = ? and id = ? returning last_seq")
                .params(clientId, chatId).query(Integer.class).single();
        jdbc.sql("insert into support.chat_message (client_id, chat_id, seq, author, name, body, at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(clientId, chatId, seq, author.name(), name, body, ts(at)).update();
        return new ChatMessage(seq, author, name, body, at);
    }

    public void answered(UUID clientId, UUID chatId, UUID agentId, String agentName, Instant at) {
        jdbc.sql("update support.chat set status = 'ACTIVE', agent_id = ?, agent_name = ?, answered_at = ? where client_id = ? and id = ?")
                .params(agentId, agentName, ts(at), clientId, chatId).update();
    }

    public void ended(UUID clientId, UUID chatId, Instant at) {
        jdbc.sql("update support.chat set status = 'ENDED', ended_at = ? where client_id = ? and id = ?")
                .params(ts(at), clientId, chatId).update();
    }

    public List<ChatMessage> messages(UUID clientId, UUID chatId, int after) {
        return jdbc.sql("select seq, author, name, body, at from support.chat_message where client_id = ? and chat_id = ? and seq > ? order by seq")
                .params(clientId, chatId, after).query(MESSAGE).list();
    }

    /** Chats waiting for an agent among these clients (all, if {@code allClients}), the longest-waiting first. */
    public List<Chat> waiting(boolean allClients, List<UUID> clientIds, int limit) {
        return jdbc.sql(CHAT + " where c.status = 'WAITING' and (? or c.client_id = any (?)) order by c.started_at, c.client_id limit ?")
                .params(allClients, clientIds.toArray(UUID[]::new), limit).query(ROW).list();
    }

    public List<Chat> ofClient(UUID clientId, Chat.@Nullable Status status, int limit) {
        return jdbc.sql(CHAT + " where c.client_id = ? and (?::text is null or c.status = ?) order by c.started_at desc limit ?")
                .params(clientId, status == null ? null : status.name(), status == null ? null : status.name(), limit)
                .query(ROW).list();
    }

    /** The last line number of each of these chats, for the watchers of another node's chats. */
    public Map<UUID, Integer> lastSeqs(List<UUID> clientIds, List<UUID> chatIds) {
        return jdbc.sql("""
                        select c.id, c.last_seq from support.chat c
                          join unnest(?::uuid[], ?::uuid[]) as w(client_id, id) on w.client_id = c.client_id and w.id = c.id""")
                .params(clientIds.toArray(UUID[]::new), chatIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Chat chat(ResultSet rs, int n) throws SQLException {
        return new Chat(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class), rs.getLong("item_id"),
                rs.getObject("customer_id", UUID.class), rs.getString("customer_name"), Chat.Status.valueOf(rs.getString("status")),
                rs.getObject("agent_id", UUID.class), rs.getString("agent_name"), rs.getTimestamp("started_at").toInstant(),
                instant(rs, "answered_at"), instant(rs, "ended_at"), rs.getInt("last_seq"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
