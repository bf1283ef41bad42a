package org.openbpo.web.ui;

import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.quality.CreditRule;
import org.openbpo.quality.CreditRules;
import org.openbpo.quality.CreditTier;
import org.openbpo.quality.Scorecards;
import org.openbpo.quality.SetCreditRule;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.money.Decimals;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A contract's service-credit rules, per service line and KPI, versioned: every version with its
 * tiers, cap and earn-back, which one is in force this month, and a form for a new version. Managers
 * set them; QA analysts and team leads read them. Bad input is named next to its field.
 */
@Controller
class CreditRulePages {

    /** A tier as typed, kept as text so a mistake can be shown next to it. */
    public record TierRow(String missedBy, String percent) {
    }

    /** What the form holds, as typed. */
    public record Draft(String serviceLine, String kpi, String effectiveFrom, List<TierRow> tiers, String capPercent,
                        String earnBackPeriods) {
    }

    private static final int TIER_ROWS = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CreditRules rules;
    private final Contracts contracts;
    private final Scorecards scorecards;
    private final Clients clients;

    CreditRulePages(CreditRules rules, Contracts contracts, Scorecards scorecards, Clients clients) {
        this.rules = rules;
        this.contracts = contracts;
        this.scorecards = scorecards;
        this.clients = clients;
    }

    @GetMapping("/quality/scorecards/{clientId}/{contractId}/credit-rules")
    String page(@PathVariable UUID clientId, @PathVariable UUID contractId, @AuthenticationPrincipal CurrentUser user, Model model) {
        requireStaff(user);
        Client client = clients.get(clientId);
        Contract contract = contracts.get(clientId, contractId);
        List<TierRow> tiers = new ArrayList<>();
        for (int i = 0; i < TIER_ROWS; i++) {
            tiers.add(new TierRow("", ""));
        }
        Draft blank = new Draft("", "", scorecards.currentPeriod(clientId).plusMonths(1).toString(), tiers, "", "0");
        return view(model, client, contract, user, blank, FormErrors.none());
    }

    @PostMapping("/quality/scorecards/{clientId}/{contractId}/credit-rules")
    String set(@PathVariable UUID clientId, @PathVariable UUID contractId, @RequestParam Map<String, String> params,
               @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        requireStaff(user);
        Client client = clients.get(clientId);
        Contract contract = contracts.get(clientId, contractId);
        List<TierRow> rows = new ArrayList<>();
        for (int i = 0; params.containsKey("tier" + i + ".missedBy") || params.containsKey("tier" + i + ".percent"); i++) {
            rows.add(new TierRow(params.getOrDefault("tier" + i + ".missedBy", "").strip(), params.getOrDefault("tier" + i + ".percent", "").strip()));
        }
        Draft draft = new Draft(params.getOrDefault("serviceLine", "").strip(), params.getOrDefault("kpi", "").strip(),
                params.getOrDefault("effectiveFrom", "").strip(), rows, params.getOrDefault("capPercent", "").strip(),
                params.getOrDefault("earnBackPeriods", "").strip());
        FormErrors errors = FormErrors.none();
        if (contract.serviceLines().stream().noneMatch(l -> l.code().equals(draft.serviceLine()))) {
            errors.add("serviceLine", "choose one of the contract's service lines");
        }
        Kpi kpi = null;
        try {
            kpi = Kpi.valueOf(draft.kpi());
        } catch (IllegalArgumentException e) {
            errors.add("kpi", "choose the KPI whose miss costs a credit");
        }
        YearMonth from = null;
        try {
            from = YearMonth.parse(draft.effectiveFrom());
        } catch (DateTimeParseException e) {
            errors.add("effectiveFrom", "the first month the rule applies, as YYYY-MM");
        }
        BigDecimal cap = percent(draft.capPercent());
        if (cap == null || cap.signum() <= 0) {
            errors.add("capPercent", "the cap is a percentage of the line's fees above 0 and at most 100");
        }
        int earnBack = -1;
        try {
            earnBack = Integer.parseInt(draft.earnBackPeriods());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (earnBack < 0 || earnBack > 12) {
            errors.add("earnBackPeriods", "the earn-back window is a whole number of months from 0 to 12");
        }
        List<CreditTier> tiers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TierRow row = rows.get(i);
            if (row.missedBy().isEmpty() && row.percent().isEmpty()) {
                continue;
            }
            BigDecimal missedBy = number(row.missedBy());
            BigDecimal credit = percent(row.percent());
            if (missedBy == null || missedBy.signum() < 0) {
                errors.add("tier" + i, "'missed by' is a number of 0 or more, in the KPI's own unit");
            } else if (credit == null || credit.signum() <= 0) {
                errors.add("tier" + i, "the credit is a percentage of the line's fees above 0 and at most 100");
            } else {
                tiers.add(new CreditTier(missedBy, credit));
            }
        }
        if (tiers.isEmpty() && !errors.has("tier0")) {
            errors.add("tier0", "give at least one tier: missed by how much, and what share of the fees it costs");
        }
        if (errors.any()) {
            return view(model, client, contract, user, padded(draft), errors);
        }
        try {
            CreditRule saved = rules.set(clientId, contractId, new SetCreditRule(draft.serviceLine(), kpi, from, tiers, cap, earnBack), user);
            flash.addFlashAttribute("notice", "Version " + saved.version() + " of the " + label(saved.kpi()) + " credit on "
                    + saved.serviceLine() + " applies from " + saved.effectiveFrom() + ".");
            return "redirect:/quality/scorecards/" + clientId + "/" + contractId + "/credit-rules";
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            return view(model, client, contract, user, padded(draft), formError(e, tiers, rows));
        }
    }

