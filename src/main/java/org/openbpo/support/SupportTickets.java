package org.openbpo.support;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.StoredChannel;
import org.openbpo.support.persistence.TicketSearchRows;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments;
import org.openbpo.work.WorkItemComments.Comment;
import org.openbpo.work.WorkItemComments.Visibility;
import org.openbpo.work.WorkItems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tickets for clients who integrate their own systems: raise one on the client's support line,
 * comment on it, find tickets by their words. The client's people see only what is meant for
 * them: client-visible comments, never the provider's internal notes.
 */
@Service
public class SupportTickets {

    private final WorkItems workItems;
    private final WorkItemComments comments;
    private final ChannelSettingsRows channels;
    private final Clients clients;
    private final CustomerRecords customers;
    private final TicketSearchRows searchRows;

    SupportTickets(WorkItems workItems, WorkItemComments comments, ChannelSettingsRows channels,
                   Clients clients, CustomerRecords customers, TicketSearchRows searchRows) {
        this.searchRows = searchRows;
        this.customers = customers;
        this.workItems = workItems;
        this.comments = comments;
        this.channels = channels;
        this.clients = clients;
    }

    @Transactional
    public WorkItem raise(UUID clientId, RaiseTicket command, CurrentUser by) {
        StoredChannel channel = channel(clientId);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("description", command.description().strip());
        if (command.customerEmail() != null) {
            form.put("customerEmail", command.customerEmail().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (command.category() != null) {
            form.put("category", command.category());
        }
        WorkItem ticket = workItems.create(clientId, new CreateWorkItem(channel.serviceLine(), null, command.priority(),
                command.subject().strip(), form, "API"), by);
        if (command.customerEmail() != null) {
            customers.linkNew(clientId, ticket, IdentifyCustomer.byEmail(command.customerEmail(), null));
        }
        return ticket;
    }

    @Transactional
    public Comment comment(UUID clientId, long itemId, AddTicketComment command, CurrentUser by) {
        WorkItem ticket = ticket(clientId, itemId);
        Visibility visibility = command.visibility() == null ? Visibility.CLIENT : command.visibility();
        if (by.providerStaff()) {
            return visibility == Visibility.CLIENT ? comments.respond(clientId, itemId, command.body(), by)
                    : comments.add(clientId, itemId, by.email(), command.body(), visibility);
        }
        if (visibility == Visibility.INTERNAL) {
            throw new BusinessRuleViolation(403, "forbidden", "visibility", "Internal notes are the provider's; comment with visibility CLIENT.");
        }
        if (comments.closedForGood(ticket, by)) {
            throw BusinessRuleViolation.conflict("ticket-closed", ticket.reference() + " is closed and cannot be reopened; nobody would"
                    + " read a comment on it. Raise a new ticket, naming " + ticket.reference() + ".");
        }
        // The client's side answering: a ticket waiting on them, or solved when it was not, goes back to work.
        return comments.customerAnswered(clientId, itemId, command.body(), by);
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(UUID clientId, long itemId, CurrentUser by) {
        ticket(clientId, itemId);
        return comments.of(clientId, itemId).stream()
                .filter(comment -> by.providerStaff() || comment.visibility() == Visibility.CLIENT).toList();
    }

    /**
     * The client's tickets whose words match, newest first, below {@code beforeId}. A query of
     * exclusions only ("-refund") asks for nothing and finds nothing. The client's people search what they can read:
     * internal comments only count for the provider's.
     */
    @Transactional(readOnly = true)
    public List<WorkItem> search(UUID clientId, String text, long beforeId, int limit, CurrentUser by) {
        String serviceLine = channel(clientId).serviceLine();
        if (text.isBlank()) {
            return List.of();
        }
        if (text.length() > 500) {
            throw BusinessRuleViolation.invalid("q", "is longer than 500 characters");
        }
        String positive = java.util.Arrays.stream(text.replace('"', ' ').split("\\s+"))
                .filter(word -> !word.startsWith("-") && !word.equalsIgnoreCase("or")).collect(java.util.stream.Collectors.joining(" "));
        return searchRows.find(clientId, serviceLine, text, positive, by.providerStaff(), beforeId, limit).stream()
                .map(id -> workItems.get(clientId, id)).toList();
    }

    /**
     * The client's latest tickets, newest first, only the open ones if asked: the agents' ticket
     * list. Other service lines' items are skipped; the scan stops after {@link #SCANNED} items so
     * a client with much back-office work cannot make the page slow.
     */
    @Transactional(readOnly = true)
    public List<WorkItem> latest(UUID clientId, boolean openOnly, int limit) {
        String serviceLine = channel(clientId).serviceLine();
        List<WorkItem> found = new java.util.ArrayList<>();
        long before = Long.MAX_VALUE;
        for (int scanned = 0; scanned < SCANNED && found.size() < limit; scanned += 200) {
            List<WorkItem> page = workItems.latest(clientId, before, 200);
            for (WorkItem item : page) {
                if (found.size() < limit && item.serviceLine().equals(serviceLine) && !(openOnly && item.category().closed())) {
                    found.add(item);
                }
            }
            if (page.size() < 200) {
                break;
            }
            before = page.getLast().id();
        }
        return found;
    }

    private static final int SCANNED = 2_000;

    /** A ticket of the client's support line; any other id is not found. */
    @Transactional(readOnly = true)
    public WorkItem get(UUID clientId, long itemId) {
        return ticket(clientId, itemId);
    }

    /** A work item of the client's support line; anything else is not a ticket and not found. */
    private WorkItem ticket(UUID clientId, long itemId) {
        WorkItem item = workItems.get(clientId, itemId);
        if (!item.serviceLine().equals(channel(clientId).serviceLine())) {
            throw new NotFound("ticket", itemId);
        }
        return item;
    }

    /**
     * The client's channel. Its settings are under the same row-level security as the client, so
     * finding them proves the client is one the caller may see; only when they are missing is the
     * client looked up, to tell an unknown client (404) from one without a channel (409).
     */
    private StoredChannel channel(UUID clientId) {
        return channels.find(clientId).orElseThrow(() -> {
            clients.get(clientId);
            return BusinessRuleViolation.conflict("no-support-channel", "The client's support channel is not set up yet.");
        });
    }
}
