package org.openbpo.support;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.database.SqlFailures;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.mail.SendAttempts;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.openbpo.support.SupportPermissions.requireProviderStaff;

/**
 * Email in. A message is first stored raw under its Message-ID (or the SHA-256 of its bytes), in a
 * transaction of its own; then, in a second one, it is read and becomes a ticket or a comment, and
 * the stored message records so. A crash between the two leaves it waiting for any node to finish;
 * the same message arriving twice finds the first and changes nothing. Whatever the message holds,
 * the outcome is recorded with a reason — nothing thrown back at the mailbox poller. A read the
 * database failed (a serialization failure, a lost connection) settles nothing: the message waits
 * and is read again after a growing pause, and is settled as failed only after eight such reads.
 */
@Service
public class EmailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(EmailIntake.class);
    private static final java.time.Duration STRAGGLING = java.time.Duration.ofMinutes(1);

    private final InboundMessageRows messages;
    private final ChannelSettingsRows channels;
    private final EmailTickets tickets;
    private final Clients clients;
    private final WorkItems workItems;
    private final MailRules rules;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EmailIntake(InboundMessageRows messages, ChannelSettingsRows channels, EmailTickets tickets, Clients clients, WorkItems workItems, MailRules rules, TransactionTemplate transactions, Clock clock) {
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

    /** One message of a batch: its bytes and the server's size (more than the bytes when only the headers were taken). */
    public record Incoming(byte[] raw, long size) {
    }

    /**
     * As {@link #receive(UUID, byte[], long, IntakeSource)} for many messages at once, in three steps:
     * every message is parsed first, outside any transaction; then all are stored raw in one
     * transaction and one round trip (a message already here is recognised by its key and left as it
     * is); then those just stored are read into tickets and comments in one more transaction. Should
     * that transaction fail, each message is read again in a transaction of its own, so one bad
     * message never holds up the others and every message still ends with a status and a reason.
     * A crash between the steps leaves stored messages waiting, which {@link #finishWaiting} reads.
     */
    public List<IntakeOutcome> receiveAll(UUID clientId, List<Incoming> batch, IntakeSource source) {
        if (batch.isEmpty()) {
            return List.of();
        }
        long limit = rules.maxMessageSize().toBytes();
        Instant now = clock.instant();
        List<InboundMessageRows.NewMessage> rows = new ArrayList<>(batch.size());
        Map<UUID, EmailReader.Reading> readings = new HashMap<>();
        List<String> keys = new ArrayList<>(batch.size());
        for (Incoming incoming : batch) {
            boolean tooLarge = incoming.size() > limit;
            byte[] kept = tooLarge ? headers(incoming.raw()) : incoming.raw();
            Envelope envelope = EmailReader.envelope(kept);
            String key = envelope.key(kept);
            keys.add(key);
            UUID id = Ids.next();
            rows.add(new InboundMessageRows.NewMessage(id, key, envelope.messageId(), source, kept, incoming.size(), now,
                    envelope.sender(), envelope.subject(), tooLarge ? IntakeStatus.REJECTED : IntakeStatus.RECEIVED,
                    tooLarge ? "The message has " + incoming.size() + " bytes; the limit is " + limit + ". Only its headers were kept." : null));
            if (!tooLarge) {
                try {
                    readings.put(id, EmailReader.read(kept));
                } catch (RuntimeException e) {
                    // left unread here: read on its own below, which records why it failed
                }
            }
        }
        // The same message twice in one batch is stored once; the second is a duplicate like any other.
        Map<String, InboundMessageRows.NewMessage> unique = new LinkedHashMap<>();
        rows.forEach(row -> unique.putIfAbsent(row.key(), row));
        List<InboundMessageRows.NewMessage> distinct = List.copyOf(unique.values());
        boolean[] stored = transactions.execute(tx -> {
            clients.get(clientId);
            return messages.insertAll(clientId, distinct);
        });
        List<InboundMessageRows.NewMessage> fresh = new ArrayList<>();
        Set<String> freshKeys = new HashSet<>();
        for (int i = 0; i < distinct.size(); i++) {
            if (stored[i]) {
                fresh.add(distinct.get(i));
                freshKeys.add(distinct.get(i).key());
            }
        }
        List<InboundMessageRows.NewMessage> toRead = fresh.stream()
                .filter(row -> row.status() == IntakeStatus.RECEIVED && readings.containsKey(row.id())).toList();
        fresh.stream().filter(row -> row.status() == IntakeStatus.RECEIVED && !readings.containsKey(row.id()))
                .forEach(row -> process(clientId, row.id()));
        if (!toRead.isEmpty()) {
            try {
                transactions.executeWithoutResult(tx -> settleAll(clientId, toRead, readings));
            } catch (RuntimeException e) {
                LOG.info("A batch of {} messages of client {} is read one by one after: {}", toRead.size(), clientId, e.toString());
                toRead.forEach(row -> process(clientId, row.id()));
            }
        }
        Map<String, InboundMessage> byKey = new HashMap<>();
        inTransaction(() -> messages.byKeys(clientId, unique.keySet())).forEach(message -> byKey.put(message.key(), message));
        List<IntakeOutcome> outcomes = new ArrayList<>(keys.size());
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            outcomes.add(new IntakeOutcome(byKey.get(key), !(freshKeys.contains(key) && seen.add(key))));
        }
        return outcomes;
    }

    private void settleAll(UUID clientId, List<InboundMessageRows.NewMessage> toRead, Map<UUID, EmailReader.Reading> readings) {
        List<UUID> ids = toRead.stream().map(InboundMessageRows.NewMessage::id).toList();
        Map<UUID, InboundMessageRows.ClaimedRow> claimed = new HashMap<>();
        messages.claimAll(clientId, ids).forEach(row -> claimed.put(row.id(), row));
        var channel = channels.find(clientId);
        List<InboundMessageRows.Settled> settled = new ArrayList<>();
        if (channel.isEmpty()) {
            claimed.keySet().forEach(id -> settled.add(new InboundMessageRows.Settled(id, IntakeStatus.FAILED,
                    "The client has no email channel set up.", List.of(), null, null, null)));
        } else {
            Set<String> senders = new HashSet<>();
            readings.values().forEach(reading -> {
                if (reading instanceof EmailReader.Readable readable) {
                    senders.add(readable.email().sender());
                }
            });
            Instant since = clock.instant().minus(EmailTickets.FLOOD_WINDOW);
            Map<String, Integer> earlier = senders.isEmpty() ? Map.of() : messages.countsFrom(clientId, senders, since, ids);
            Set<String> messageIds = new HashSet<>();
            readings.values().forEach(reading -> {
                if (reading instanceof EmailReader.Readable readable && readable.email().messageId() != null) {
                    messageIds.add(readable.email().messageId());
                }
            });
            Set<String> ours = tickets.sentByUs(clientId, messageIds);
            Map<String, List<Instant>> writtenInBatch = new HashMap<>();
            org.openbpo.support.mail.IntakeBatch batch = new org.openbpo.support.mail.IntakeBatch();
            Map<UUID, java.util.function.Supplier<Settlement>> outcomes = new LinkedHashMap<>();
            for (InboundMessageRows.NewMessage row : toRead) {
                InboundMessageRows.ClaimedRow claim = claimed.get(row.id());
                if (claim == null) {
                    continue; // another node is reading it, or has
                }
                outcomes.put(row.id(), switch (readings.get(row.id())) {
                    case EmailReader.Unreadable unreadable -> {
                        Settlement rejected = new Settlement(IntakeStatus.REJECTED, unreadable.reason(), List.of(), null, null, null);
                        yield () -> rejected;
                    }
                    case EmailReader.Readable readable -> {
                        String sender = readable.email().sender();
                        // the sender's messages written in the minute before this one: in this batch by when they were
                        // written; stored earlier only for a message written just now (see EmailTickets.writtenLate)
                        Instant written = readable.email().writtenAt(claim.receivedAt());
                        List<Instant> sendersBatch = writtenInBatch.computeIfAbsent(sender, s -> new ArrayList<>());
                        int before = (EmailTickets.writtenLate(readable.email(), claim.receivedAt()) ? 0 : earlier.getOrDefault(sender, 0))
                                + (int) sendersBatch.stream()
                                .filter(at -> !at.isAfter(written) && at.isAfter(written.minus(EmailTickets.FLOOD_WINDOW))).count();
                        sendersBatch.add(written);
                        yield tickets.handle(channel.get(), readable.email(), claim.receivedAt(), () -> before,
                                readable.email().messageId() != null && ours.contains(readable.email().messageId()), batch);
                    }
                });
            }
            tickets.finish(clientId, batch);
            outcomes.forEach((id, outcome) -> {
                Settlement settlement = outcome.get();
                settled.add(new InboundMessageRows.Settled(id, settlement.status(), settlement.reason(), settlement.notes(),
                        settlement.itemId(), settlement.text(), settlement.safeHtml()));
            });
        }
        messages.settleAll(clientId, settled, clock.instant());
    }

    /** A raw message handed in by the provider's mail relay for the client (the caller's rights checked first). */
    public IntakeOutcome handIn(UUID clientId, byte[] raw, CurrentUser by) {
        inTransaction(() -> clients.get(clientId));
        SupportPermissions.requireMailRelay(by);
        return receive(clientId, raw, IntakeSource.RELAY);
    }

    /**
     * Finishes messages that were stored but never read (their node died in between); returns how
     * many. Only those stored more than {@link #STRAGGLING} ago: a batch reads what it stored within
     * seconds, and taking its messages from under it would read them one by one instead.
     */
    public int finishWaiting(int limit) {
        Instant now = clock.instant();
        List<InboundMessageRows.Waiting> waiting = inTransaction(() -> messages.waiting(limit, now.minus(STRAGGLING), now));
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
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (SqlFailures.passing(e) && readLater(clientId, id, reason)) {
                return;
            }
            // The business refused it (or a bug did): keep it, say why, and let the poller carry on.
            LOG.warn("Inbound message {} of client {} could not be turned into a ticket: {}", id, clientId, e.toString());
            transactions.executeWithoutResult(tx -> messages.settle(clientId, id, IntakeStatus.FAILED, reason, List.of(), null,
                    null, null, clock.instant()));
        }
    }

    /**
     * Leaves a message the database failed to read (a serialization failure, a lost connection)
     * waiting, for {@link #finishWaiting} to read after a growing pause; false once it has failed
     * {@link SendAttempts#MOST} times, to be settled as failed, so one message never loops for ever.
     */
    private boolean readLater(UUID clientId, UUID id, String reason) {
        try {
            Integer failed = transactions.execute(tx -> messages.readLater(clientId, id, reason, clock.instant()));
            if (failed != null && failed >= SendAttempts.MOST) {
                return false;
            }
            LOG.info("Inbound message {} of client {} is read again later: {}", id, clientId, reason);
        } catch (RuntimeException down) {
            LOG.warn("Inbound message {} of client {} waits to be read again: {}", id, clientId, down.toString());
        }
        return true;
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
