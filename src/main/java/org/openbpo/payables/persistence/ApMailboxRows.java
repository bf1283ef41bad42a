package org.openbpo.payables.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.ApMailbox;
import org.openbpo.payables.MailboxSecurity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each client's AP mailbox: how to log in, which node holds it, and where its last fetch stopped. */
@Repository
public class ApMailboxRows {

    /**
     * How to log in, the password still sealed; {@code setUpByClient} when the client's own people
     * named the server, which must then be on a public address.
     */
    public record Login(String host, int port, MailboxSecurity security, @Nullable String username,
                        byte @Nullable [] sealedPassword, String folder, @Nullable String address, boolean setUpByClient) {
    }

    /** A mailbox leased to this node, and where its last fetch stopped. */
    public record Lease(UUID clientId, @Nullable Long uidValidity, long lastUid) {
    }

    private final JdbcClient jdbc;

    ApMailboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApMailbox> find(UUID client) {
        return jdbc.sql("select * from payables.mailbox where client_id = ?").param(client).query((rs, n) -> new ApMailbox(
                rs.getString("host"), rs.getInt("port"), MailboxSecurity.valueOf(rs.getString("security")), rs.getString("username"),
                rs.getBytes("password_sealed") != null, rs.getString("folder"), rs.getString("address"), instant(rs, "due_at"),
                instant(rs, "last_polled_at"), rs.getInt("last_fetched"), rs.getInt("failures"), rs.getString("last_error"))).optional();
    }

    public Optional<Login> login(UUID client) {
        return jdbc.sql("""
                        select host, port, security, username, password_sealed, folder, address, set_up_by_client
                          from payables.mailbox where client_id = ?""")
                .param(client).query((rs, n) -> new Login(rs.getString(1), rs.getInt(2), MailboxSecurity.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBytes(5), rs.getString(6), rs.getString(7), rs.getBoolean(8))).optional();
    }

    /**
     * Stores the login and fetches soon. A different server, login or folder is a different
     * mailbox: where the last fetch stopped is forgotten (the message keys still recognise mail seen before).
     */
    public void save(UUID client, Login login, Instant now, String by) {
        jdbc.sql("""
                        insert into payables.mailbox (client_id, host, port, security, username, password_sealed, folder, address,
                                                      set_up_by_client, updated_at, updated_by, due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (client_id) do update set
                            uid_validity = case when (mailbox.host, mailbox.port, mailbox.username, mailbox.folder)
                                is not distinct from (excluded.host, excluded.port, excluded.username, excluded.folder)
                                then mailbox.uid_validity end,
                            last_uid = case when (mailbox.host, mailbox.port, mailbox.username, mailbox.folder)
                                is not distinct from (excluded.host, excluded.port, excluded.username, excluded.folder)
                                then mailbox.last_uid else 0 end,
                            host = excluded.host, port = excluded.port, security = excluded.security, username = excluded.username,
                            password_sealed = excluded.password_sealed, folder = excluded.folder, address = excluded.address,
                            set_up_by_client = excluded.set_up_by_client,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by, due_at = excluded.due_at,
                            failures = 0, last_error = null""")
                .params(client, login.host(), login.port(), login.security().name(), login.username(), login.sealedPassword(),
                        login.folder(), login.address(), login.setUpByClient(), ts(now), by, ts(now))
                .update();
    }

    public boolean delete(UUID client) {
        return jdbc.sql("delete from payables.mailbox where client_id = ?").param(client).update() > 0;
    }

    /** Leases up to {@code limit} due mailboxes nobody holds, skipping those another node is leasing right now. */
    public List<Lease> leaseDue(String node, Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                        with due as (
                            select client_id from payables.mailbox
                             where due_at <= ? and (leased_until is null or leased_until < ?)
                             order by due_at limit ? for update skip locked)
                        update payables.mailbox m set leased_by = ?, leased_until = ?
                          from due where m.client_id = due.client_id
                        returning m.client_id, m.uid_validity, m.last_uid""")
                .params(ts(now), ts(now), limit, node, ts(now.plus(lease)))
                .query((rs, n) -> new Lease(rs.getObject(1, UUID.class), rs.getObject(2, Long.class), rs.getLong(3))).list();
    }

    /** Leases one client's mailbox whether or not it is due ("fetch now"), unless a node holds it. */
    public Optional<Lease> leaseNow(UUID client, String node, Instant now, Duration lease) {
        return jdbc.sql("""
                        with free as (
                            select client_id from payables.mailbox
                             where client_id = ? and (leased_until is null or leased_until < ?) for update skip locked)
                        update payables.mailbox m set leased_by = ?, leased_until = ?
                          from free where m.client_id = free.client_id
                        returning m.client_id, m.uid_validity, m.last_uid""")
                .params(client, ts(now), node, ts(now.plus(lease)))
                .query((rs, n) -> new Lease(rs.getObject(1, UUID.class), rs.getObject(2, Long.class), rs.getLong(3))).optional();
    }

    /** Remembers the last message stored, while this node still holds the lease. */
    public void advance(UUID client, String node, long uidValidity, long uid) {
        jdbc.sql("""
                        update payables.mailbox set uid_validity = ?,
                               last_uid = greatest(case when uid_validity = ? then last_uid else 0 end, ?)
                         where client_id = ? and leased_by = ?""")
                .params(uidValidity, uidValidity, uid, client, node).update();
    }

    public void release(UUID client, String node, Instant now, Instant nextDue, int fetched) {
        jdbc.sql("""
                        update payables.mailbox set leased_by = null, leased_until = null, due_at = ?, last_polled_at = ?,
                               last_fetched = ?, failures = 0, last_error = null
                         where client_id = ? and leased_by = ?""")
                .params(ts(nextDue), ts(now), fetched, client, node).update();
    }

    /** Releases after a failed fetch; the next one waits longer the more fetches failed in a row (at most an hour). */
    public void failed(UUID client, String node, Instant now, Duration every, String error) {
        jdbc.sql("""
                        update payables.mailbox set leased_by = null, leased_until = null, last_polled_at = ?,
                               failures = failures + 1, last_error = left(?, 2000),
                               due_at = ?::timestamptz + least(interval '1 hour', ? * interval '1 second' * power(2, least(failures, 10)))
                         where client_id = ? and leased_by = ?""")
                .params(ts(now), error, ts(now), every.toSeconds(), client, node).update();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
