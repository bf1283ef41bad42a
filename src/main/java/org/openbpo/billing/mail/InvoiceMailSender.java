package org.openbpo.billing.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.jspecify.annotations.Nullable;
import org.openbpo.billing.Invoice;
import org.openbpo.billing.InvoiceKind;
import org.openbpo.billing.InvoiceMailing;
import org.openbpo.billing.InvoicePdf;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.MailSecurity;
import org.openbpo.billing.persistence.MailRows;
import org.openbpo.shared.mail.MailSessions;
import org.openbpo.shared.mail.SendAttempts;
import org.openbpo.shared.mail.SendingThreads;
import org.openbpo.shared.mail.SmtpSubmission;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Clients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * Sends invoice mails from the outbox through the provider's mail server. A node takes each mail
 * for a lease (see {@link SendAttempts}) in a short transaction, renders it in a read-only one,
 * sends it with no transaction open, and records the outcome in a third: no database connection or
 * row lock waits on a mail server. Two nodes never send a mail both; if a node dies mid-send, the
 * mail goes again when its lease ends, with the same Message-ID. Failures are retried with growing
 * pauses, then given up with the reason kept.
 */
@Component
public class InvoiceMailSender {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceMailSender.class);
    private static final String WAITING_FOR_SERVER = "Waiting until the provider sets its billing mail server";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** A mail this node has taken, with the server to send it through. */
    private record Taken(MailRows.StoredServer server, InvoiceMailing mail, Instant leasedUntil) {
    }

    /** A mail ready to go: the message and how to reach the server. */
    private record Outgoing(Session session, String protocol, MimeMessage message, MailRows.StoredServer server,
                            @Nullable String password) {
    }

    private final MailRows rows;
    private final Invoicing invoicing;
    private final InvoicePdf pdf;
    private final Clients clients;
    private final Secrets secrets;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final Clock clock;
    private final SendingThreads nudges = new SendingThreads("invoice-mail", 4, 1_000);

    InvoiceMailSender(MailRows rows, Invoicing invoicing, InvoicePdf pdf, Clients clients, Secrets secrets,
                      TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.invoicing = invoicing;
        this.pdf = pdf;
        this.clients = clients;
        this.secrets = secrets;
        this.transactions = transactions;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
        this.clock = clock;
    }

    /** Sends a mail right after the transaction that queued it commits, rather than on the next tick. */
    public void nudge(UUID clientId, UUID mailId) {
        offThread(() -> {
            try {
                send(clientId, mailId);
            } catch (RuntimeException e) {
                LOG.warn("Invoice mail {} will be sent on a later tick: {}", mailId, e.toString());
            }
        });
    }

    @Scheduled(fixedDelayString = "${openbpo.billing.mail.send-tick:10000}", initialDelayString = "${openbpo.billing.mail.send-tick:10000}")
    void tick() {
        try {
            sendDue(100);
        } catch (RuntimeException e) {
            LOG.warn("Sending invoice mails will retry on the next tick: {}", e.toString());
        }
    }

    /** Sends the mails that are due soon, off the caller's thread: after the provider set its mail server. */
    public void sendDueSoon() {
        offThread(this::tick);
    }

    /**
     * Runs the sending on a thread of its own. When the node is busy sending or shuts down, the mail
     * waits in the outbox for the next tick on whichever node runs, and the caller, whose
     * transaction already committed, is not told of a failure that is none.
     */
    private void offThread(Runnable sending) {
        if (!nudges.offer(sending)) {
            LOG.info("Busy or shutting down: queued invoice mails wait for the next tick");
        }
    }

    /**
     * Sends the mails that are due, one after another; returns how many it looked at. While the
     * provider has no mail server, none is due: they wait with their attempts untouched.
     */
    public int sendDue(int limit) {
        List<MailRows.Due> due = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                rows.server().isEmpty() ? List.<MailRows.Due>of() : rows.due(clock.instant(), limit)));
        due.forEach(mail -> send(mail.clientId(), mail.id()));
        return due.size();
    }

    private void send(UUID clientId, UUID mailId) {
        TenantScope.run(AllowedClients.only(clientId), () -> {
            Taken taken = take(clientId, mailId);
            if (taken == null) {
                return;
            }
            Exception failure = null;
            try {
                Outgoing outgoing = reads.execute(tx -> compose(taken.server(), clientId, taken.mail()));
                deliver(outgoing);
            } catch (MessagingException | RuntimeException e) {
                failure = e;
            }
            if (failure == null) {
                transactions.executeWithoutResult(tx -> rows.sent(clientId, mailId, clock.instant()));
                return;
            }
            int attempt = taken.mail().attempts() + 1;
            LOG.warn("Sending invoice mail {} (attempt {}) failed: {}", mailId, attempt, failure.toString());
            String reason = SendAttempts.reason(failure);
            transactions.executeWithoutResult(tx ->
                    rows.failedAttempt(clientId, mailId, taken.leasedUntil(), reason, SendAttempts.retryAfter(attempt, clock.instant())));
        });
    }

    /** Takes the mail for this node's lease; null when it is not due, another node has it, or there is no server yet. */
    private @Nullable Taken take(UUID clientId, UUID mailId) {
        return transactions.execute(tx -> {
            MailRows.StoredServer server = rows.server().orElse(null);
            if (server == null) {
                LOG.info("Invoice mail {} waits until the provider sets its billing mail server", mailId);
                rows.waiting(clientId, mailId, WAITING_FOR_SERVER);
                return null;
            }
            Instant now = clock.instant();
            Instant until = SendAttempts.leaseEnd(now);
            return rows.lease(clientId, mailId, now, until).map(mail -> new Taken(server, mail, until)).orElse(null);
        });
    }

    private Outgoing compose(MailRows.StoredServer server, UUID clientId, InvoiceMailing mail) {
        try {
            Invoice invoice = invoicing.get(clientId, mail.invoiceId());
            String what = invoice.kind() == InvoiceKind.CREDIT_NOTE ? "Credit note" : "Invoice";
            String number = String.valueOf(invoice.number());
            String password = server.sealedPassword() == null ? null
                    : secrets.open(server.sealedPassword(), org.openbpo.billing.InvoiceMail.SECRET_CONTEXT);
            String protocol = server.security() == MailSecurity.TLS ? "smtps" : "smtp";
            Session session = Session.getInstance(properties(server, protocol));
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", mail.messageId());
                }
            };
            message.setFrom(new InternetAddress(server.fromAddress(), server.fromName(), "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
            message.setSubject(what + " " + number + " from " + server.fromName(), "UTF-8");
            message.setSentDate(Date.from(mail.createdAt()));
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Dear " + clients.get(clientId).legalEntity() + ",\n\nplease find attached " + what.toLowerCase(Locale.ROOT)
                    + " " + number + " for " + invoice.period().format(MONTH) + ", total " + invoice.total().toPlainString() + " "
                    + invoice.currency() + ".\n\n" + server.fromName() + "\n", "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(pdf.render(clientId, invoice.id()),
                    "application/pdf")));
            attachment.setFileName(number + ".pdf");
            MimeMultipart parts = new MimeMultipart();
            parts.addBodyPart(text);
            parts.addBodyPart(attachment);
            message.setContent(parts);
            message.saveChanges();
            return new Outgoing(session, protocol, message, server, password);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new UndeliverableMail(e);
        }
    }

    private static void deliver(Outgoing outgoing) throws MessagingException {
        MailRows.StoredServer server = outgoing.server();
        SmtpSubmission.send(outgoing.session(), outgoing.protocol(), server.host(), server.port(), server.username(),
                outgoing.password(), outgoing.message());
    }

    /** A mail that cannot be put together, such as one to an address that is not one; its reason is kept as the attempt's. */
    private static final class UndeliverableMail extends RuntimeException {
        UndeliverableMail(Exception cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }

    /** Session properties with timeouts, so a dead server never holds a sender for long. */
    private static Properties properties(MailRows.StoredServer server, String protocol) {
        return MailSessions.properties(protocol, server.host(), server.port(), server.security() == MailSecurity.STARTTLS,
                server.security() != MailSecurity.NONE, server.username() != null);
    }

    @PreDestroy
    void stop() {
        nudges.stop();
    }
}
