package org.openbpo.work;

import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkTransition;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.openbpo.work.persistence.CommentRows;
import org.openbpo.work.persistence.TimelineRows;
import org.openbpo.work.persistence.WorkItemRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What people say and send about a work item: comments (internal, or visible to the client and
 * its customers) and attached files. Channels such as email write here; only a customer's answer
 * to an item waiting on them moves it, by the work type's own rules.
 */
@Service
public class WorkItemComments {

    public enum Visibility { INTERNAL, CLIENT }

    public record Comment(UUID id, long itemId, String author, String body, Visibility visibility, Instant createdAt) {
    }

    public record Attachment(UUID id, long itemId, String filename, String contentType, long sizeBytes, Instant createdAt,
                             String createdBy) {
    }

    private final CommentRows rows;
    private final WorkItemRows items;
    private final WorkItems workItems;
    private final WorkTypes workTypes;
    private final TimelineRows timeline;
    private final AuditTrail audit;
    private final Clock clock;

    WorkItemComments(CommentRows rows, WorkItemRows items, WorkItems workItems, WorkTypes workTypes, TimelineRows timeline,
                     AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.items = items;
        this.workItems = workItems;
        this.workTypes = workTypes;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Comment add(UUID clientId, long itemId, String author, String body, Visibility visibility) {
        requireItem(clientId, itemId);
        if (body.isBlank()) {
            throw BusinessRuleViolation.invalid("body", "A comment needs some text.");
        }
        Comment comment = new Comment(Ids.next(), itemId, author, body.strip(), visibility, clock.instant());
        rows.insert(clientId, comment);
        timeline.append(clientId, itemId, comment.createdAt(), author, "commented",
                Map.of("comment", comment.id().toString(), "visibility", visibility.name()));
        audit.record(clientId, "work-item.commented", "work-item", itemId, null,
                Map.of("comment", comment.id().toString(), "visibility", visibility.name(), "author", author));
        return comment;
    }

    /**
     * The provider's answer to the client or its customer (an agent's email reply, say): a
     * client-visible comment, and the item's first response if it had none — the moment the
     * first-response target of its SLA looks at.
     */
    @Transactional
    public Comment respond(UUID clientId, long itemId, String body, CurrentUser by) {
        if (!by.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's staff respond to the client.");
        }
        Comment comment = add(clientId, itemId, by.email(), body, Visibility.CLIENT);
        if (rows.firstResponse(clientId, itemId, comment.createdAt())) {
            timeline.append(clientId, itemId, comment.createdAt(), by.email(), "first-response", Map.of("comment", comment.id().toString()));
            audit.record(clientId, "work-item.first-response", "work-item", itemId, null,
                    Map.of("at", comment.createdAt().toString(), "by", by.email()));
        }
        return comment;
    }

    /**
     * The client's customer answered: their words as a client-visible comment, and the item goes back
     * to work by the move its work type allows them (so its SLA clock runs again) when it was waiting on
     * them, or when it was closed and they may reopen it (a solved ticket: the work is not done). Items
     * in any other state, and items closed for good, only get the comment.
     */
    @Transactional
    public Comment customerAnswered(UUID clientId, long itemId, String body, CurrentUser customer) {
        Comment comment = add(clientId, itemId, customer.email(), body, Visibility.CLIENT);
        // decided on the item as it is moved: an agent's move meanwhile (resuming it, say) leaves nothing to move
        workItems.moveAsDecided(clientId, itemId, item -> {
            if (item.category() == StateCategory.PENDING_CLIENT) {
                return backToWork(item, customer).map(to -> new MoveWorkItem(to, "The customer answered"));
            }
            if (item.category().closed()) {
                return backToWork(item, customer).map(to -> new MoveWorkItem(to, "The customer wrote again after it was closed"));
            }
            return Optional.empty();
        }, customer);
        return comment;
    }

    /** Whether the item is closed and its work type lets the customer reopen it by nothing they may do. */
    @Transactional(readOnly = true)
    public boolean closedForGood(WorkItem item, CurrentUser customer) {
        return item.category().closed() && backToWork(item, customer).isEmpty();
    }

    /** The state the customer's move takes the item back to work in; empty when the work type allows them none. */
    private Optional<String> backToWork(WorkItem item, CurrentUser customer) {
        WorkTypeDefinition definition = workTypes.version(item.clientId(), item.workType(), item.workTypeVersion());
        return workItems.movesFor(item, customer).stream()
                .map(WorkTransition::to)
                .filter(to -> definition.state(to).category().routable())
                .findFirst();
    }

    @Transactional(readOnly = true)
    public List<Comment> of(UUID clientId, long itemId) {
        requireItem(clientId, itemId);
        return rows.of(clientId, itemId);
    }

    @Transactional
    public Attachment attach(UUID clientId, long itemId, String filename, String contentType, byte[] content, String by) {
        requireItem(clientId, itemId);
        Attachment attachment = new Attachment(Ids.next(), itemId, filename, contentType, content.length, clock.instant(), by);
        rows.insert(clientId, attachment, content);
        timeline.append(clientId, itemId, attachment.createdAt(), by, "attached",
                Map.of("attachment", attachment.id().toString(), "filename", filename, "bytes", content.length));
        audit.record(clientId, "work-item.attached", "work-item", itemId, null,
                Map.of("attachment", attachment.id().toString(), "filename", filename, "bytes", content.length));
        return attachment;
    }

    @Transactional(readOnly = true)
    public List<Attachment> attachments(UUID clientId, long itemId) {
        requireItem(clientId, itemId);
        return rows.attachmentsOf(clientId, itemId);
    }

    @Transactional(readOnly = true)
    public byte[] content(UUID clientId, long itemId, UUID attachmentId) {
        return rows.content(clientId, itemId, attachmentId).orElseThrow(() -> new NotFound("attachment", attachmentId));
    }

    private void requireItem(UUID clientId, long itemId) {
        if (items.find(clientId, itemId).isEmpty()) {
            throw new NotFound("work item", itemId);
        }
    }
}
