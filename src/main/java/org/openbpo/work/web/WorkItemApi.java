package org.openbpo.work.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Users;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.openbpo.work.Checklist;
import org.openbpo.work.Checklists;
import org.openbpo.work.ClientTimeline;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.Routing;
import org.openbpo.work.TimelineEntry;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkTransition;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Work items", description = "Raise, route, work and complete outsourced work")
class WorkItemApi {

    record Assignment(@NotNull UUID agentId) {
    }

    /** An item as its GET shows it: the item, and its work type's checklist with the ticks when it has one. */
    record WorkItemDetail(@JsonUnwrapped WorkItem item, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Checklist checklist) {
    }

    private final WorkItems workItems;
    private final Checklists checklists;
    private final Routing routing;
    private final Users users;

    WorkItemApi(WorkItems workItems, Checklists checklists, Routing routing, Users users) {
        this.workItems = workItems;
        this.checklists = checklists;
        this.routing = routing;
        this.users = users;
    }

    @PostMapping("/clients/{clientId}/work-items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a work item on a service line of the client's contract")
    WorkItem create(@PathVariable UUID clientId, @Valid @RequestBody CreateWorkItem command,
                    @AuthenticationPrincipal CurrentUser user) {
        return workItems.create(clientId, command, user);
    }

    @GetMapping("/clients/{clientId}/work-items")
    @Operation(summary = "A client's work items, oldest first; filter by state category or assignee")
    CursorPage<WorkItem> list(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable StateCategory category,
                              @RequestParam(required = false) @Nullable UUID assignee,
                              @RequestParam(required = false) @Nullable String cursor,
                              @RequestParam(required = false) @Nullable Integer limit) {
        int size = CursorPage.limit(limit);
        String after = CursorPage.decode(cursor);
        long afterId;
        try {
            afterId = after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
        }
        return CursorPage.of(workItems.page(clientId, category, assignee, afterId, size + 1), size, w -> Long.toString(w.id()));
    }

    @GetMapping("/clients/{clientId}/work-items/{itemId}")
    @Operation(summary = "One work item with its SLA clock, and its checklist with the steps ticked when its work type has one")
    WorkItemDetail get(@PathVariable UUID clientId, @PathVariable long itemId) {
        WorkItem item = workItems.get(clientId, itemId);
        return new WorkItemDetail(item, checklists.of(item).orElse(null));
    }

    @GetMapping("/clients/{clientId}/work-items/{itemId}/checklist")
    @Operation(summary = "The item's checklist: each step by number (1 for the first), ticked or not, by whom and when. "
            + "`required`: the item cannot be done before every step is ticked")
    Checklist checklist(@PathVariable UUID clientId, @PathVariable long itemId) {
        return checklists.of(clientId, itemId).orElseThrow(() -> new BusinessRuleViolation(404, "no-checklist", null,
                "The work type of WI-" + itemId + " has no checklist."));
    }

    @PutMapping("/clients/{clientId}/work-items/{itemId}/checklist/{step}")
    @Operation(summary = "Tick a step of the item's checklist (its holder, a team lead, or the team's while unassigned; "
            + "open items only). Ticking a ticked step changes nothing")
    Checklist tick(@PathVariable UUID clientId, @PathVariable long itemId, @PathVariable int step,
                   @AuthenticationPrincipal CurrentUser user) {
        return checklists.tick(clientId, itemId, step, user);
    }

    @DeleteMapping("/clients/{clientId}/work-items/{itemId}/checklist/{step}")
    @Operation(summary = "Untick a step of the item's checklist; unticking a step not ticked changes nothing")
    Checklist untick(@PathVariable UUID clientId, @PathVariable long itemId, @PathVariable int step,
                     @AuthenticationPrincipal CurrentUser user) {
        return checklists.untick(clientId, itemId, step, user);
    }

    @PatchMapping("/clients/{clientId}/work-items/{itemId}/form")
    @Operation(summary = "Change fields of the item's form: each field named with its new value, or null to clear it. "
            + "The holder or a team lead while the work is in hand (not while it waits for its check); the client's people "
            + "while it is new or waits on them")
    WorkItem changeForm(@PathVariable UUID clientId, @PathVariable long itemId, @RequestBody Map<String, @Nullable Object> changes,
                        @AuthenticationPrincipal CurrentUser user) {
        return workItems.changeForm(clientId, itemId, changes, user);
    }

    @GetMapping("/clients/{clientId}/work-items/{itemId}/timeline")
    @Operation(summary = "Every change of the item, in order; the client's people read what happened to their request, "
            + "without the provider's internals (hand-overs, escalations, internal comments, who at the provider)")
    List<TimelineEntry> timeline(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user) {
        List<TimelineEntry> entries = workItems.timeline(clientId, itemId);
        if (user.providerStaff()) {
            return entries;
        }
        WorkItem item = workItems.get(clientId, itemId);
        return ClientTimeline.of(entries, item, user, !users.isProviderStaff(item.requester()));
    }

    @GetMapping("/clients/{clientId}/work-items/{itemId}/moves")
    @Operation(summary = "The moves you may make from the item's state")
    List<WorkTransition> moves(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user) {
        return workItems.movesFor(clientId, itemId, user);
    }

    @PostMapping("/clients/{clientId}/work-items/{itemId}/moves")
    @Operation(summary = "Move the item to another state (pend, resume, send for check, approve, complete …)")
    WorkItem move(@PathVariable UUID clientId, @PathVariable long itemId, @Valid @RequestBody MoveWorkItem command,
                  @AuthenticationPrincipal CurrentUser user) {
        return workItems.move(clientId, itemId, command, user);
    }

    @PutMapping("/clients/{clientId}/work-items/{itemId}/assignment")
    @Operation(summary = "Assign or reassign the item to an agent (team leads)")
    WorkItem assign(@PathVariable UUID clientId, @PathVariable long itemId, @Valid @RequestBody Assignment assignment,
                    @AuthenticationPrincipal CurrentUser user) {
        return workItems.assign(clientId, itemId, assignment.agentId(), user);
    }

    @DeleteMapping("/clients/{clientId}/work-items/{itemId}/assignment")
    @Operation(summary = "Release the item back to its queue")
    WorkItem release(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user) {
        return workItems.release(clientId, itemId, user);
    }

    @PostMapping("/work/next")
    @Operation(summary = "Get next: the most urgent item you may take, assigned to you")
    WorkItem next(@AuthenticationPrincipal CurrentUser user) {
        if (!user.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Get next is for the provider's agents.");
        }
        return routing.next(user).orElseThrow(() -> new BusinessRuleViolation(404, "no-work-available", null,
                "No work waits in the queues you may serve right now."));
    }
}
