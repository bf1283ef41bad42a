package org.openbpo.billing.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.openbpo.billing.Invoice;
import org.openbpo.billing.InvoiceKind;
import org.openbpo.billing.InvoiceMailing;
import org.openbpo.billing.InvoicePdf;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.MailSecurity;
import org.openbpo.billing.persistence.MailRows;
import org.openbpo.shared.mail.MailSessions;
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
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends invoice mails from the outbox through the provider's mail server. Each mail is sent inside
 * the transaction that holds its row locked (SKIP LOCKED for the others) and marks it sent, so two
 * nodes never send it both; if a node dies mid-send the row stays pending and goes again later with
 * the same Message-ID. Failures are retried with growing pauses, then given up with the reason kept.
 */
@Component
public class InvoiceMailSender {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceMailSender.class);
    private static final int MAX_ATTEMPTS = 8;
    private static final String WAITING_FOR_SERVER = "Waiting until the provider sets its billing mail server";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final MailRows rows;
    private final Invoicing invoicing;
    private final InvoicePdf pdf;
    private final Clients clients;
    private final Secrets secrets;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService nudges = Executors.newVirtualThreadPerTaskExecutor();

    InvoiceMailSender(MailRows rows, Invoicing invoicing, InvoicePdf pdf, Clients clients, Secrets secrets,
                      TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.invoicing = invoicing;
        this.pdf = pdf;
        this.clients = clients;
        this.secrets = secrets;
        this.transactions = transactions;
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
     * Runs the sending on a thread of its own. While the node shuts down nothing new starts: the mail
     * waits in the outbox for the next tick on whichever node runs, and the caller, whose transaction
     * already committed, is not told of a failure that is none.
     */
    private void offThread(Runnable sending) {
        try {
            nudges.execute(sending);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.info("Shutting down: queued invoice mails wait for the next tick");
        }
    }

    /**
     * Sends the mails that are due, one transaction each; returns how many it looked at. While the
     * provider has no mail server, none is due: they wait with their attempts untouched.
     */
    public int sendDue(int limit) {
        List<MailRows.Due> due = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                rows.server().isEmpty() ? List.<MailRows.Due>of() : rows.due(clock.instant(), limit)));
        due.forEach(mail -> send(mail.clientId(), mail.id()));
        return due.size();
    }

    private void send(UUID clientId, UUID mailId) {
        TenantScope.run(AllowedClients.only(clientId), () -> transactions.executeWithoutResult(tx ->
                rows.claim(clientId, mailId, clock.instant()).ifPresent(mail -> {
                    MailRows.StoredServer server = rows.server().orElse(null);
                    if (server == null) {
                        LOG.info("Invoice mail {} waits until the provider sets its billing mail server", mailId);
                        rows.waiting(clientId, mailId, WAITING_FOR_SERVER);
                        return;
                    }
                    try {
                        transmit(server, clientId, mail);
                        rows.sent(clientId, mailId, clock.instant());
                    } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                        int attempt = mail.attempts() + 1;
                        Instant retry = attempt >= MAX_ATTEMPTS ? null
                                : clock.instant().plus(Duration.ofMinutes(1).multipliedBy(1L << Math.min(attempt, 10)));
                        LOG.warn("Sending invoice mail {} (attempt {}) failed: {}", mailId, attempt, e.toString());
                        rows.failedAttempt(clientId, mailId, e.getMessage() == null ? e.toString() : e.getMessage(), retry);
                    }
                })));
    }

    private void transmit(MailRows.StoredServer server, UUID clientId, InvoiceMailing mail)
            throws MessagingException, UnsupportedEncodingException {
        Invoice invoice = invoicing.get(clientId, mail.invoiceId());
        String what = invoice.kind() == InvoiceKind.CREDIT_NOTE ? "Credit note" : "Invoice";
        String number = String.valueOf(invoice.number());
        String password = server.sealedPassword() == null ? null : secrets.open(server.sealedPassword(), org.openbpo.billing.InvoiceMail.SECRET_CONTEXT);
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
        text.setText("Dear " + clients.get(clientId).legalEntity() + ",\n\nplease find attached " + what.toLowerCase(Locale.ROOT) + " "
                + number + " for " + invoice.period().format(MONTH) + ", total " + invoice.total().toPlainString() + " "
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
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(server.host(), server.port(), server.username(), password);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** Session properties with timeouts, so a dead server never holds a sender for long. */
    private static Properties properties(MailRows.StoredServer server, String protocol) {
        return MailSessions.properties(protocol, server.host(), server.port(), server.security() == MailSecurity.STARTTLS,
                server.security() != MailSecurity.NONE, server.username() != null);
    }

    @PreDestroy
    void stop() {
        nudges.shutdown();
    }
}
