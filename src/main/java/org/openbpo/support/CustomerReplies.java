package org.openbpo.support;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.id.Ids;
import org.openbpo.support.domain.TicketReference;
import org.openbpo.support.mail.ReplySender;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.OutboxRows;
import org.openbpo.support.persistence.StoredChannel;
import org.openbpo.support.persistence.ThreadRows;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments;
import org.openbpo.work.WorkItems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.openbpo.support.SupportPermissions.requireAgent;

/**
 * Agents answering customers by email. A reply is recorded as a client-visible comment and put in
 * the outbox in one transaction; it leaves by SMTP only once that commits, from the client's
 * address with the client's signature, threaded after the customer's latest message and carrying
 * the ticket's reference in its subject.
 */
@Service
public class CustomerReplies {

    /** How many earlier Message-IDs a reply's References header carries; mail programs need the first and the last few. */
    private static final int REFERENCES_KEPT = 20;

    private final OutboxRows outbox;
    private final ThreadRows threads;
    private final ChannelSettingsRows channels;
    private final WorkItems workItems;
    private final WorkItemComments comments;
    private final ReplySender sender;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerReplies(OutboxRows outbox, ThreadRows threads, ChannelSettingsRows channels, WorkItems workItems,
                    WorkItemComments comments, ReplySender sender, Clients clients, AuditTrail audit, Clock clock) {
        this.outbox = outbox;
        this.threads = threads;
        this.channels = channels;
        this.workItems = workItems;
        this.comments = comments;
        this.sender = sender;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Reply reply(UUID clientId, long itemId, ReplyToCustomer command, CurrentUser by) {
        clients.get(clientId);
        WorkItem ticket = workItems.get(clientId, itemId);
        requireAgent(by);
        StoredChannel channel = channels.find(clientId).filter(c -> c.smtp() != null).orElseThrow(() ->
                BusinessRuleViolation.conflict("no-email-channel", "The client has no email channel with an SMTP server to reply through."));
        if (!ticket.serviceLine().equals(channel.serviceLine())) {
            throw BusinessRuleViolation.conflict("not-a-support-ticket",
                    ticket.reference() + " is not on the client's support line " + channel.serviceLine() + ".");
        }
        String to = recipient(command, ticket);
        Instant now = clock.instant();
        WorkItemComments.Comment comment = comments.respond(clientId, itemId, command.body(), by);
        List<String> conversation = threads.conversation(clientId, itemId);
        Reply reply = new Reply(Ids.next(), itemId, comment.id(), messageId(itemId, channel.fromAddress()), to,
                TicketReference.replySubject(ticket.title(), itemId), signed(command.body(), channel.signature()),
                threads.latestFromCustomer(clientId, itemId).orElse(null),
                conversation.subList(Math.max(0, conversation.size() - REFERENCES_KEPT), conversation.size()),
                ReplyStatus.PENDING, 0, null, now, by.email(), null);
        queue(clientId, reply);
        return reply;
    }

    /** Into the outbox with this transaction, and on its way as soon as the transaction commits. */
    private void queue(UUID clientId, Reply reply) {
        outbox.insert(clientId, reply);
        threads.record(clientId, reply.messageId(), reply.itemId(), ThreadRows.Direction.OUT, reply.createdAt());
        audit.record(clientId, "support.reply-queued", "work-item", reply.itemId(), null,
                Map.of("reply", reply.id().toString(), "to", reply.to(), "messageId", reply.messageId()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.nudge(clientId, reply.id());
            }
        });
    }

    /**
     * Tells a customer who raised a request (through the web form, say) that we have it and under
     * which reference; nothing when the client's channel cannot send mail.
     */
    @Transactional
    public java.util.Optional<Reply> acknowledge(UUID clientId, WorkItem ticket, String to, String name) {
        var channel = channels.find(clientId).filter(c -> c.smtp() != null);
        if (channel.isEmpty()) {
            return java.util.Optional.empty();
        }
        Instant now = clock.instant();
        String body = "Dear " + name + ",\n\nthank you for contacting " + channel.get().displayName() + ". We have received your "
                + "request and will answer you as soon as we can.\n\nYour reference is " + ticket.reference()
                + ". To add to your request, simply reply to this email.";
        Reply reply = new Reply(Ids.next(), ticket.id(), null, messageId(ticket.id(), channel.get().fromAddress()), to,
                "We have received your request: " + ticket.title() + " [" + ticket.reference() + "]",
                signed(body, channel.get().signature()), null, List.of(), ReplyStatus.PENDING, 0, null, now, "acknowledgement", null);
        queue(clientId, reply);
        return java.util.Optional.of(reply);
    }

    /** A message to the customer that is not an agent's answer (a satisfaction survey, say); nothing when the channel cannot send mail. */
    @Transactional
    public java.util.Optional<Reply> notify(UUID clientId, WorkItem ticket, String to, String subject, String body, String kind) {
        var channel = channels.find(clientId).filter(c -> c.smtp() != null);
        if (channel.isEmpty()) {
            return java.util.Optional.empty();
        }
        Reply reply = new Reply(Ids.next(), ticket.id(), null, messageId(ticket.id(), channel.get().fromAddress()), to, subject,
                signed(body, channel.get().signature()), null, List.of(), ReplyStatus.PENDING, 0, null, clock.instant(), kind, null);
        queue(clientId, reply);
        return java.util.Optional.of(reply);
    }

    @Transactional(readOnly = true)
    public List<Reply> of(UUID clientId, long itemId, CurrentUser by) {
        clients.get(clientId);
        workItems.get(clientId, itemId);
        SupportPermissions.requireProviderStaff(by);
        return outbox.ofItem(clientId, itemId);
    }

    private static String recipient(ReplyToCustomer command, WorkItem ticket) {
        Object customer = ticket.form().get("customerEmail");
        String to = command.to() != null ? command.to() : customer != null ? customer.toString() : ticket.requester();
        try {
            InternetAddress address = new InternetAddress(to, true);
            address.validate();
            return address.getAddress();
        } catch (AddressException e) {
            throw BusinessRuleViolation.invalid("to", "The ticket has no customer email address; say whom to write to.");
        }
    }

    /** Ours, unguessable, and naming the ticket, in the domain of the address we send from. */
    private static String messageId(long itemId, String fromAddress) {
        return "<wi-" + itemId + "." + Ids.next() + "@" + fromAddress.substring(fromAddress.indexOf('@') + 1) + ">";
    }

    private static String signed(String body, String signature) {
        return signature.isBlank() ? body.strip() : body.strip() + "\n\n-- \n" + signature;
    }
}
