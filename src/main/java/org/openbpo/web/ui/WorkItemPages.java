package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.work.Checklist;
import org.openbpo.work.Checklists;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.Queue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkTransition;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One work item as the agent works it: the request, the procedure beside it, the SLA countdown,
 * the timeline, and a button for every move the engine allows them.
 */
@Controller
@RequestMapping("/work/{clientId}/{itemId}")
class WorkItemPages {

    private final WorkItems workItems;
    private final Checklists checklists;
    private final Clients clients;
    private final Queues queues;
    private final Users users;
    private final WorkItemViews views;
    private final SlaViews slas;
    private final ObjectMapper json;

    WorkItemPages(WorkItems workItems, Checklists checklists, Clients clients, Queues queues, Users users, WorkItemViews views, SlaViews slas,
                  ObjectMapper json) {
        this.workItems = workItems;
        this.checklists = checklists;
        this.clients = clients;
        this.queues = queues;
        this.users = users;
        this.views = views;
        this.slas = slas;
        this.json = json;
    }

    @GetMapping
    String item(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        if (!user.providerStaff()) {
            return clientUser(clientId, itemId, user);
        }
        return page(clientId, itemId, user, model, "");
    }

    /** The countdown, polled so an open page shows the clock moving and the timers' warnings. */
    @GetMapping("/sla")
    String sla(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user,
               Model model) {
        AgentWorkspacePages.requireStaff(user);
        Client client = clients.get(clientId);
        WorkItem item = workItems.get(clientId, itemId);
        model.addAttribute("sla", slas.of(item, client.timeZone(), false));
        model.addAttribute("slaUrl", "/work/" + clientId + "/" + itemId + "/sla");
        return "work/parts :: sla-panel";
    }

