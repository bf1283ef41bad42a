package org.openbpo.tenancy.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.ApiToken;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class TokenRows {

    public record StoredToken(ApiToken token, byte[] secretHash) {
    }

    private static final RowMapper<ApiToken> TOKEN = (rs, n) -> new ApiToken(rs.getObject("id", UUID.class),
            rs.getObject("user_id", UUID.class), rs.getObject("client_id", UUID.class), rs.getString("name"),
            rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("expires_at")),
            instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));

    private final JdbcClient jdbc;

    TokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiToken token, byte[] secretHash) {
        jdbc.sql("""
                        insert into tenancy.api_token (id, user_id, client_id, name, secret_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), token.userId(), token.clientId(), token.name(), secretHash,
                        Timestamp.from(token.createdAt()), token.expiresAt() == null ? null : Timestamp.from(token.expiresAt()))
                .update();
    }

    public Optional<StoredToken> find(UUID id) {
        return jdbc.sql("select * from tenancy.api_token where id = ?").param(id)
                .query((rs, n) -> new StoredToken(TOKEN.mapRow(rs, n), rs.getBytes("secret_hash"))).optional();
    }

    public List<ApiToken> ofUser(UUID userId) {
        return jdbc.sql("select * from tenancy.api_token where user_id = ? order by created_at").param(userId).query(TOKEN).list();
    }

    public int revoke(UUID id, UUID userId, Instant at) {
        return jdbc.sql("update tenancy.api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                .params(Timestamp.from(at), id, userId).update();
    }

    public void touch(UUID id, Instant at) {
        // Last use is kept to the minute so a busy integration does not write on every call.
        jdbc.sql("update tenancy.api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(at), id, Timestamp.from(at.minusSeconds(60))).update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
