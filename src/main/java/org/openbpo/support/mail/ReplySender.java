package org.openbpo.support.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.support.Reply;
import org.openbpo.support.domain.EmailReader;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.OutboxRows;
import org.openbpo.support.persistence.StoredChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends agents' replies from the outbox through the client's SMTP server, in the client's name.
 * Each reply is sent inside the transaction that holds its row locked (SKIP LOCKED for the
 * others) and marks it sent, so two nodes never send it both; if a node dies mid-send the row
 * stays pending and goes again later, with the same Message-ID. Failures are retried with
 * growing pauses, then given up with the reason shown on the reply.
 */
@Component
public class ReplySender {

    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);
    private static final int MAX_ATTEMPTS = 8;

    private final OutboxRows outbox;
    private final ChannelSettingsRows channels;
    private final Secrets secrets;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService nudges = Executors.newVirtualThreadPerTaskExecutor();

    ReplySender(OutboxRows outbox, ChannelSettingsRows channels, Secrets secrets, TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.channels = channels;
        this.secrets = secrets;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends a reply right after the transaction that queued it commits, rather than on the next tick. */
    public void nudge(UUID clientId, UUID replyId) {
        try {
            nudges.execute(() -> {
                try {
                    send(clientId, replyId);
                } catch (RuntimeException e) {
                    LOG.warn("Reply {} will be sent on a later tick: {}", replyId, e.toString());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // The node is shutting down: the reply waits in the outbox for the next tick on whichever node runs,
            // and the caller, whose transaction already committed, is not told of a failure that is none.
            LOG.info("Shutting down: reply {} waits for the next tick", replyId);
        }
    }

    @Scheduled(fixedDelayString = "${openbpo.support.email.send-tick:5000}", initialDelayString = "${openbpo.support.email.send-tick:5000}")
    void tick() {
        try {
            sendDue(100);
        } catch (RuntimeException e) {
            LOG.warn("Sending replies will retry on the next tick: {}", e.toString());
        }
    }

    /** Sends the replies that are due, one transaction each; returns how many it looked at. */
    public int sendDue(int limit) {
        List<OutboxRows.Due> due = TenantScope.call(AllowedClients.ALL,
                () -> transactions.execute(tx -> outbox.due(clock.instant(), limit)));
        due.forEach(reply -> send(reply.clientId(), reply.id()));
        return due.size();
    }

    private void send(UUID clientId, UUID replyId) {
        TenantScope.run(AllowedClients.only(clientId), () -> transactions.executeWithoutResult(tx ->
                outbox.claim(clientId, replyId, clock.instant()).ifPresent(reply -> {
                    try {
                        StoredChannel channel = channels.find(clientId).orElseThrow(() ->
                                new MessagingException("the client has no email channel any more"));
                        if (channel.smtp() == null) {
                            throw new MessagingException("the client's email channel has no SMTP server");
                        }
                        transmit(channel, MailAccount.of(clientId, "smtp", channel.smtp(), secrets), reply);
                        outbox.sent(clientId, replyId, clock.instant());
                    } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                        int attempt = reply.attempts() + 1;
                        Instant retry = attempt >= MAX_ATTEMPTS ? null
                                : clock.instant().plus(Duration.ofMinutes(1).multipliedBy(1L << Math.min(attempt, 10)));
                        LOG.warn("Sending reply {} (attempt {}) failed: {}", replyId, attempt, e.toString());
                        outbox.failedAttempt(clientId, replyId, e.getMessage() == null ? e.toString() : e.getMessage(), retry);
                    }
                })));
    }

    private void transmit(StoredChannel channel, MailAccount account, Reply reply)
            throws MessagingException, UnsupportedEncodingException {
        Session session = Session.getInstance(account.properties("smtp"));
        MimeMessage message = new ThreadedMessage(session, reply.messageId());
        message.setFrom(new InternetAddress(channel.fromAddress(), channel.displayName(), "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(reply.to(), true));
        message.setSubject(reply.subject(), "UTF-8");
        message.setSentDate(Date.from(reply.createdAt()));
        if (reply.inReplyTo() != null) {
            message.setHeader("In-Reply-To", reply.inReplyTo());
        }
        if (!reply.references().isEmpty()) {
            message.setHeader("References", MimeUtility.fold(12, String.join(" ", reply.references())));
        }
        // Marks our own mail, so it is recognised as a loop should it ever come back to one of our mailboxes.
        message.setHeader(EmailReader.LOOP_HEADER, channel.inboundAddress());
        message.setText(reply.body(), "UTF-8");
        message.saveChanges();
        try (Transport transport = session.getTransport(account.protocol("smtp"))) {
            transport.connect(account.host(), account.port(), account.username(), account.password());
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    @PreDestroy
    void stop() {
        nudges.shutdown();
    }
}
