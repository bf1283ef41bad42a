package org.openbpo.support.mail;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.CustomerRecords;
import org.openbpo.support.IdentifyCustomer;
import org.openbpo.support.IntakeStatus;
import org.openbpo.support.domain.EmailAttachment;
import org.openbpo.support.domain.InboundEmail;
import org.openbpo.support.domain.QuoteStripper;
import org.openbpo.support.domain.TicketReference;
import org.openbpo.support.persistence.InboundMessageRows;
import org.openbpo.support.persistence.StoredChannel;
import org.openbpo.support.persistence.ThreadRows;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments;
import org.openbpo.work.WorkItemComments.Visibility;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkTypes;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Decides what a customer's readable email means for the client's support line: nothing (a loop,
 * an automatic reply), a comment on the ticket it answers (reopening it when it was closed and its
 * work type lets the customer reopen it), or a new ticket (naming the closed one it answers, when
 * that one cannot be reopened). Runs inside the
 * transaction that settles the stored message, so the ticket and the record of it commit together.
 */
@Component
public class EmailTickets {

    private static final int MAX_DESCRIPTION = 20_000;
    private static final int MAX_TITLE = 300;

    private final WorkItems workItems;
    private final WorkItemComments comments;
    private final ThreadRows threads;
    private final InboundMessageRows messages;
    private final MailRules rules;
    private final CustomerRecords customers;
    private final WorkTypes workTypes;

    EmailTickets(WorkItems workItems, WorkItemComments comments, ThreadRows threads, InboundMessageRows messages,
                 MailRules rules, CustomerRecords customers, WorkTypes workTypes) {
        this.workTypes = workTypes;
        this.customers = customers;
        this.workItems = workItems;
        this.comments = comments;
        this.threads = threads;
        this.messages = messages;
        this.rules = rules;
    }

    /** How close together a sender's messages must be written to count as a flood (see {@link MailRules}). */
    public static final Duration FLOOD_WINDOW = Duration.ofMinutes(1);

    public Settlement handle(StoredChannel channel, UUID messageRow, InboundEmail email, Instant receivedAt) {
        IntSupplier recent = writtenLate(email, receivedAt) ? () -> 0
                : () -> messages.countFrom(channel.clientId(), email.sender(), receivedAt.minus(FLOOD_WINDOW), messageRow);
        return handle(channel, email, receivedAt, recent, email.messageId() != null && threads.sentByUs(channel.clientId(), email.messageId()));
    }

    /**
     * A flood is a sender's rate: many messages written within {@link #FLOOD_WINDOW}. A message written well before it
     * reached us (held up by the sender's server, or fetched late after an outage here) is not counted against what
     * arrived with it: a mailbox catching up brings many messages at once that were written hours apart.
     */
    public static boolean writtenLate(InboundEmail email, Instant receivedAt) {
        return email.writtenAt(receivedAt).isBefore(receivedAt.minus(FLOOD_WINDOW));
    }

    /** Which of these Message-IDs are of mail we sent, for a batch to ask once. */
    public java.util.Set<String> sentByUs(UUID clientId, java.util.Collection<String> messageIds) {
        return threads.sentByUs(clientId, messageIds);
    }

    /**
     * As {@link #handle(StoredChannel, UUID, InboundEmail, Instant)}, when the caller already knows how
     * many messages the sender sent in the minute before this one and whether the message is one we
     * sent (a batch asks both at once for all its messages).
     */
    public Settlement handle(StoredChannel channel, InboundEmail email, Instant receivedAt, IntSupplier recentFromSender,
                             boolean sentByUs) {
        IntakeBatch one = new IntakeBatch();
        Supplier<Settlement> settlement = handle(channel, email, receivedAt, recentFromSender, sentByUs, one);
        finish(channel.clientId(), one);
        return settlement.get();
    }

