package org.openbpo.support;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.support.domain.EmailReader;
import org.openbpo.support.domain.Envelope;
import org.openbpo.support.mail.EmailTickets;
import org.openbpo.support.mail.MailRules;
import org.openbpo.support.mail.Settlement;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.InboundMessageRows;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.WorkItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.openbpo.support.SupportPermissions.requireProviderStaff;

/**
 * Email in. A message is first stored raw under its Message-ID (or the SHA-256 of its bytes), in a
 * transaction of its own; then, in a second one, it is read and becomes a ticket or a comment, and
 * the stored message records so. A crash between the two leaves it waiting for any node to finish;
 * the same message arriving twice finds the first and changes nothing. Whatever the message holds,
 * the outcome is recorded with a reason — nothing thrown back at the mailbox poller.
 */
@Service
public class EmailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(EmailIntake.class);

    private final InboundMessageRows messages;
    private final ChannelSettingsRows channels;
    private final EmailTickets tickets;
    private final Clients clients;
    private final WorkItems workItems;
    private final MailRules rules;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EmailIntake(InboundMessageRows messages, ChannelSettingsRows channels, EmailTickets tickets, Clients clients,
                WorkItems workItems, MailRules rules, TransactionTemplate transactions, Clock clock) {
        this.workItems = workItems;
        this.messages = messages;
        this.channels = channels;
        this.tickets = tickets;
        this.clients = clients;
        this.rules = rules;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Stores the message, then turns it into a ticket or a comment; says what became of it. */
    public IntakeOutcome receive(UUID clientId, byte[] raw, IntakeSource source) {
        return receive(clientId, raw, raw.length, source);
    }

    /**
     * As {@link #receive(UUID, byte[], IntakeSource)}, for a message of {@code size} bytes of which
     * {@code raw} may be only the headers: one over the size limit is kept as its headers, refused.
     */
    public IntakeOutcome receive(UUID clientId, byte[] raw, long size, IntakeSource source) {
        long limit = rules.maxMessageSize().toBytes();
        boolean tooLarge = size > limit;
        byte[] kept = tooLarge ? headers(raw) : raw;
        Envelope envelope = EmailReader.envelope(kept);
        String key = envelope.key(kept);
        UUID id = Ids.next();
        Boolean stored = transactions.execute(tx -> {
            clients.get(clientId);
            return messages.insert(clientId, id, key, envelope.messageId(), source, kept, size,
                    clock.instant(), envelope.sender(), envelope.subject(),
                    tooLarge ? IntakeStatus.REJECTED : IntakeStatus.RECEIVED,
                    tooLarge ? "The message has " + size + " bytes; the limit is " + limit + ". Only its headers were kept." : null);
        });
        if (!Boolean.TRUE.equals(stored)) {
            return new IntakeOutcome(inTransaction(() -> messages.byKey(clientId, key).orElseThrow()), true);
        }
        process(clientId, id);
        return new IntakeOutcome(inTransaction(() -> messages.find(clientId, id).orElseThrow()), false);
    }

    /** A raw message handed in by the provider's mail relay for the client (the caller's rights checked first). */
    public IntakeOutcome handIn(UUID clientId, byte[] raw, CurrentUser by) {
        inTransaction(() -> clients.get(clientId));
        SupportPermissions.requireMailRelay(by);
        return receive(clientId, raw, IntakeSource.RELAY);
    }

    /** Finishes messages that were stored but never read (their node died in between); returns how many. */
    public int finishWaiting(int limit) {
        List<InboundMessageRows.Waiting> waiting = inTransaction(() -> messages.waiting(limit));
        waiting.forEach(message -> process(message.clientId(), message.id()));
        return waiting.size();
    }

    public List<InboundMessage> messages(UUID clientId, @Nullable IntakeStatus status, @Nullable UUID after, int limit,
                                         CurrentUser by) {
        return inTransaction(() -> {
            clients.get(clientId);
            requireProviderStaff(by);
            return messages.page(clientId, status, after, limit);
        });
    }

    /** The customer's emails on a ticket, oldest first, as an agent may read them. */
    public List<TicketEmail> emailsOf(UUID clientId, long itemId, CurrentUser by) {
        return inTransaction(() -> {
            clients.get(clientId);
            workItems.get(clientId, itemId);
            requireProviderStaff(by);
            return messages.ofItem(clientId, itemId);
        });
    }

    /** The message exactly as it arrived, for an administrator to inspect (never rendered). */
    public byte[] raw(UUID clientId, UUID id, CurrentUser by) {
        return inTransaction(() -> {
            clients.get(clientId);
            byte[] raw = messages.raw(clientId, id).orElseThrow(() -> new NotFound("inbound message", id));
            requireProviderStaff(by);
            return raw;
        });
    }

    private void process(UUID clientId, UUID id) {
        try {
            transactions.executeWithoutResult(tx -> messages.claim(clientId, id).ifPresent(claimed -> {
                Settlement settlement = settle(clientId, id, claimed);
                messages.settle(clientId, id, settlement.status(), settlement.reason(), settlement.notes(),
                        settlement.itemId(), settlement.text(), settlement.safeHtml(), clock.instant());
            }));
        } catch (RuntimeException e) {
            // The business refused it (or a bug did): keep it, say why, and let the poller carry on.
            LOG.warn("Inbound message {} of client {} could not be turned into a ticket: {}", id, clientId, e.toString());
            transactions.executeWithoutResult(tx -> messages.settle(clientId, id, IntakeStatus.FAILED,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), List.of(), null, null, null,
                    clock.instant()));
        }
    }

    private Settlement settle(UUID clientId, UUID id, InboundMessageRows.Claimed claimed) {
        var channel = channels.find(clientId);
        if (channel.isEmpty()) {
            return new Settlement(IntakeStatus.FAILED, "The client has no email channel set up.", List.of(), null, null, null);
        }
        return switch (EmailReader.read(claimed.raw())) {
            case EmailReader.Unreadable unreadable ->
                    new Settlement(IntakeStatus.REJECTED, unreadable.reason(), List.of(), null, null, null);
            case EmailReader.Readable readable -> tickets.handle(channel.get(), id, readable.email(), claimed.receivedAt());
        };
    }

    /** The header block of a message, all that is kept of one too large to store. */
    private static byte[] headers(byte[] raw) {
        String text = new String(raw, 0, Math.min(raw.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            end = text.indexOf("\n\n");
        }
        return (text.substring(0, end < 0 ? text.length() : end) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(tx -> work.get());
    }
}
