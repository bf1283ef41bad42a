package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.work.Notifications;
import org.openbpo.work.Queue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.workforce.Agent;
import org.openbpo.workforce.Agents;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The team lead's view: per client what waits, who holds what, what is pending or overdue, the SLA
 * warnings the timers raised, and handing a waiting item to an agent the client has certified.
 */
@Controller
class TeamOverviewPages {

    static final int WAITING_SHOWN = 15;
    static final int NOTIFICATIONS_SHOWN = 30;
    static final int AGENTS_LISTED = 200;

    /** One client's part of the overview. */
    record ClientBoard(Client client, List<Queues.QueueLoad> loads, List<WorkItemView> waiting, List<AgentChoice> agents) {
        public long waitingTotal() {
            return loads.stream().mapToLong(Queues.QueueLoad::waiting).sum();
        }
    }

    record AgentChoice(UUID id, String name, String presence) {
    }

    private final ClientFocus focus;
    private final Queues queues;
    private final WorkItems workItems;
    private final Notifications notifications;
    private final Agents agents;
    private final Users users;
    private final WorkItemViews views;

    TeamOverviewPages(ClientFocus focus, Queues queues, WorkItems workItems, Notifications notifications, Agents agents,
                      Users users, WorkItemViews views) {
        this.focus = focus;
        this.queues = queues;
        this.workItems = workItems;
        this.notifications = notifications;
        this.agents = agents;
        this.users = users;
        this.views = views;
    }

    @GetMapping("/work/overview")
    String overview(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                    HttpServletRequest request, Model model) {
        requireLead(user);
        if (client != null) {
            return focus.linkTo(user, client, "/work/overview", model, request);
        }
        List<Client> inView = focus.inView(user, request);
        List<ClientBoard> boards = boards(inView, user, true);
        model.addAttribute("boards", boards);
        model.addAttribute("focused", inView.size() == 1);
        model.addAttribute("notifications", notifications.unread(inView.stream().map(Client::id).toList(), NOTIFICATIONS_SHOWN, user));
        model.addAttribute("clientNames", inView.stream().collect(Collectors.toMap(Client::id, Client::name)));
        return "work/overview";
    }

    /** The queue loads alone, polled every few seconds by the page. */
    @GetMapping("/work/overview/loads")
    String loads(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        requireLead(user);
        model.addAttribute("boards", boards(focus.inView(user, request), user, false));
        return "work/overview :: loads";
    }

    @PostMapping("/work/overview/assignments")
    String assign(@RequestParam UUID clientId, @RequestParam long itemId, @RequestParam(required = false) @Nullable UUID agentId,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        requireLead(user);
        if (agentId == null) {
            flash.addFlashAttribute("problem", "Choose an agent to give the item to.");
            return "redirect:/work/overview";
        }
        try {
            WorkItem item = workItems.assign(clientId, itemId, agentId, user);
            String name = users.staffNames(List.of(agentId), user).getOrDefault(agentId, "the agent");
            flash.addFlashAttribute("notice", item.reference() + " is now with " + name + ".");
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound) {
                throw e;
            }
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/work/overview";
    }

    @PostMapping("/work/overview/notifications/{clientId}/{id}/read")
    ResponseEntity<String> markRead(@PathVariable UUID clientId, @PathVariable UUID id,
                                    @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                                    @AuthenticationPrincipal CurrentUser user) {
        requireLead(user);
        notifications.markRead(clientId, id, user);
        // htmx swaps the notification out for nothing; a plain form goes back to the page
        return htmx != null ? ResponseEntity.ok("")
                : ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/work/overview")).build();
    }

    private List<ClientBoard> boards(List<Client> clients, CurrentUser user, boolean withWaiting) {
        Map<UUID, Client> byId = clients.stream().collect(Collectors.toMap(Client::id, Function.identity()));
        Map<UUID, List<Queue>> queuesByClient = new LinkedHashMap<>();
        for (Queue queue : queues.ofClients(byId.keySet())) {
            queuesByClient.computeIfAbsent(queue.clientId(), id -> new ArrayList<>()).add(queue);
        }
        List<ClientBoard> boards = new ArrayList<>();
        for (Client client : clients) {
            List<Queue> clientQueues = queuesByClient.getOrDefault(client.id(), List.of());
            if (clientQueues.isEmpty()) {
                continue; // a client without queues has no work to oversee yet
            }
            List<WorkItemView> waiting = withWaiting
                    ? views.of(workItems.waiting(client.id(), WAITING_SHOWN), List.of(client), user) : List.of();
            boards.add(new ClientBoard(client, queues.load(clientQueues), waiting,
                    waiting.isEmpty() ? List.of() : agentsOf(client, user)));
        }
        return boards;
    }

    private List<AgentChoice> agentsOf(Client client, CurrentUser user) {
        List<Agent> certified = agents.certifiedFor(client.id(), AGENTS_LISTED, user);
        Set<UUID> ids = new HashSet<>();
        certified.forEach(agent -> ids.add(agent.userId()));
        Map<UUID, String> names = users.staffNames(ids, user);
        return certified.stream()
                .map(agent -> new AgentChoice(agent.userId(), names.getOrDefault(agent.userId(), "Agent"),
                        AgentWorkspacePages.label(agent.presence())))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .toList();
    }

    static void requireLead(CurrentUser user) {
        if (!(user.providerStaff() && (user.has(Role.TEAM_LEAD) || user.has(Role.OPERATIONS_MANAGER)
                || user.has(Role.ADMINISTRATOR)))) {
            throw new BusinessRuleViolation(403, "forbidden", null,
                    "The overview is for team leads, operations managers and administrators.");
        }
    }
}
