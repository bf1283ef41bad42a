package org.openbpo.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.support.AddTicketComment;
import org.openbpo.support.RaiseTicket;
import org.openbpo.support.SupportTickets;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments.Comment;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/support/tickets")
@Tag(name = "Tickets", description = "Support tickets for clients who integrate their own systems")
class TicketApi {

    private final SupportTickets tickets;

    TicketApi(SupportTickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a ticket on the client's support line")
    WorkItem raise(@PathVariable UUID clientId, @Valid @RequestBody RaiseTicket command, @AuthenticationPrincipal CurrentUser user) {
        return tickets.raise(clientId, command, user);
    }

    @GetMapping
    @Operation(summary = "Find the client's tickets by their words, newest first",
            description = "Web-search syntax: words, \"a phrase\", -excluded, or. Searches titles, descriptions and comments.")
    CursorPage<WorkItem> search(@PathVariable UUID clientId, @RequestParam String q,
                                @RequestParam(required = false) @Nullable String cursor,
                                @RequestParam(required = false) @Nullable Integer limit, @AuthenticationPrincipal CurrentUser user) {
        int size = CursorPage.limit(limit);
        String before = CursorPage.decode(cursor);
        long beforeId;
        try {
            beforeId = before == null ? Long.MAX_VALUE : Long.parseLong(before);
        } catch (NumberFormatException e) {
            throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
        }
        return CursorPage.of(tickets.search(clientId, q, beforeId, size + 1, user), size, item -> Long.toString(item.id()));
    }

    @PostMapping("/{itemId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Comment on a ticket; the client's people comment visibly, the provider's staff may also note internally")
    Comment comment(@PathVariable UUID clientId, @PathVariable long itemId, @Valid @RequestBody AddTicketComment command,
                    @AuthenticationPrincipal CurrentUser user) {
        return tickets.comment(clientId, itemId, command, user);
    }

    @GetMapping("/{itemId}/comments")
    @Operation(summary = "A ticket's comments, oldest first (the client's people see only the client-visible ones)")
    List<Comment> comments(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user) {
        return tickets.comments(clientId, itemId, user);
    }
}
