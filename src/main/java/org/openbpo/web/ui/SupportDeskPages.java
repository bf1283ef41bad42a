package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.support.BulkAction;
import org.openbpo.support.BulkTicketActions;
import org.openbpo.support.Call;
import org.openbpo.support.PhoneCalls;
import org.openbpo.support.SupportChannels;
import org.openbpo.support.SupportTickets;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkTypes;
import org.openbpo.workforce.Agent;
import org.openbpo.workforce.Agents;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The support desk of the client in focus: its tickets with bulk actions (each ticket's result
 * shown on its own) and its call log with talk time, per client or per ticket.
 */
@Controller
class SupportDeskPages {

    static final int LISTED = 100;

    /** One line of a bulk action's report: the ticket and what became of it. */
    record BulkLine(long itemId, String reference, boolean done, @Nullable String detail) {
    }

    /** An agent a team lead may hand tickets to. */
    record AgentChoice(UUID id, String name) {
    }

    private final SupportTickets tickets;
    private final SupportChannels channels;
    private final BulkTicketActions bulk;
    private final PhoneCalls calls;
    private final WorkTypes workTypes;
    private final Agents agents;
    private final Users users;
    private final ClientFocus focus;
    private final Clock clock;

    SupportDeskPages(SupportTickets tickets, SupportChannels channels, BulkTicketActions bulk, PhoneCalls calls, WorkTypes workTypes, Agents agents,
                     Users users, ClientFocus focus, Clock clock) {
        this.tickets = tickets;
        this.channels = channels;
        this.bulk = bulk;
        this.calls = calls;
        this.workTypes = workTypes;
        this.agents = agents;
        this.users = users;
        this.focus = focus;
        this.clock = clock;
    }

    @GetMapping("/support")
    String desk() {
        return "redirect:/support/tickets";
    }

    @GetMapping("/support/tickets")
    String tickets(@RequestParam(required = false) @Nullable UUID client, @RequestParam(required = false) @Nullable String q,
                   @RequestParam(required = false, defaultValue = "open") String show,
                   @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        AgentWorkspacePages.requireStaff(user);
        if (client != null) {
            return focus.linkTo(user, client, "/support/tickets", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Support desk", "/support/tickets");
        }
        if (noDesk(chosen, user, model)) {
            return "support/no-desk";
        }
        list(chosen, q, show, user, model);
        model.addAttribute("results", List.of());
        return "support/tickets";
    }

    @PostMapping("/support/tickets/bulk")
    String bulk(@RequestParam(required = false) @Nullable List<Long> itemIds, @RequestParam String action,
                @RequestParam(required = false) @Nullable UUID agentId, @RequestParam(required = false) @Nullable String to,
                @RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable String q,
                @RequestParam(required = false, defaultValue = "open") String show,
                @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        AgentWorkspacePages.requireStaff(user);
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Support desk", "/support/tickets");
        }
        if (noDesk(chosen, user, model)) {
            return "support/no-desk";
        }
        List<BulkLine> lines = new ArrayList<>();
        if (itemIds == null || itemIds.isEmpty()) {
            model.addAttribute("bulkError", "Tick the tickets the action is for.");
        } else if (itemIds.size() > 200) {
            model.addAttribute("bulkError", "Choose at most 200 tickets at once.");
        } else {
            try {
                BulkAction command = new BulkAction(BulkAction.Action.valueOf(action), itemIds, agentId,
                        to == null || to.isBlank() ? null : to.strip(), note == null || note.isBlank() ? null : note.strip());
                for (BulkAction.Result result : bulk.apply(chosen.id(), command, user)) {
                    lines.add(new BulkLine(result.itemId(), "WI-" + result.itemId(), result.done(), result.detail()));
                }
            } catch (IllegalArgumentException e) {
                model.addAttribute("bulkError", "Choose assign, move or close.");
            } catch (BusinessRuleViolation e) {
                if (e.status() == 404) {
                    throw e;
                }
                model.addAttribute("bulkError", e.getMessage());
            }
        }
        list(chosen, q, show, user, model);
        model.addAttribute("results", lines);
        return htmx == null ? "support/tickets" : "support/tickets :: desk";
    }

