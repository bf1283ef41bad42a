package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.Queue;
import org.openbpo.work.Queues;
import org.openbpo.work.Routing;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.workforce.Agent;
import org.openbpo.workforce.Agents;
import org.openbpo.workforce.ChangePresence;
import org.openbpo.workforce.Presence;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The agent's workspace: presence, my queues with live counts, get next, and the items I hold.
 * Every refusal of the engine (off shift, not available, at capacity) is shown in its own words.
 */
@Controller
class AgentWorkspacePages {

    /** The switch offers the three states an agent sets by hand; BUSY is set by the engine's callers. */
    static final List<Presence> SWITCHABLE = List.of(Presence.AVAILABLE, Presence.AWAY, Presence.OFFLINE);

    private final Agents agents;
    private final Routing routing;
    private final Queues queues;
    private final WorkItems workItems;
    private final Clients clients;
    private final ClientFocus focus;
    private final WorkItemViews views;

    AgentWorkspacePages(Agents agents, Routing routing, Queues queues, WorkItems workItems, Clients clients,
                        ClientFocus focus, WorkItemViews views) {
        this.agents = agents;
        this.routing = routing;
        this.queues = queues;
        this.workItems = workItems;
        this.clients = clients;
        this.focus = focus;
        this.views = views;
    }

    @GetMapping("/work")
    String workspace(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireStaff(user);
        Optional<Agent> agent = agentOf(user);
        model.addAttribute("agent", agent.orElse(null));
        model.addAttribute("presences", SWITCHABLE);
        if (agent.isPresent()) {
            queueLoads(user, model);
        }
        Map<UUID, Client> known = new HashMap<>();
        List<WorkItem> mine = workItems.assignedTo(user, clientIdsOf(user));
        model.addAttribute("mine", views.of(mine, clientsOf(mine.stream().map(WorkItem::clientId).toList(), known), user));
        return "work/workspace";
    }

    /** The live part of "my queues", polled by the page. */
    @GetMapping("/work/queues")
    String queues(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireStaff(user);
        if (agentOf(user).isPresent()) {
            queueLoads(user, model);
        } else {
            model.addAttribute("loads", List.of()); // no longer an agent since the page was opened
        }
        return "work/workspace :: queues";
    }

    @PostMapping("/work/presence")
    String presence(@RequestParam Presence presence, @AuthenticationPrincipal CurrentUser user,
                    @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
                    RedirectAttributes flash) {
        requireStaff(user);
        Agent agent = agents.changePresence(user.id(), new ChangePresence(presence), user);
        if (htmx == null) {
            flash.addFlashAttribute("notice", "You are now " + label(agent.presence()) + ".");
            return "redirect:/work";
        }
        model.addAttribute("agent", agent);
        model.addAttribute("presences", SWITCHABLE);
        return "work/workspace :: presence";
    }

    @PostMapping("/work/next")
    String next(@AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        requireStaff(user);
        try {
            Optional<WorkItem> next = routing.next(user);
            if (next.isEmpty()) {
                flash.addFlashAttribute("nextMessage", "Nothing waits in your queues right now. Try again in a moment.");
                return "redirect:/work";
            }
            WorkItem item = next.get();
            flash.addFlashAttribute("notice", item.reference() + " is yours now.");
            return "redirect:/work/" + item.clientId() + "/" + item.id();
        } catch (NotFound e) {
            flash.addFlashAttribute("nextMessage", "You have no agent profile yet; ask an operations manager to enrol you.");
            return "redirect:/work";
        } catch (BusinessRuleViolation e) {
            flash.addFlashAttribute("nextMessage", e.getMessage());
            flash.addFlashAttribute("nextRefused", true);
            return "redirect:/work";
        }
    }

    private void queueLoads(CurrentUser user, Model model) {
        List<Queue> mine = routing.queuesOf(user);
        Map<UUID, Client> known = new HashMap<>();
        clientsOf(mine.stream().map(Queue::clientId).toList(), known);
        model.addAttribute("loads", queues.load(mine));
        model.addAttribute("queueClients", known);
    }

    private Optional<Agent> agentOf(CurrentUser user) {
        try {
            return Optional.of(agents.get(user.id(), user));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** The clients whose items may be assigned to the user: all they may see. */
    private Collection<UUID> clientIdsOf(CurrentUser user) {
        return user.allowedClients().all() ? clients.ids()
                : user.allowedClients().clients();
    }

    private List<Client> clientsOf(List<UUID> ids, Map<UUID, Client> known) {
        for (UUID id : Set.copyOf(ids)) {
            known.computeIfAbsent(id, clients::get);
        }
        return List.copyOf(known.values());
    }

    static String label(Presence presence) {
        return switch (presence) {
            case AVAILABLE -> "available";
            case BUSY -> "busy";
            case AWAY -> "away";
            case OFFLINE -> "offline";
        };
    }

    static void requireStaff(CurrentUser user) {
        if (!user.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null,
                    "The workspace is for the provider's staff; your requests are in the portal.");
        }
    }
}