    /** The rule's field names ({@code tiers[1].percent}) point at the form's rows, counting only the rows that were filled. */
    private static FormErrors formError(BusinessRuleViolation e, List<CreditTier> tiers, List<TierRow> rows) {
        FormErrors errors = FormErrors.none();
        String field = e.field();
        if (field != null && field.startsWith("tiers[")) {
            int given = Integer.parseInt(field.substring("tiers[".length(), field.indexOf(']')));
            int row = -1;
            for (int i = 0, filled = -1; i < rows.size(); i++) {
                if (!rows.get(i).missedBy().isEmpty() || !rows.get(i).percent().isEmpty()) {
                    filled++;
                }
                if (filled == given) {
                    row = i;
                    break;
                }
            }
            return row < 0 ? errors.addGeneral(e.getMessage()) : errors.add("tier" + row, e.getMessage());
        }
        return errors.add(e, List.of("serviceLine", "kpi", "effectiveFrom", "capPercent", "earnBackPeriods"));
    }

    private String view(Model model, Client client, Contract contract, CurrentUser user, Draft draft, FormErrors errors) {
        List<CreditRule> all = new ArrayList<>(rules.all(client.id(), contract.id()));
        YearMonth now = scorecards.currentPeriod(client.id());
        Set<String> inForce = new HashSet<>();
        all.stream().filter(r -> !r.effectiveFrom().isAfter(now))
                .collect(java.util.stream.Collectors.groupingBy(r -> r.serviceLine() + "/" + r.kpi(),
                        java.util.stream.Collectors.maxBy(Comparator.comparingInt(CreditRule::version))))
                .values().forEach(r -> r.ifPresent(rule -> inForce.add(key(rule))));
        all.sort(Comparator.comparing(CreditRule::serviceLine).thenComparing(CreditRule::kpi)
                .thenComparing(Comparator.comparingInt(CreditRule::version).reversed()));
        model.addAttribute("client", client);
        model.addAttribute("contract", contract);
        model.addAttribute("rules", all);
        model.addAttribute("inForce", inForce);
        model.addAttribute("now", now);
        model.addAttribute("lines", contract.serviceLines().stream().map(ServiceLine::code).toList());
        model.addAttribute("targets", contract.kpiTargets());
        model.addAttribute("kpis", contract.kpiTargets().stream().map(t -> t.kpi()).distinct().sorted().toList());
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("mayChange", user.has(Role.OPERATIONS_MANAGER) || user.has(Role.ADMINISTRATOR));
        return "quality/credit-rules";
    }

    public static String key(CreditRule rule) {
        return rule.serviceLine() + "/" + rule.kpi() + "/" + rule.version();
    }

    public static String label(Kpi kpi) {
        return switch (kpi) {
            case SLA_ATTAINMENT -> "SLA attainment";
            case CSAT -> "CSAT";
            default -> {
                String words = kpi.name().toLowerCase().replace('_', ' ');
                yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
        };
    }

    private static Draft padded(Draft draft) {
        List<TierRow> rows = new ArrayList<>(draft.tiers());
        while (rows.size() < TIER_ROWS) {
            rows.add(new TierRow("", ""));
        }
        return new Draft(draft.serviceLine(), draft.kpi(), draft.effectiveFrom(), rows, draft.capPercent(), draft.earnBackPeriods());
    }

    private static BigDecimal number(String text) {
        try {
            return text.isEmpty() ? null : Decimals.parse(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A percentage from 0 to 100 with at most two decimals, or null. */
    private static BigDecimal percent(String text) {
        BigDecimal value = number(text);
        if (value == null || value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > 2) {
            return null;
        }
        return value;
    }

    private static void requireStaff(CurrentUser user) {
        if (!user.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Service-credit rules are kept by the provider.");
        }
        user.requireAny("see service-credit rules", Role.QA_ANALYST, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR, Role.TEAM_LEAD);
    }
}
