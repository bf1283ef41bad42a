package org.openbpo.payables.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** How far each of a client's approvers may approve, per currency, in minor units. */
@Repository
public class ApprovalRows {

    public record Limit(UUID userId, String currency, long maxMinor) {
    }

    private final JdbcClient jdbc;

    ApprovalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void set(UUID client, UUID user, String currency, long maxMinor, Instant at, String by) {
        jdbc.sql("""
                        insert into payables.approval_limit (client_id, user_id, currency, max_minor, set_at, set_by) values (?, ?, ?, ?, ?, ?)
                        on conflict (client_id, user_id, currency) do update set max_minor = excluded.max_minor,
                            set_at = excluded.set_at, set_by = excluded.set_by""")
                .params(client, user, currency, maxMinor, Timestamp.from(at), by).update();
    }

    public Optional<Long> limit(UUID client, UUID user, String currency) {
        return jdbc.sql("select max_minor from payables.approval_limit where client_id = ? and user_id = ? and currency = ?")
                .params(client, user, currency).query(Long.class).optional();
    }

    public List<Limit> all(UUID client) {
        return jdbc.sql("select user_id, currency, max_minor from payables.approval_limit where client_id = ? order by user_id, currency")
                .param(client).query((rs, n) -> new Limit(rs.getObject("user_id", UUID.class), rs.getString("currency"),
                        rs.getLong("max_minor"))).list();
    }
}
