package org.openbpo.support.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which client mailboxes are due for fetching, who holds them, and where the last fetch stopped. */
@Repository
public class MailboxRows {

    /** A mailbox leased to this node, and where its last fetch stopped. */
    public record Lease(UUID clientId, @Nullable Long uidValidity, long lastUid) {
    }

    /** A mailbox's fetching state, for the administrator's view. */
    public record PollState(UUID clientId, Instant dueAt, @Nullable Instant lastPolledAt, int lastFetched, int failures,
                            @Nullable String lastError) {
    }

    private final JdbcClient jdbc;

    MailboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts fetching a mailbox now; forgets where it stopped when the mailbox itself changed. */
    public void schedule(UUID clientId, Instant now, boolean sameMailbox) {
        jdbc.sql("""
                        insert into support.mailbox_poll (client_id, due_at) values (?, ?)
                        on conflict (client_id) do update set due_at = excluded.due_at, failures = 0, last_error = null,
                            uid_validity = case when ? then mailbox_poll.uid_validity end,
                            last_uid = case when ? then mailbox_poll.last_uid else 0 end""")
                .params(clientId, Timestamp.from(now), sameMailbox, sameMailbox).update();
    }

    public void unschedule(UUID clientId) {
        jdbc.sql("delete from support.mailbox_poll where client_id = ?").param(clientId).update();
    }

    /** Leases up to {@code limit} due mailboxes nobody holds, skipping those another node is leasing right now. */
    public List<Lease> leaseDue(String node, Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                        with due as (
                            select client_id from support.mailbox_poll
                             where due_at <= ? and (leased_until is null or leased_until < ?)
                             order by due_at limit ? for update skip locked)
                        update support.mailbox_poll p set leased_by = ?, leased_until = ?
                          from due where p.client_id = due.client_id
                        returning p.client_id, p.uid_validity, p.last_uid""")
                .params(ts(now), ts(now), limit, node, ts(now.plus(lease)))
                .query((rs, n) -> new Lease(rs.getObject(1, UUID.class), rs.getObject(2, Long.class), rs.getLong(3))).list();
    }

    /** Leases one client's mailbox whether or not it is due ("fetch now"), unless a node holds it. */
    public Optional<Lease> leaseNow(UUID clientId, String node, Instant now, Duration lease) {
        return jdbc.sql("""
                        with free as (
                            select client_id from support.mailbox_poll
                             where client_id = ? and (leased_until is null or leased_until < ?) for update skip locked)
                        update support.mailbox_poll p set leased_by = ?, leased_until = ?
                          from free where p.client_id = free.client_id
                        returning p.client_id, p.uid_validity, p.last_uid""")
                .params(clientId, ts(now), node, ts(now.plus(lease)))
                .query((rs, n) -> new Lease(rs.getObject(1, UUID.class), rs.getObject(2, Long.class), rs.getLong(3))).optional();
    }

    /** Remembers the last message stored, while this node still holds the lease. */
    public void advance(UUID clientId, String node, long uidValidity, long uid) {
        jdbc.sql("""
                        update support.mailbox_poll set uid_validity = ?, last_uid = greatest(case when uid_validity = ? then last_uid else 0 end, ?)
                         where client_id = ? and leased_by = ?""")
                .params(uidValidity, uidValidity, uid, clientId, node).update();
    }

    public void release(UUID clientId, String node, Instant now, Instant nextDue, int fetched) {
        jdbc.sql("""
                        update support.mailbox_poll set leased_by = null, leased_until = null, due_at = ?, last_polled_at = ?,
                               last_fetched = ?, failures = 0, last_error = null
                         where client_id = ? and leased_by = ?""")
                .params(ts(nextDue), ts(now), fetched, clientId, node).update();
    }

    /** Releases after a failed fetch; the next one waits longer the more fetches failed in a row. */
    public void failed(UUID clientId, String node, Instant now, Duration every, String error) {
        jdbc.sql("""
                        update support.mailbox_poll set leased_by = null, leased_until = null, last_polled_at = ?,
                               failures = failures + 1, last_error = ?,
                               due_at = ?::timestamptz + least(interval '1 hour', ? * interval '1 second' * power(2, least(failures, 10)))
                         where client_id = ? and leased_by = ?""")
                .params(ts(now), error, ts(now), every.toSeconds(), clientId, node).update();
    }

    public Optional<PollState> state(UUID clientId) {
        return jdbc.sql("select * from support.mailbox_poll where client_id = ?").param(clientId)
                .query((rs, n) -> new PollState(rs.getObject("client_id", UUID.class), rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("last_polled_at") == null ? null : rs.getTimestamp("last_polled_at").toInstant(),
                        rs.getInt("last_fetched"), rs.getInt("failures"), rs.getString("last_error")))
                .optional();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
