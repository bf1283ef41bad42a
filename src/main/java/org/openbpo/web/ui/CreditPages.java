package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.billing.EarnBack;
import org.openbpo.billing.EarnBacks;
import org.openbpo.billing.Invoice;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.ServiceCredit;
import org.openbpo.billing.ServiceCredits;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The billing analyst's view of service credits: for a client and a range of months, every credit
 * granted, where it came from (a signed-off scorecard, linked, or a person), and the invoice that
 * netted it; and every earn-back with the invoice that carries it.
 */
@Controller
class CreditPages {

    /** One row of the page: the credit or earn-back, its scorecard when it came from one, and its invoice. */
    record Row(String kind, YearMonth period, @Nullable YearMonth creditPeriod, String serviceLine, String percent, String reason,
               @Nullable String scorecard, String source, @Nullable UUID invoiceId, @Nullable String invoiceLabel) {
    }

    private final ServiceCredits credits;
    private final EarnBacks earnBacks;
    private final Invoicing invoicing;
    private final ClientFocus focus;
    private final Clock clock;

    CreditPages(ServiceCredits credits, EarnBacks earnBacks, Invoicing invoicing, ClientFocus focus, Clock clock) {
        this.credits = credits;
        this.earnBacks = earnBacks;
        this.invoicing = invoicing;
        this.focus = focus;
        this.clock = clock;
    }

    @GetMapping("/billing/credits")
    String credits(@RequestParam(required = false) @Nullable UUID client, @RequestParam(required = false) @Nullable String from,
                   @RequestParam(required = false) @Nullable String to, @AuthenticationPrincipal CurrentUser user,
                   HttpServletRequest request, Model model) {
        if (!BillingPages.mayBill(user)) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's billing staff see service credits.");
        }
        if (client != null) {
            return focus.linkTo(user, client, "/billing/credits", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Service credits", "/billing/credits");
        }
        YearMonth last = month(to, "to", YearMonth.now(clock));
        YearMonth first = month(from, "from", last.minusMonths(11));
        if (last.isBefore(first)) {
            throw BusinessRuleViolation.invalid("to", "must not be before from");
        }
        Map<UUID, Invoice> invoices = new HashMap<>();
        java.util.function.Function<UUID, String> label = id -> {
            Invoice invoice = invoices.computeIfAbsent(id, i -> invoicing.get(chosen.id(), i));
            return invoice.number() != null ? invoice.number() : invoice.status().name().toLowerCase(java.util.Locale.ROOT) + " invoice of "
                    + YearMonth.from(invoice.period());
        };
        List<Row> rows = new java.util.ArrayList<>();
        for (ServiceCredit credit : credits.of(chosen.id(), first.atDay(1), last.atEndOfMonth())) {
            rows.add(new Row("Credit", YearMonth.from(credit.period()), null, credit.serviceLine(), "-" + credit.percent().toPlainString(),
                    credit.reason(), scorecard(chosen.id(), credit.sourceKey()), credit.sourceKey() + " · " + credit.grantedBy(),
                    credit.invoiceId(), credit.invoiceId() == null ? null : label.apply(credit.invoiceId())));
        }
        for (EarnBack back : earnBacks.of(chosen.id(), first.atDay(1), last.atEndOfMonth())) {
            rows.add(new Row("Earn-back", YearMonth.from(back.period()), YearMonth.from(back.creditPeriod()), back.serviceLine(),
                    "+" + back.percent().toPlainString(), back.reason(), scorecard(chosen.id(), back.sourceKey()),
                    back.sourceKey() + " · " + back.grantedBy(), back.invoiceId(),
                    back.invoiceId() == null ? null : label.apply(back.invoiceId())));
        }
        rows.sort(java.util.Comparator.comparing(Row::period).thenComparing(Row::serviceLine).thenComparing(Row::kind));
        model.addAttribute("client", chosen);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("rows", rows);
        return "billing/credits";
    }

    /** The scorecard page a credit came from, when its source key names one (scorecard:contract:month:…). */
    private static @Nullable String scorecard(UUID clientId, String sourceKey) {
        String[] parts = sourceKey.split(":");
        if (parts.length < 3 || !parts[0].equals("scorecard")) {
            return null;
        }
        return "/quality/scorecards/" + clientId + "/" + parts[1] + "/" + parts[2];
    }

    private static YearMonth month(@Nullable String text, String field, YearMonth otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeException e) {
            throw BusinessRuleViolation.invalid(field, "must be a month such as 2026-03");
        }
    }
}
