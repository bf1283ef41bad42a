package org.openbpo.tenancy.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.ApiToken;
import org.openbpo.tenancy.User;
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

    /** A token as presented at the door, with its user as they are now. */
    public record Holder(ApiToken token, byte[] secretHash, User user) {
    }

    private static final RowMapper<ApiToken> TOKEN = (rs, n) -> new ApiToken(rs.getObject("id", UUID.class),
            rs.getObject("user_id", UUID.class), rs.getObject("client_id", UUID.class), rs.getString("name"),
            rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("expires_at")),
            instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));

    private final JdbcClient jdbc;
    private final PrincipalChanges changes;

    TokenRows(JdbcClient jdbc, PrincipalChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public void insert(ApiToken token, byte[] secretHash) {
        jdbc.sql("""
                        insert into tenancy.api_token (id, user_id, client_id, name, secret_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), token.userId(), token.clientId(), token.name(), secretHash,
                        Timestamp.from(token.createdAt()), token.expiresAt() == null ? null : Timestamp.from(token.expiresAt()))
                .update();
    }

    /**
     * The token with its user, in one statement outside any transaction (the function looks across
     * clients for itself), recording its use at most once a minute when {@code secretHash} matches
     * and the token may be used.
     */
    public Optional<Holder> holder(UUID id, byte[] secretHash, Instant now) {
        return jdbc.sql("select * from tenancy.api_token_holder(?, ?, ?)").params(id, secretHash, Timestamp.from(now))
                .query((rs, n) -> new Holder(new ApiToken(rs.getObject("token_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getObject("token_client_id", UUID.class), rs.getString("token_name"),
                        rs.getTimestamp("token_created_at").toInstant(), instant(rs.getTimestamp("token_expires_at")),
                        instant(rs.getTimestamp("token_revoked_at")), instant(rs.getTimestamp("token_last_used_at"))),
                        rs.getBytes("token_secret_hash"), UserRows.user(rs)))
                .optional();
    }

    public List<ApiToken> ofUser(UUID userId) {
        return jdbc.sql("select * from tenancy.api_token where user_id = ? order by created_at").param(userId).query(TOKEN).list();
    }

    public int revoke(UUID id, UUID userId, Instant at) {
        changes.changedOnCommit();
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