    @PostMapping("/moves")
    String move(@PathVariable UUID clientId, @PathVariable long itemId, @RequestParam String to,
                @RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal CurrentUser user,
                Model model, HttpServletResponse response, RedirectAttributes flash) {
        AgentWorkspacePages.requireStaff(user);
        String text = note == null || note.isBlank() ? null : note.strip();
        try {
            WorkItem moved = workItems.move(clientId, itemId, new MoveWorkItem(to, text), user);
            flash.addFlashAttribute("notice", moved.reference() + " is now " + views.definition(moved).state(moved.state()).label() + ".");
            return "redirect:/work/" + clientId + "/" + itemId;
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound) {
                throw e;
            }
            // the engine's own words, with the note kept so nothing typed is lost
            response.setStatus(e.status());
            model.addAttribute("problem", e.getMessage());
            return page(clientId, itemId, user, model, text == null ? "" : text);
        }
    }

    /**
     * A step of the checklist ticked or unticked (an unchecked box sends nothing): answers the procedure card again,
     * with the engine's refusal in it when there is one. A browser without JavaScript sends the step's form with its
     * button and gets the item's page back.
     */
    @PostMapping("/checklist/{step}")
    String tick(@PathVariable UUID clientId, @PathVariable long itemId, @PathVariable int step,
                @RequestParam(defaultValue = "false") boolean ticked, @AuthenticationPrincipal CurrentUser user, Model model,
                @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, HttpServletResponse response) {
        AgentWorkspacePages.requireStaff(user);
        try {
            if (ticked) {
                checklists.tick(clientId, itemId, step, user);
            } else {
                checklists.untick(clientId, itemId, step, user);
            }
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound) {
                throw e;
            }
            response.setStatus(e.status());
            if (htmx == null) {
                model.addAttribute("problem", e.getMessage());
                return page(clientId, itemId, user, model, "");
            }
            model.addAttribute("checklistProblem", e.getMessage());
        }
        if (htmx == null) {
            return "redirect:/work/" + clientId + "/" + itemId + "#procedure";
        }
        WorkItem item = workItems.get(clientId, itemId);
        procedure(model, clients.get(clientId), item, views.definition(item), user);
        return "work/parts :: procedure";
    }

    /** The agent's changes to the item's form: every problem beside its field at once, and nothing typed lost. */
    @PostMapping("/form")
    String changeForm(@PathVariable UUID clientId, @PathVariable long itemId, @RequestParam Map<String, String> params,
                      @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response, RedirectAttributes flash) {
        AgentWorkspacePages.requireStaff(user);
        WorkTypeDefinition type = views.definition(workItems.get(clientId, itemId));
        RequestForm form = RequestForm.from(params);
        FormErrors errors = FormErrors.none();
        Map<String, @Nullable Object> changes = form.changes(type);
        type.formProblems(changes).forEach((field, problem) -> errors.add(RequestForm.FIELD + field, problem));
        if (!errors.any()) {
            try {
                WorkItem changed = workItems.changeForm(clientId, itemId, changes, user);
                flash.addFlashAttribute("notice", "The details of " + changed.reference() + " are saved.");
                return "redirect:/work/" + clientId + "/" + itemId;
            } catch (BusinessRuleViolation e) {
                if (e instanceof NotFound) {
                    throw e;
                }
                errors.addGeneral(e.getMessage());
            }
        }
        response.setStatus(422);
        model.addAttribute("form", form);
        model.addAttribute("formErrors", errors);
        return page(clientId, itemId, user, model, "");
    }

    @PostMapping("/release")
    String release(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes flash) {
        AgentWorkspacePages.requireStaff(user);
        WorkItem released = workItems.release(clientId, itemId, user);
        flash.addFlashAttribute("notice", released.reference() + " went back to its queue.");
        return "redirect:/work";
    }

    private String page(UUID clientId, long itemId, CurrentUser user, Model model, String note) {
        Client client = clients.get(clientId);
        WorkItem item = workItems.get(clientId, itemId);
        WorkItemView view = views.of(item, client, user);
        WorkTypeDefinition type = views.definition(item);
        List<WorkTransition> moves = workItems.movesFor(clientId, itemId, user);
        Set<UUID> people = new HashSet<>();
        if (item.assigneeId() != null) {
            people.add(item.assigneeId());
        }
        var timeline = workItems.timeline(clientId, itemId);
        timeline.stream().filter(e -> e.type().equals("assigned"))
                .map(e -> json.readTree(e.data()).path("agent").asString())
                .forEach(id -> people.add(UUID.fromString(id)));
        model.addAttribute("view", view);
        model.addAttribute("client", client);
        procedure(model, client, item, type, user);
        model.addAttribute("fields", FieldValue.of(type, item));
        model.addAttribute("queue", queues.of(clientId).stream().filter(q -> q.id().equals(item.queueId()))
                .map(Queue::name).findFirst().orElse("?"));
        model.addAttribute("moves", moves);
        model.addAttribute("checkerMoves", heldForAChecker(type, item, moves, user));
        model.addAttribute("mayRelease", item.assigneeId() != null && !item.category().closed()
                && (user.id().equals(item.assigneeId()) || isLead(user)));
        model.addAttribute("mine", user.id().equals(item.assigneeId()));
        model.addAttribute("mayChangeForm", !type.fields().isEmpty() && !item.category().closed()
                && item.category() != StateCategory.REVIEW && (user.id().equals(item.assigneeId()) || isLead(user)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RequestForm.filledFrom(item));
            model.addAttribute("formErrors", FormErrors.none());
        }
        model.addAttribute("timeline", TimelineView.of(timeline, item, type, client.timeZone(), user, true,
                users.staffNames(people, user), json));
        model.addAttribute("sla", view.sla());
        model.addAttribute("slaUrl", "/work/" + clientId + "/" + itemId + "/sla");
        model.addAttribute("note", note);
        model.addAttribute("raised", Moments.at(item.createdAt(), client.timeZone()));
        return "work/item";
    }

    /** What the procedure card shows: the checklist with its ticks, tickable by whoever may move the item. */
    private void procedure(Model model, Client client, WorkItem item, WorkTypeDefinition type, CurrentUser user) {
        model.addAttribute("client", client);
        model.addAttribute("type", type);
        model.addAttribute("itemId", item.id());
        model.addAttribute("checklist", checklists.of(item).orElse(null));
        model.addAttribute("mayTick", checklists.mayTick(item, user));
    }

    /**
     * Moves the user's roles allow but the engine withholds because they made the work: shown, so a
     * maker who tries learns why from the engine itself instead of wondering where the button went.
     */
    private static List<WorkTransition> heldForAChecker(WorkTypeDefinition type, WorkItem item, List<WorkTransition> moves,
                                                        CurrentUser user) {
        if (!type.makerChecker()) {
            return List.of();
        }
        Set<String> roles = user.roles().stream().map(Role::name).collect(Collectors.toSet());
        return type.transitionsFrom(item.state()).stream()
                .filter(t -> t.allows(roles, user.providerStaff()))
                .filter(t -> moves.stream().noneMatch(m -> m.to().equals(t.to())))
                .toList();
    }

    private static boolean isLead(CurrentUser user) {
        return user.has(Role.TEAM_LEAD) || user.has(Role.OPERATIONS_MANAGER) || user.has(Role.ADMINISTRATOR);
    }

    /** A client user who follows a link into the workspace lands on their own request; other clients stay hidden. */
    private static String clientUser(UUID clientId, long itemId, CurrentUser user) {
        if (!clientId.equals(user.clientId())) {
            throw new NotFound("work item", itemId);
        }
        return "redirect:/portal/requests/" + itemId;
    }
}
