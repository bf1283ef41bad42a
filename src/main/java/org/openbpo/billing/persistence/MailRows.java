package org.openbpo.billing.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.billing.BillingContact;
import org.openbpo.billing.InvoiceMailing;
import org.openbpo.billing.MailSecurity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Billing contacts, the provider's mail server and the invoice mail outbox. */
@Repository
public class MailRows {

    /** The mail server as stored, the password still sealed. */
    public record StoredServer(String host, int port, MailSecurity security, @Nullable String username,
                               byte @Nullable [] sealedPassword, String fromAddress, String fromName, Instant updatedAt,
                               String updatedBy) {
    }

    /** A mail waiting to go out, and whose it is. */
    public record Due(UUID clientId, UUID id) {
    }

    private static final RowMapper<InvoiceMailing> MAILING = (rs, n) -> new InvoiceMailing(rs.getObject("id", UUID.class),
            rs.getObject("invoice_id", UUID.class), InvoiceMailing.Reason.valueOf(rs.getString("reason")), rs.getString("message_id"),
            rs.getString("recipient"), InvoiceMailing.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
            rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());

    private final JdbcClient jdbc;

    MailRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BillingContact> contact(UUID clientId) {
        return jdbc.sql("select * from billing.billing_contact where client_id = ?").param(clientId)
                .query((rs, n) -> new BillingContact(rs.getObject("client_id", UUID.class), rs.getString("email"), rs.getString("name"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"))).optional();
    }

    public java.util.Map<UUID, BillingContact> contacts(List<UUID> clientIds) {
        java.util.Map<UUID, BillingContact> found = new java.util.HashMap<>();
        jdbc.sql("select * from billing.billing_contact where client_id = any (?)").param(clientIds.toArray(UUID[]::new))
                .query((rs, n) -> new BillingContact(rs.getObject("client_id", UUID.class), rs.getString("email"), rs.getString("name"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"))).list()
                .forEach(c -> found.put(c.clientId(), c));
        return found;
    }

    public void saveContact(BillingContact contact) {
        jdbc.sql("""
                        insert into billing.billing_contact (client_id, email, name, updated_at, updated_by) values (?, ?, ?, ?, ?)
                        on conflict (client_id) do update set email = excluded.email, name = excluded.name,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(contact.clientId(), contact.email(), contact.name(), Timestamp.from(contact.updatedAt()), contact.updatedBy())
                .update();
    }

    public Optional<StoredServer> server() {
        return jdbc.sql("select * from billing.mail_server").query((rs, n) -> new StoredServer(rs.getString("host"), rs.getInt("port"),
                MailSecurity.valueOf(rs.getString("security")), rs.getString("username"), rs.getBytes("sealed_password"),
                rs.getString("from_address"), rs.getString("from_name"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"))).optional();
    }

    public void saveServer(StoredServer server) {
        jdbc.sql("""
                        insert into billing.mail_server (host, port, security, username, sealed_password, from_address, from_name,
                            updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (singleton) do update set host = excluded.host, port = excluded.port, security = excluded.security,
                            username = excluded.username, sealed_password = excluded.sealed_password,
                            from_address = excluded.from_address, from_name = excluded.from_name,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(server.host(), server.port(), server.security().name(), server.username(), server.sealedPassword(),
                        server.fromAddress(), server.fromName(), Timestamp.from(server.updatedAt()), server.updatedBy())
                .update();
    }

    /** Queues a mail; on issue at most once per invoice (a repeated call queues nothing and answers false). */
    public boolean queue(UUID clientId, InvoiceMailing mail) {
        return jdbc.sql("""
                        insert into billing.invoice_mail (client_id, id, invoice_id, reason, message_id, recipient, status,
                            next_attempt_at, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                        on conflict (client_id, invoice_id) where reason = 'ISSUED' do nothing""")
                .params(clientId, mail.id(), mail.invoiceId(), mail.reason().name(), mail.messageId(), mail.recipient(),
                        Timestamp.from(mail.createdAt()), Timestamp.from(mail.createdAt()), mail.createdBy())
                .update() == 1;
    }

    /**
     * Takes one mail that is due for this node to send: its next attempt moves to the lease's end,
     * so no other node takes it meanwhile. Empty when it is sent already, not due, or another node has it.
     */
    public Optional<InvoiceMailing> lease(UUID clientId, UUID id, Instant now, Instant until) {
        return jdbc.sql("""
                        update billing.invoice_mail set next_attempt_at = ?
                         where client_id = ? and id = ? and status = 'PENDING' and next_attempt_at <= ? returning *""")
                .params(Timestamp.from(until), clientId, id, Timestamp.from(now)).query(MAILING).optional();
    }

    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                        select client_id, id from billing.invoice_mail
                         where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit ?""")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    public void sent(UUID clientId, UUID id, Instant at) {
        jdbc.sql("""
                        update billing.invoice_mail set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null
                         where client_id = ? and id = ? and status = 'PENDING'""")
                .params(Timestamp.from(at), clientId, id).update();
    }

    /** Notes why a pending mail was not tried, without counting an attempt or moving its next one. */
    public void waiting(UUID clientId, UUID id, String reason) {
        jdbc.sql("update billing.invoice_mail set last_error = ? where client_id = ? and id = ? and status = 'PENDING'")
                .params(reason, clientId, id).update();
    }

    /** Counts a failed attempt of the node whose lease ends at {@code leasedUntil}; nothing when its lease is gone. */
    public void failedAttempt(UUID clientId, UUID id, Instant leasedUntil, String error, @Nullable Instant retryAt) {
        jdbc.sql("""
                        update billing.invoice_mail set attempts = attempts + 1, last_error = ?,
                               status = case when ?::timestamptz is null then 'FAILED' else 'PENDING' end,
                               next_attempt_at = coalesce(?::timestamptz, next_attempt_at)
                         where client_id = ? and id = ? and status = 'PENDING' and next_attempt_at = ?""")
                .params(error, ts(retryAt), ts(retryAt), clientId, id, Timestamp.from(leasedUntil)).update();
    }

    public List<InvoiceMailing> ofInvoice(UUID clientId, UUID invoiceId) {
        return jdbc.sql("select * from billing.invoice_mail where client_id = ? and invoice_id = ? order by created_at, id")
                .params(clientId, invoiceId).query(MAILING).list();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