    /**
     * As above, as one message of a batch: a new ticket is raised together with the batch's other
     * new tickets, and its customer and the message's thread record are written for the whole batch,
     * all by {@link #finish} in the same transaction; the settlement is known once {@link #finish}
     * has run. A message that answers a ticket first raises the tickets waiting before it, so a
     * reply finds an original of its own batch and everything is written in the order it arrived.
     */
    public Supplier<Settlement> handle(StoredChannel channel, InboundEmail email, Instant receivedAt, IntSupplier recentFromSender,
                                       boolean sentByUs, IntakeBatch batch) {
        UUID clientId = channel.clientId();
        List<String> notes = new ArrayList<>(email.notes());
        String loop = loop(channel, email, recentFromSender, sentByUs);
        if (loop != null) {
            Settlement ignored = Settlement.ignored("Mail loop: " + loop, notes);
            return () -> ignored;
        }
        if (email.automatic() != null) {
            Settlement ignored = Settlement.ignored("Automatic message: " + email.automatic(), notes);
            return () -> ignored;
        }
        String text = QuoteStripper.strip(email.text());
        CurrentUser customer = customer(clientId, email);
        Optional<WorkItem> answered = answeredTicket(channel, email, notes, batch);
        boolean reopens = answered.isPresent() && answered.get().category().closed();
        @Nullable WorkItem closedForGood = null;
        if (reopens && comments.closedForGood(answered.get(), customer)) {
            reopens = false;
            closedForGood = answered.get();
            notes.add(closedForGood.reference() + ", which this message answers, is " + stateLabel(closedForGood)
                    + " and cannot be reopened; a new ticket was raised.");
            answered = Optional.empty();
        }
        if (answered.isEmpty()) {
            String description = text.isBlank() ? "(The message has no text.)" : text;
            if (closedForGood != null) {
                // the agent taking it up should find the earlier conversation without asking the customer for it
                description = "The customer wrote again about " + closedForGood.reference() + " (" + closedForGood.title()
                        + "), which is " + stateLabel(closedForGood) + ":\n\n" + description;
            }
            IntakeBatch.NewTicket ticket = new IntakeBatch.NewTicket(new CreateWorkItem(channel.serviceLine(), null, null, title(email),
                    Map.of("customerEmail", email.sender(), "description", clip(description, MAX_DESCRIPTION)), "EMAIL"), customer,
                    IdentifyCustomer.byEmail(email.sender(), email.senderName()), email, text, notes, receivedAt);
            batch.toRaise.add(ticket);
            if (email.messageId() != null) {
                batch.toRaiseMessageIds.add(email.messageId());
            }
            return ticket;
        }
        raise(clientId, batch);
        WorkItem ticket = answered.get();
        // a reply to a closed ticket says the work is not done: the answer reopens it, back to an agent and on the SLA clock
        comments.customerAnswered(clientId, ticket.id(), text.isBlank() ? "(The reply has no text.)" : clip(text, MAX_DESCRIPTION),
                customer);
        if (reopens) {
            notes.add(ticket.reference() + " was " + stateLabel(ticket) + "; the customer's reply reopened it.");
        }
        if (email.messageId() != null) {
            batch.threads.putIfAbsent(email.messageId(), new IntakeBatch.Thread(ticket.id(), receivedAt));
        }
        keepAttachments(clientId, ticket.id(), email, notes);
        Settlement settlement = new Settlement(IntakeStatus.COMMENT_ADDED, null, notes, ticket.id(), text, email.safeHtml());
        return () -> settlement;
    }

