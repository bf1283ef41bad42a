package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Priority;
import org.openbpo.quality.FigureItems;
import org.openbpo.quality.Scorecard;
import org.openbpo.quality.ScorecardFigure;
import org.openbpo.quality.Scorecards;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Contract scorecards, for the provider under /quality/scorecards (with sign-off) and for the
 * client's own people, read-only, under /portal/scorecards. Every figure links to the work items
 * behind it. The portal's client is always the user's own.
 */
@Controller
class ScorecardPages {

    private static final String PROVIDER = "/quality/scorecards";
    private static final String PORTAL = "/portal/scorecards";

    private final Scorecards scorecards;
    private final Contracts contracts;
    private final Clients clients;
    private final ClientFocus focus;

    ScorecardPages(Scorecards scorecards, Contracts contracts, Clients clients, ClientFocus focus) {
        this.scorecards = scorecards;
        this.contracts = contracts;
        this.clients = clients;
        this.focus = focus;
    }

    @GetMapping(PROVIDER)
    String providerList(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                        HttpServletRequest request, Model model) {
        requireStaff(user);
        if (client != null) {
            return focus.linkTo(user, client, PROVIDER, model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Scorecards", PROVIDER);
        }
        return list(chosen, PROVIDER, model);
    }

    @GetMapping(PORTAL)
    String portalList(@AuthenticationPrincipal CurrentUser user, Model model) {
        return list(own(user), PORTAL, model);
    }

    @GetMapping(PROVIDER + "/{clientId}/{contractId}/{period}")
    String providerCard(@PathVariable UUID clientId, @PathVariable UUID contractId,
                        @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth period, @AuthenticationPrincipal CurrentUser user,
                        Model model) {
        Client client = clients.get(clientId);
        requireStaff(user);
        model.addAttribute("maySignOff", ManagerAccess.mayManage(user));
        return card(client, contractId, period, PROVIDER + "/" + clientId, user, model);
    }

    @GetMapping(PORTAL + "/{contractId}/{period}")
    String portalCard(@PathVariable UUID contractId, @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth period,
                      @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("maySignOff", false);
        return card(own(user), contractId, period, PORTAL, user, model);
    }

    @GetMapping(PROVIDER + "/{clientId}/{contractId}/{period}/items")
    String providerFigure(@PathVariable UUID clientId, @PathVariable UUID contractId,
                          @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth period, @RequestParam ScorecardFigure figure,
                          @RequestParam String serviceLine, @RequestParam(required = false) @Nullable Priority priority,
                          @RequestParam(required = false) @Nullable Boolean slaMet, @AuthenticationPrincipal CurrentUser user, Model model) {
        Client client = clients.get(clientId);
        requireStaff(user);
        return figure(client, contractId, period, figure, serviceLine, priority, slaMet, PROVIDER + "/" + clientId, model);
    }

    @GetMapping(PORTAL + "/{contractId}/{period}/items")
    String portalFigure(@PathVariable UUID contractId, @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth period,
                        @RequestParam ScorecardFigure figure, @RequestParam String serviceLine,
                        @RequestParam(required = false) @Nullable Priority priority, @RequestParam(required = false) @Nullable Boolean slaMet,
                        @AuthenticationPrincipal CurrentUser user, Model model) {
        return figure(own(user), contractId, period, figure, serviceLine, priority, slaMet, PORTAL, model);
    }

    @PostMapping(PROVIDER + "/{clientId}/{contractId}/{period}/sign-off")
    String signOff(@PathVariable UUID clientId, @PathVariable UUID contractId,
                   @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth period, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes flash) {
        try {
            Scorecard signed = scorecards.signOff(clientId, contractId, period, user);
            flash.addFlashAttribute("notice", period + " is signed off and frozen; " + signed.owed().size()
                    + (signed.owed().size() == 1 ? " credit goes" : " credits go") + " to billing.");
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + PROVIDER + "/" + clientId + "/" + contractId + "/" + period;
    }

    private String list(Client client, String base, Model model) {
        List<Contract> all = contracts.of(client.id());
        model.addAttribute("client", client);
        model.addAttribute("contracts", all);
        model.addAttribute("current", scorecards.currentPeriod(client.id()));
        model.addAttribute("base", base.equals(PORTAL) ? PORTAL : PROVIDER + "/" + client.id());
        model.addAttribute("signedOff", all.stream().collect(java.util.stream.Collectors.toMap(Contract::id,
                c -> scorecards.signedOff(client.id(), c.id()))));
        return "quality/scorecards";
    }

    private String card(Client client, UUID contractId, YearMonth period, String base, CurrentUser viewer, Model model) {
        Scorecard card = scorecards.score(client.id(), contractId, period).seenBy(viewer);
        model.addAttribute("client", client);
        model.addAttribute("card", card);
        model.addAttribute("base", base);
        model.addAttribute("previous", period.minusMonths(1));
        model.addAttribute("next", period.plusMonths(1));
        model.addAttribute("ended", !period.isAfter(scorecards.currentPeriod(client.id()).minusMonths(1)));
        return "quality/scorecard";
    }

    private String figure(Client client, UUID contractId, YearMonth period, ScorecardFigure figure, String serviceLine,
                          @Nullable Priority priority, @Nullable Boolean slaMet, String base, Model model) {
        FigureItems items = scorecards.items(client.id(), contractId, period, figure, serviceLine, priority, slaMet);
        model.addAttribute("client", client);
        model.addAttribute("items", items);
        model.addAttribute("base", base);
        model.addAttribute("priority", priority);
        model.addAttribute("slaMet", slaMet);
        return "quality/figure";
    }

    private Client own(CurrentUser user) {
        if (user.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "The portal is for the client's own people.");
        }
        return clients.get(user.clientId());
    }

    private static void requireStaff(CurrentUser user) {
        if (!user.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Your scorecards are in the portal.");
        }
        user.requireAny("see scorecards", Role.QA_ANALYST, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR, Role.TEAM_LEAD);
    }
}
