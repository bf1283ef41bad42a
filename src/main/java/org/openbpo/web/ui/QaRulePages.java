package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.quality.AgentCoaching;
import org.openbpo.quality.Evaluations;
import org.openbpo.quality.Sampling;
import org.openbpo.quality.SamplingPolicy;
import org.openbpo.quality.SetSamplingPolicy;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.money.Decimals;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Users;
import org.openbpo.work.WorkTypes;
import org.openbpo.workforce.Agent;
import org.openbpo.workforce.Agents;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The client's sampling rules, and an agent's coaching view: their evaluations, the trend, what they fail most. */
@Controller
class QaRulePages {

    private static final int AGENTS_LISTED = 200;

    private final Sampling sampling;
    private final Evaluations evaluations;
    private final Contracts contracts;
    private final WorkTypes workTypes;
    private final Agents agents;
    private final Users users;
    private final Clients clients;
    private final ClientFocus focus;

    QaRulePages(Sampling sampling, Evaluations evaluations, Contracts contracts, WorkTypes workTypes, Agents agents, Users users,
                Clients clients, ClientFocus focus) {
        this.sampling = sampling;
        this.evaluations = evaluations;
        this.contracts = contracts;
        this.workTypes = workTypes;
        this.agents = agents;
        this.users = users;
        this.clients = clients;
        this.focus = focus;
    }

    @GetMapping("/quality/rules")
    String rules(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                 HttpServletRequest request, Model model) {
        if (client != null) {
            return focus.linkTo(user, client, "/quality/rules", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Sampling rules", "/quality/rules");
        }
        List<SamplingPolicy> rules = sampling.policies(chosen.id(), user);
        List<Agent> certified = agents.certifiedFor(chosen.id(), AGENTS_LISTED, user);
        Set<UUID> ids = new HashSet<>();
        certified.forEach(a -> ids.add(a.userId()));
        rules.forEach(r -> {
            if (r.agentId() != null) {
                ids.add(r.agentId());
            }
        });
        Map<UUID, String> names = new LinkedHashMap<>(users.staffNames(ids, user));
        model.addAttribute("client", chosen);
        model.addAttribute("rules", rules);
        model.addAttribute("names", names);
        model.addAttribute("agents", certified.stream().map(Agent::userId).toList());
        model.addAttribute("lines", contracts.serviceLines(chosen.id()).stream().map(ServiceLine::code).toList());
        model.addAttribute("types", workTypes.of(chosen.id()).stream().map(t -> t.definition().code()).sorted().toList());
        return "quality/rules";
    }

    @PostMapping("/quality/rules")
    String setRule(@RequestParam UUID client, @RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes flash) {
        clients.get(client);
        try {
            BigDecimal percent = Decimals.parse(params.getOrDefault("percent", "").strip());
            int minimum = Integer.parseInt(params.getOrDefault("minimumPerWeek", "0").strip());
            String newAgents = params.getOrDefault("newAgentItems", "").strip();
            String agent = params.getOrDefault("agentId", "");
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || minimum < 0 || minimum > 1000) {
                throw BusinessRuleViolation.invalid("percent", "a percentage from 0 to 100 and a weekly minimum from 0 to 1000");
            }
            SamplingPolicy set = sampling.setPolicy(client, new SetSamplingPolicy(params.get("serviceLine"), params.get("workType"),
                    agent.isBlank() ? null : UUID.fromString(agent), percent, minimum,
                    newAgents.isEmpty() ? null : Integer.valueOf(newAgents)), user);
            flash.addFlashAttribute("notice", "Sampling " + set.percent().stripTrailingZeros().toPlainString() + " %, at least "
                    + set.minimumPerWeek() + " per agent per week, every item of an agent's first " + set.newAgentItems() + ".");
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("problem", "Give the percentage and the numbers as numbers.");
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/quality/rules";
    }

    @PostMapping("/quality/rules/{clientId}/{ruleId}/retire")
    String retire(@PathVariable UUID clientId, @PathVariable UUID ruleId, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes flash) {
        sampling.retirePolicy(clientId, ruleId, user);
        flash.addFlashAttribute("notice", "The rule is retired.");
        return "redirect:/quality/rules";
    }

    @GetMapping("/quality/coaching/{clientId}/{agentId}")
    String coaching(@PathVariable UUID clientId, @PathVariable UUID agentId, @AuthenticationPrincipal CurrentUser user, Model model) {
        Client client = clients.get(clientId);
        AgentCoaching coaching = evaluations.coaching(clientId, agentId, user);
        model.addAttribute("client", client);
        model.addAttribute("coaching", coaching);
        model.addAttribute("agentName", users.staffNames(Set.of(agentId), user).getOrDefault(agentId, "Agent"));
        return "quality/coaching";
    }
}
