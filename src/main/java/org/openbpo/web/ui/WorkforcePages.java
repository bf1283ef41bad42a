package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Users;
import org.openbpo.workforce.Agent;
import org.openbpo.workforce.Agents;
import org.openbpo.workforce.CertifyAgent;
import org.openbpo.workforce.ChangePresence;
import org.openbpo.workforce.DeliveryCentre;
import org.openbpo.workforce.DeliveryCentres;
import org.openbpo.workforce.OpenDeliveryCentre;
import org.openbpo.workforce.Presence;
import org.openbpo.workforce.Shore;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The provider's workforce: delivery centres (shifts, cost, which clients' data they may handle)
 * and agents (enrolment, client certifications, presence).
 */
@Controller
class WorkforcePages {

    static final int LISTED = 200;

    /** A centre as the list shows it. */
    record CentreRow(DeliveryCentre centre, boolean onShift, String cost, boolean servesChosen) {
    }

    private final DeliveryCentres centres;
    private final Agents agents;
    private final Users users;
    private final Clients clients;
    private final ClientFocus focus;
    private final AgentEnrolment enrolment;
    private final Clock clock;

    WorkforcePages(DeliveryCentres centres, Agents agents, Users users, Clients clients, ClientFocus focus,
                   AgentEnrolment enrolment, Clock clock) {
        this.centres = centres;
        this.agents = agents;
        this.users = users;
        this.clients = clients;
        this.focus = focus;
        this.enrolment = enrolment;
        this.clock = clock;
    }

    @GetMapping("/admin/centres")
    String centres(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                   HttpServletRequest request, Model model) {
        ManagerAccess.require(user);
        if (client != null) {
            return focus.linkTo(user, client, "/admin/centres", model, request);
        }
        return centrePage(model, user, focus.chosen(user, request), CentreForm.blank(), FormErrors.none());
    }

    @PostMapping("/admin/centres")
    String openCentre(@RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user,
                      HttpServletRequest request, Model model, RedirectAttributes flash) {
        ManagerAccess.require(user);
        CentreForm form = CentreForm.from(params);
        FormErrors errors = FormErrors.none();
        List<DayOfWeek> days = new ArrayList<>();
        OpenDeliveryCentre command = form.toCommand(errors, days);
        Client chosen = focus.chosen(user, request);
        if (command == null) {
            return centrePage(model, user, chosen, form, errors);
        }
        try {
            DeliveryCentre centre = centres.open(command, user);
            flash.addFlashAttribute("notice", "Centre " + centre.name() + " (" + centre.code() + ") is open.");
            return "redirect:/admin/centres";
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            return centrePage(model, user, chosen, form, CentreForm.refused(errors, e, days));
        }
    }

    /** Data residency: lets the centre handle the chosen client's work. */
    @PostMapping("/admin/centres/{centreId}/clients")
    String allowClient(@PathVariable UUID centreId, @RequestParam UUID clientId, @AuthenticationPrincipal CurrentUser user,
                       RedirectAttributes flash) {
        ManagerAccess.require(user);
        centres.allowClient(centreId, clientId, user);
        flash.addFlashAttribute("notice", centres.get(centreId, user).name() + " may now handle the work of "
                + clients.get(clientId).name() + ".");
        return "redirect:/admin/centres";
    }

    @GetMapping("/admin/agents")
    String agents(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                  HttpServletRequest request, Model model) {
        ManagerAccess.require(user);
        if (client != null) {
            return focus.linkTo(user, client, "/admin/agents", model, request);
        }
        return agentPage(model, user, focus.chosen(user, request), AgentEnrolment.Form.blank(), FormErrors.none());
    }

    @PostMapping("/admin/agents")
    String enrol(@RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user,
                 HttpServletRequest request, Model model, RedirectAttributes flash) {
        ManagerAccess.require(user);
        AgentEnrolment.Form form = AgentEnrolment.Form.from(params);
        FormErrors errors = FormErrors.none();
        Agent agent = enrolment.enrol(form, errors, user);
        if (agent == null) {
            return agentPage(model, user, focus.chosen(user, request), form, errors);
        }
        flash.addFlashAttribute("notice", users.staffNames(List.of(agent.userId()), user).getOrDefault(agent.userId(), "The agent")
                + " is enrolled, offline until they set themselves available.");
        return "redirect:/admin/agents";
    }

    @PostMapping("/admin/agents/{userId}/certifications")
    String certify(@PathVariable UUID userId, @RequestParam UUID clientId, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes flash) {
        ManagerAccess.require(user);
        agents.certify(userId, new CertifyAgent(clientId), user);
        flash.addFlashAttribute("notice", nameOf(userId, user) + " is certified for " + clients.get(clientId).name() + ".");
        return "redirect:/admin/agents";
    }

    @PostMapping("/admin/agents/{userId}/presence")
    String presence(@PathVariable UUID userId, @RequestParam Presence presence, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes flash) {
        ManagerAccess.require(user);
        Agent agent = agents.changePresence(userId, new ChangePresence(presence), user);
        flash.addFlashAttribute("notice", nameOf(userId, user) + " is now " + AgentWorkspacePages.label(agent.presence()) + ".");
        return "redirect:/admin/agents";
    }

    private String centrePage(Model model, CurrentUser user, @Nullable Client chosen, CentreForm form, FormErrors errors) {
        List<CentreRow> rows = centres.page(null, LISTED, user).stream().map(centre -> new CentreRow(centre,
                centre.isOnShift(clock.instant()), cost(centre),
                chosen != null && centres.servedClients(centre.id(), null, LISTED, user).stream()
                        .anyMatch(served -> served.clientId().equals(chosen.id())))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("chosen", chosen);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("shores", Shore.values());
        return "admin/centres";
    }

    private String agentPage(Model model, CurrentUser user, @Nullable Client chosen, AgentEnrolment.Form form,
                             FormErrors errors) {
        List<Agent> all = agents.page(null, null, LISTED, user);
        List<DeliveryCentre> centreList = centres.page(null, LISTED, user);
        Map<UUID, String> centreNames = centreList.stream().collect(Collectors.toMap(DeliveryCentre::id, DeliveryCentre::name));
        Map<UUID, String> names = users.staffNames(all.stream().map(Agent::userId).collect(Collectors.toSet()), user);
        Set<UUID> certified = chosen == null ? Set.of() : agents.certifiedFor(chosen.id(), LISTED, user).stream()
                .map(Agent::userId).collect(Collectors.toSet());
        model.addAttribute("agents", all.stream().sorted((a, b) -> names.getOrDefault(a.userId(), "")
                .compareToIgnoreCase(names.getOrDefault(b.userId(), ""))).toList());
        model.addAttribute("names", names);
        model.addAttribute("centreNames", centreNames);
        model.addAttribute("centres", centreList);
        model.addAttribute("chosen", chosen);
        model.addAttribute("certified", certified);
        model.addAttribute("presences", Presence.values());
        model.addAttribute("candidates", enrolment.candidates(all.stream().map(Agent::userId).collect(Collectors.toSet()), user));
        model.addAttribute("mayListStaff", user.providerAdministrator());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/agents";
    }

    private String nameOf(UUID userId, CurrentUser user) {
        return users.staffNames(List.of(userId), user).getOrDefault(userId, "The agent");
    }

    private static String cost(DeliveryCentre centre) {
        int digits = Math.max(centre.costPerAgentHour().currency().getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(centre.costPerAgentHour().amountMinor(), digits).toPlainString() + " "
                + centre.costPerAgentHour().currency().getCurrencyCode();
    }
}