    private String stateLabel(WorkItem ticket) {
        return workTypes.version(ticket.clientId(), ticket.workType(), ticket.workTypeVersion()).state(ticket.state()).label()
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** Raises the batch's waiting new tickets in one call of the work engine, then keeps what each message brought. */
    private void raise(UUID clientId, IntakeBatch batch) {
        if (batch.toRaise.isEmpty()) {
            return;
        }
        List<WorkItem> raised = workItems.createAll(clientId, batch.toRaise.stream()
                .map(t -> new WorkItems.NewWorkItem(t.command, t.by)).toList());
        for (int i = 0; i < raised.size(); i++) {
            IntakeBatch.NewTicket waiting = batch.toRaise.get(i);
            WorkItem ticket = raised.get(i);
            batch.newTickets.add(new CustomerRecords.NewTicket(ticket, waiting.who));
            if (waiting.email.messageId() != null) {
                batch.threads.putIfAbsent(waiting.email.messageId(), new IntakeBatch.Thread(ticket.id(), waiting.receivedAt));
            }
            keepAttachments(clientId, ticket.id(), waiting.email, waiting.notes);
            waiting.settled(new Settlement(IntakeStatus.TICKET_CREATED, null, waiting.notes, ticket.id(), waiting.text,
                    waiting.email.safeHtml()));
        }
        batch.toRaise.clear();
        batch.toRaiseMessageIds.clear();
    }

    /** Why this message is our own mail coming back, or a sender flooding us; null when it is neither. */
    private @Nullable String loop(StoredChannel channel, InboundEmail email, IntSupplier recentFromSender, boolean sentByUs) {
        if (sentByUs) {
            return "the message is one we sent (" + email.messageId() + ")";
        }
        if (email.loopMark() != null) {
            return "the message carries our X-OpenBPO-Loop header";
        }
        if (email.sender().equalsIgnoreCase(channel.inboundAddress()) || email.sender().equalsIgnoreCase(channel.fromAddress())) {
            return "the sender is the channel's own address " + email.sender();
        }
        if (recentFromSender.getAsInt() >= rules.maxMessagesPerSenderPerMinute()) {
            return email.sender() + " sent more than " + rules.maxMessagesPerSenderPerMinute() + " messages in a minute";
        }
        return null;
    }

    /**
     * The ticket this message answers: by the Message-IDs it names, else by the reference in its
     * subject — but only from the ticket's own customer, since a subject is easily forged.
     */
    private Optional<WorkItem> answeredTicket(StoredChannel channel, InboundEmail email, List<String> notes, IntakeBatch batch) {
        UUID clientId = channel.clientId();
        Optional<Long> byHeaders = firstKnown(clientId, email.answers(), batch);
        if (byHeaders.isPresent()) {
            return Optional.of(workItems.get(clientId, byHeaders.get()));
        }
        var reference = TicketReference.in(email.subject());
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        raise(clientId, batch); // a ticket raised earlier in the batch may be the one named
        Optional<WorkItem> named = workItems.find(clientId, reference.getAsLong());
        if (named.isEmpty()) {
            notes.add("The subject names WI-" + reference.getAsLong() + ", which is not a ticket of this client; a new ticket was raised.");
            return Optional.empty();
        }
        WorkItem item = named.get();
        Object customer = item.form().get("customerEmail");
        if (item.serviceLine().equals(channel.serviceLine())
                && (email.sender().equalsIgnoreCase(String.valueOf(customer)) || email.sender().equalsIgnoreCase(item.requester()))) {
            return Optional.of(item);
        }
        notes.add("The subject names " + item.reference() + ", but " + email.sender() + " is not its customer; a new ticket was raised.");
        return Optional.empty();
    }

    /** The ticket of the first Message-ID (in the order given) known either from earlier batches or from this one. */
    private Optional<Long> firstKnown(UUID clientId, List<String> messageIds, IntakeBatch batch) {
        java.util.Map<String, Long> stored = threads.ticketsOf(clientId, messageIds);
        for (String messageId : messageIds) {
            if (stored.containsKey(messageId)) {
                return Optional.of(stored.get(messageId));
            }
            if (batch.toRaiseMessageIds.contains(messageId)) {
                raise(clientId, batch);
            }
            if (batch.threads.containsKey(messageId)) {
                return Optional.of(batch.threads.get(messageId).itemId());
            }
        }
        return Optional.empty();
    }

    /**
     * Writes what the batch kept: its new tickets (one call of the work engine), their customers (a
     * few statements) and its thread records (one).
     */
    public void finish(UUID clientId, IntakeBatch batch) {
        raise(clientId, batch);
        customers.linkAll(clientId, batch.newTickets);
        threads.recordAll(clientId, batch.threads.entrySet().stream()
                .map(e -> new ThreadRows.Record(e.getKey(), e.getValue().itemId(), ThreadRows.Direction.IN, e.getValue().at())).toList());
    }

    private void keepAttachments(UUID clientId, long itemId, InboundEmail email, List<String> notes) {
        List<String> refused = new ArrayList<>();
        for (EmailAttachment file : email.attachments()) {
            Optional<String> refusal = rules.attachmentPolicy().refusal(file);
            if (refusal.isPresent()) {
                refused.add(file.filename() + " (" + refusal.get() + ")");
            } else {
                comments.attach(clientId, itemId, file.filename(), file.contentType(), file.content(), email.sender());
            }
        }
        if (!refused.isEmpty()) {
            String note = "Attachments refused from " + email.sender() + ": " + String.join(", ", refused);
            notes.add(note);
            comments.add(clientId, itemId, "email", note, Visibility.INTERNAL);
        }
    }

    private static CurrentUser customer(UUID clientId, InboundEmail email) {
        return Customers.of(clientId, email.sender(), email.senderName());
    }

    private static String title(InboundEmail email) {
        return email.subject().isBlank() ? "(no subject)" : clip(email.subject(), MAX_TITLE);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
