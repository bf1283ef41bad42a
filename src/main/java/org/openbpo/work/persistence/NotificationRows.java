package org.openbpo.work.persistence;

import org.openbpo.work.Notification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@Repository
public class NotificationRows {

    private final JdbcClient jdbc;

    NotificationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Unread notifications for everyone (no recipient) or for the given person, newest first. */
    public List<Notification> unread(Collection<UUID> clientIds, UUID recipient, int limit) {
        return jdbc.sql("""
                        select client_id, id, item_id, kind, message, created_at from work.notification
                         where client_id = any (?) and read_at is null and (recipient is null or recipient = ?)
                         order by created_at desc, id limit ?""")
                .params(clientIds.toArray(UUID[]::new), recipient, limit)
                .query((rs, n) -> new Notification(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    public boolean markRead(UUID clientId, UUID id, Instant at) {
        return jdbc.sql("update work.notification set read_at = ? where client_id = ? and id = ? and read_at is null")
                .params(Timestamp.from(at), clientId, id).update() == 1;
    }
}