    @GetMapping("/support/calls")
    String calls(@RequestParam(required = false) @Nullable UUID client, @RequestParam(required = false) @Nullable Long ticket,
                 @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        AgentWorkspacePages.requireStaff(user);
        if (client != null) {
            return focus.linkTo(user, client, ticket == null ? "/support/calls" : "/support/calls?ticket=" + ticket, model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Call log", "/support/calls");
        }
        if (noDesk(chosen, user, model)) {
            return "support/no-desk";
        }
        List<Call> shown = ticket == null ? calls.page(chosen.id(), clock.instant().plusSeconds(3600), LISTED, user)
                : calls.ofTicket(chosen.id(), ticket, user);
        Set<UUID> agentIds = new HashSet<>();
        shown.stream().map(Call::agentId).filter(java.util.Objects::nonNull).forEach(agentIds::add);
        model.addAttribute("client", chosen);
        model.addAttribute("ticket", ticket);
        model.addAttribute("calls", shown);
        model.addAttribute("agentNames", agentIds.isEmpty() ? Map.of() : users.staffNames(agentIds, user));
        model.addAttribute("talkSeconds", shown.stream().map(Call::talkSeconds).filter(java.util.Objects::nonNull)
                .mapToLong(Integer::longValue).sum());
        model.addAttribute("talk", new TalkTime());
        return "support/calls";
    }

    /**
     * Whether the client has no support channel yet, so no desk: the page then says so, with a link to set one up for
     * those who may, and the names of those who may for everyone else.
     */
    private boolean noDesk(Client chosen, CurrentUser user, Model model) {
        if (channels.find(chosen.id(), user).isPresent()) {
            return false;
        }
        boolean maySetUp = SupportChannelPages.maySetUp(user);
        model.addAttribute("client", chosen);
        model.addAttribute("maySetUp", maySetUp);
        model.addAttribute("administrators", maySetUp ? List.of()
                : users.staffServing(chosen.id(), Set.of(Role.ADMINISTRATOR), user).stream().limit(5).toList());
        return true;
    }

    private void list(Client chosen, @Nullable String q, String show, CurrentUser user, Model model) {
        boolean all = "all".equals(show);
        List<WorkItem> shown = q == null || q.isBlank() ? tickets.latest(chosen.id(), !all, LISTED)
                : tickets.search(chosen.id(), q, Long.MAX_VALUE, LISTED, user);
        model.addAttribute("client", chosen);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("show", all ? "all" : "open");
        model.addAttribute("tickets", shown);
        boolean lead = user.has(Role.TEAM_LEAD) || user.has(Role.OPERATIONS_MANAGER) || user.has(Role.ADMINISTRATOR);
        model.addAttribute("lead", lead);
        model.addAttribute("agentChoices", lead ? agentsOf(chosen, user) : List.of());
        model.addAttribute("assignees", assignees(shown, user));
        model.addAttribute("states", shown.isEmpty() ? List.of()
                : workTypes.version(chosen.id(), shown.getFirst().workType(), shown.getFirst().workTypeVersion()).states());
    }

    private Map<UUID, String> assignees(List<WorkItem> shown, CurrentUser user) {
        Set<UUID> ids = new HashSet<>();
        shown.stream().map(WorkItem::assigneeId).filter(java.util.Objects::nonNull).forEach(ids::add);
        return ids.isEmpty() ? Map.of() : users.staffNames(ids, user);
    }

    private List<AgentChoice> agentsOf(Client client, CurrentUser user) {
        List<Agent> certified = agents.certifiedFor(client.id(), 200, user);
        Set<UUID> ids = new HashSet<>();
        certified.forEach(agent -> ids.add(agent.userId()));
        Map<UUID, String> names = ids.isEmpty() ? Map.of() : users.staffNames(ids, user);
        Map<UUID, String> sorted = new LinkedHashMap<>();
        certified.forEach(agent -> sorted.put(agent.userId(), names.getOrDefault(agent.userId(), "Agent")));
        return sorted.entrySet().stream().map(e -> new AgentChoice(e.getKey(), e.getValue()))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    }

    /** Talk time as people read it: 1:05:09 or 4:07. */
    static final class TalkTime {
        public String of(@Nullable Number seconds) {
            if (seconds == null) {
                return "";
            }
            long s = seconds.longValue();
            return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, s % 3600 / 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
        }
    }
}
