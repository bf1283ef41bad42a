package org.openbpo.support.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.mail.SendAttempts;
import org.openbpo.shared.mail.SendingThreads;
import org.openbpo.shared.mail.SmtpSubmission;
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
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Sends agents' replies from the outbox through the client's SMTP server, in the client's name. A
 * node takes each reply for a lease (see {@link SendAttempts}) in a short transaction, sends it with
 * no transaction open, and records the outcome in another: no database connection or row lock
 * waits on a mail server. Two nodes never send a reply both; if a node dies mid-send, the reply goes
 * again when its lease ends, with the same Message-ID. Failures are retried with growing pauses,
 * then given up with the reason shown on the reply.
 */
@Component
public class ReplySender {

    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);

    /** A reply this node has taken, with the client's channel to send it through. */
    private record Taken(Reply reply, @Nullable StoredChannel channel, Instant leasedUntil) {
    }

    private final OutboxRows outbox;
    private final ChannelSettingsRows channels;
    private final Secrets secrets;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SendingThreads nudges = new SendingThreads("reply-mail", 4, 1_000);

    ReplySender(OutboxRows outbox, ChannelSettingsRows channels, Secrets secrets, TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.channels = channels;
        this.secrets = secrets;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends a reply right after the transaction that queued it commits, rather than on the next tick. */
    public void nudge(UUID clientId, UUID replyId) {
        boolean started = nudges.offer(() -> {
            try {
                send(clientId, replyId);
            } catch (RuntimeException e) {
                LOG.warn("Reply {} will be sent on a later tick: {}", replyId, e.toString());
            }
        });
        if (!started) {
            // The node is busy sending or shutting down: the reply waits in the outbox for the next tick on whichever
            // node runs, and the caller, whose transaction already committed, is not told of a failure that is none.
            LOG.info("Busy or shutting down: reply {} waits for the next tick", replyId);
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

    /** Sends the replies that are due, one after another; returns how many it looked at. */
    public int sendDue(int limit) {
        List<OutboxRows.Due> due = TenantScope.call(AllowedClients.ALL,
                () -> transactions.execute(tx -> outbox.due(clock.instant(), limit)));
        due.forEach(reply -> send(reply.clientId(), reply.id()));
        return due.size();
    }

    private void send(UUID clientId, UUID replyId) {
        TenantScope.run(AllowedClients.only(clientId), () -> {
            Taken taken = transactions.execute(tx -> {
                Instant now = clock.instant();
                Instant until = SendAttempts.leaseEnd(now);
                return outbox.lease(clientId, replyId, now, until)
                        .map(reply -> new Taken(reply, channels.find(clientId).orElse(null), until)).orElse(null);
            });
            if (taken == null) {
                return;
            }
            Exception failure = null;
            try {
                StoredChannel channel = taken.channel();
                if (channel == null) {
                    throw new MessagingException("the client has no email channel any more");
                }
                if (channel.smtp() == null) {
                    throw new MessagingException("the client's email channel has no SMTP server");
                }
                transmit(channel, MailAccount.of(clientId, "smtp", channel.smtp(), secrets), taken.reply());
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                failure = e;
            }
            if (failure == null) {
                transactions.executeWithoutResult(tx -> outbox.sent(clientId, replyId, clock.instant()));
                return;
            }
            int attempt = taken.reply().attempts() + 1;
            LOG.warn("Sending reply {} (attempt {}) failed: {}", replyId, attempt, failure.toString());
            String reason = SendAttempts.reason(failure);
            transactions.executeWithoutResult(tx ->
                    outbox.failedAttempt(clientId, replyId, taken.leasedUntil(), reason, SendAttempts.retryAfter(attempt, clock.instant())));
        });
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
        SmtpSubmission.send(session, account.protocol("smtp"), account.host(), account.port(), account.username(),
                account.password(), message);
    }

    @PreDestroy
    void stop() {
        nudges.stop();
    }
}
