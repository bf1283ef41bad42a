package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.openbpo.billing.DefinePricePlan;
import org.openbpo.billing.Invoice;
import org.openbpo.billing.InvoiceMail;
import org.openbpo.billing.InvoiceMailing;
import org.openbpo.billing.InvoicePdf;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.PricePlans;
import org.openbpo.billing.Pricing;
import org.openbpo.billing.SetBillingContact;
import org.openbpo.billing.Tier;
import org.openbpo.billing.UsageRecord;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.money.Decimals;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The provider's billing pages: a client's price plans (view, add a version), its invoices, a
 * month's invoices across clients, the review of a draft, issuing it, and the drill-down from an
 * invoice line to the usage records and work items behind it.
 */
@Controller
@RequestMapping("/billing")
class BillingPages {

    static final int USAGE_PAGE = 200;

    private final PricePlans plans;
    private final Invoicing invoicing;
    private final InvoicePdf pdf;
    private final Contracts contracts;
    private final Clients clients;
    private final ClientFocus focus;
    private final Clock clock;
    private final InvoiceMail mail;
    private final Validator validator;

    BillingPages(PricePlans plans, Invoicing invoicing, InvoicePdf pdf, Contracts contracts, Clients clients, ClientFocus focus,
                 Clock clock, InvoiceMail mail, Validator validator) {
        this.mail = mail;
        this.validator = validator;
        this.plans = plans;
        this.invoicing = invoicing;
        this.pdf = pdf;
        this.contracts = contracts;
        this.clients = clients;
        this.focus = focus;
        this.clock = clock;
    }

    static boolean mayBill(CurrentUser user) {
        return user.providerStaff() && (user.has(Role.ADMINISTRATOR) || user.has(Role.OPERATIONS_MANAGER)
                || user.has(Role.BILLING_ANALYST));
    }

    private static void require(CurrentUser user) {
        if (!mayBill(user)) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's billing staff work on prices and invoices.");
        }
    }

    @GetMapping
    String home() {
        return "redirect:/billing/invoices";
    }

    @GetMapping("/plans")
    String plans(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                 HttpServletRequest request, Model model) {
        require(user);
        if (client != null) {
            return focus.linkTo(user, client, "/billing/plans", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Price plans", "/billing/plans");
        }
        return plansPage(model, chosen, blankForm(chosen), Map.of());
    }

    @PostMapping("/plans")
    String define(@RequestParam UUID client, @RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user,
                  Model model, RedirectAttributes flash) {
        require(user);
        Client chosen = clients.get(client);
        Map<String, String> errors = new LinkedHashMap<>();
        DefinePricePlan command = read(params, errors);
        if (command == null) {
            return plansPage(model, chosen, params, errors);
        }
        try {
            plans.define(chosen.id(), command);
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            errors.put(e.field() == null ? "general" : e.field(), e.getMessage());
            return plansPage(model, chosen, params, errors);
        }
        flash.addFlashAttribute("notice", "The price plan for " + command.serviceLine() + " is in force from "
                + YearMonth.from(command.effectiveFrom()) + ".");
        return "redirect:/billing/plans";
    }

    @GetMapping("/invoices")
    String invoices(@RequestParam(required = false) @Nullable UUID client,
                    @RequestParam(required = false) @Nullable String period,
                    @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        require(user);
        if (client != null) {
            return focus.linkTo(user, client, "/billing/invoices", model, request);
        }
        YearMonth month = month(period, YearMonth.now(clock).minusMonths(1));
        Client chosen = focus.chosen(user, request);
        model.addAttribute("client", chosen);
        model.addAttribute("month", month);
        if (chosen != null) {
            model.addAttribute("invoices", invoicing.of(chosen.id(), null, false, 200));
            model.addAttribute("contact", mail.contact(chosen.id()));
        } else {
            List<Invoice> invoices = invoicing.ofMonth(clients.ids(), month.atDay(1), 500);
            model.addAttribute("names", clients.names(invoices.stream().map(Invoice::clientId).collect(Collectors.toSet())));
            model.addAttribute("invoices", invoices);
        }
        return "billing/invoices";
    }

    /** Sets who at the client receives its issued invoices by e-mail. */
    @PostMapping("/invoices/{clientId}/contact")
    String setContact(@PathVariable UUID clientId, @RequestParam(defaultValue = "") String email,
                      @RequestParam(defaultValue = "") String name, @AuthenticationPrincipal CurrentUser user,
                      HttpServletRequest request, RedirectAttributes flash) {
        require(user);
        Client client = clients.get(clientId);
        focus.switchTo(user, clientId, request);
        SetBillingContact command = new SetBillingContact(email.strip(), name.strip());
        List<String> problems = validator.validate(command).stream()
                .map(v -> (v.getPropertyPath().toString().equals("email") ? "E-mail" : "Name") + ": " + v.getMessage())
                .sorted().toList();
        if (problems.isEmpty()) {
            mail.setContact(clientId, command);
            flash.addFlashAttribute("notice", "Issued invoices of " + client.name() + " are e-mailed to " + command.email() + ".");
        } else {
            flash.addFlashAttribute("problem", String.join("; ", problems));
            flash.addFlashAttribute("typedContact", Map.of("email", email, "name", name));
        }
        return "redirect:/billing/invoices";
    }

    @PostMapping("/invoices/{clientId}/draft")
    String draft(@PathVariable UUID clientId, @RequestParam String period, @AuthenticationPrincipal CurrentUser user,
                 RedirectAttributes flash) {
        require(user);
        clients.get(clientId);
        try {
            List<Invoice> drafted = invoicing.draft(clientId, month(period, null).atDay(1));
            flash.addFlashAttribute("notice", "Rated " + period + ": " + drafted.size() + " draft invoice(s).");
            return "redirect:/billing/invoices/" + clientId + "/" + drafted.getFirst().id();
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            flash.addFlashAttribute("problem", e.getMessage());
            return "redirect:/billing/invoices";
        }
    }

    @GetMapping("/invoices/{clientId}/{invoiceId}")
    String invoice(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user, Model model) {
        require(user);
        Client client = clients.get(clientId);
        Invoice invoice = invoicing.get(clientId, invoiceId);
        model.addAttribute("client", client);
        model.addAttribute("invoice", invoice);
        model.addAttribute("portal", false);
        model.addAttribute("contact", mail.contact(clientId));
        model.addAttribute("mailings", invoice.issued() ? mail.mailings(clientId, invoiceId) : List.of());
        return "billing/invoice";
    }

    @PostMapping("/invoices/{clientId}/{invoiceId}/send-again")
    String sendAgain(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user,
                     RedirectAttributes flash) {
        require(user);
        invoicing.get(clientId, invoiceId);
        try {
            InvoiceMailing mailing = mail.sendAgain(clientId, invoiceId);
            flash.addFlashAttribute("notice", "The invoice goes to " + mailing.recipient() + " again.");
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/billing/invoices/" + clientId + "/" + invoiceId;
    }

    @PostMapping("/invoices/{clientId}/{invoiceId}/{action:review|reopen|issue}")
    String act(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @PathVariable String action,
               @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        require(user);
        invoicing.get(clientId, invoiceId);
        try {
            Invoice after = switch (action) {
                case "review" -> invoicing.review(clientId, invoiceId);
                case "reopen" -> invoicing.reopen(clientId, invoiceId);
                default -> invoicing.issue(clientId, invoiceId);
            };
            flash.addFlashAttribute("notice", switch (action) {
                case "review" -> "The month is closed for billing and the invoice is in review.";
                case "reopen" -> "The invoice is a draft again.";
                default -> "Invoice " + after.number() + " is issued.";
            });
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/billing/invoices/" + clientId + "/" + invoiceId;
    }

    @GetMapping("/invoices/{clientId}/{invoiceId}/lines/{lineNo}")
    String usage(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @PathVariable int lineNo,
                 @RequestParam(required = false) @Nullable Long after, @AuthenticationPrincipal CurrentUser user, Model model) {
        require(user);
        Client client = clients.get(clientId);
        Invoice invoice = invoicing.get(clientId, invoiceId);
        List<UsageRecord> records = invoicing.usageBehind(clientId, invoiceId, lineNo, after == null ? 0 : after, USAGE_PAGE + 1);
        model.addAttribute("client", client);
        model.addAttribute("invoice", invoice);
        model.addAttribute("line", invoice.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst().orElseThrow());
        model.addAttribute("records", records.subList(0, Math.min(USAGE_PAGE, records.size())));
        model.addAttribute("nextAfter", records.size() > USAGE_PAGE ? records.get(USAGE_PAGE - 1).id() : null);
        return "billing/usage";
    }

    @GetMapping("/invoices/{clientId}/{invoiceId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user) {
        require(user);
        Invoice invoice = invoicing.get(clientId, invoiceId);
        return pdfResponse(invoice, pdf.render(clientId, invoiceId));
    }

    static ResponseEntity<byte[]> pdfResponse(Invoice invoice, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(InvoicePdf.fileName(invoice)).build().toString())
                .body(body);
    }

    private String plansPage(Model model, Client client, Map<String, String> form, Map<String, String> errors) {
        List<Contract> clientContracts = contracts.of(client.id());
        model.addAttribute("client", client);
        model.addAttribute("contracts", clientContracts);
        model.addAttribute("lines", contracts.serviceLines(client.id()));
        model.addAttribute("plans", plans.of(client.id(), null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("pricings", Pricing.values());
        return "billing/plans";
    }

    private Map<String, String> blankForm(Client client) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("effectiveFrom", YearMonth.now(clock.withZone(client.timeZone())).plusMonths(1).toString());
        form.put("pricing", Pricing.GRADUATED.name());
        form.put("tiers", "*: 0.00");
        form.put("taxName", "VAT");
        form.put("taxPercent", "0");
        return form;
    }

    /** Reads the plan form; tiers are one per line, "upTo: unit price", the last "*: unit price". */
    static @Nullable DefinePricePlan read(Map<String, String> params, Map<String, String> errors) {
        UUID contract = null;
        try {
            contract = UUID.fromString(params.getOrDefault("contractId", ""));
        } catch (IllegalArgumentException e) {
            errors.put("contractId", "Pick a contract.");
        }
        String serviceLine = required(params, "serviceLine", errors);
        String unit = required(params, "unit", errors);
        String taxName = required(params, "taxName", errors);
        LocalDate from = null;
        try {
            from = YearMonth.parse(params.getOrDefault("effectiveFrom", "")).atDay(1);
        } catch (DateTimeParseException e) {
            errors.put("effectiveFrom", "Give the month the price takes effect, YYYY-MM.");
        }
        List<Tier> tiers = new ArrayList<>();
        for (String row : params.getOrDefault("tiers", "").split("\\R")) {
            if (row.isBlank()) {
                continue;
            }
            String[] parts = row.split(":");
            BigDecimal price = parts.length == 2 ? decimal(parts[1], "tiers", errors) : null;
            if (parts.length != 2 || price == null) {
                errors.put("tiers", "Write one tier a line as \"up to: unit price\", the last as \"*: unit price\".");
                break;
            }
            tiers.add(new Tier(parts[0].isBlank() || parts[0].trim().equals("*") ? null : decimal(parts[0], "tiers", errors), price));
        }
        if (tiers.isEmpty()) {
            errors.putIfAbsent("tiers", "Give at least one tier, e.g. \"*: 2.50\" for a flat price per unit.");
        }
        Pricing pricing = Pricing.GRADUATED;
        try {
            pricing = Pricing.valueOf(params.getOrDefault("pricing", "GRADUATED"));
        } catch (IllegalArgumentException e) {
            errors.put("pricing", "Pick graduated or volume.");
        }
        BigDecimal tax = decimal(params.getOrDefault("taxPercent", ""), "taxPercent", errors);
        DefinePricePlan command = new DefinePricePlan(contract == null ? new UUID(0, 0) : contract, serviceLine, from == null ? LocalDate.MIN : from,
                null, unit, pricing, tiers, optional(params, "monthlyFee", errors), optional(params, "fteAgents", errors),
                optional(params, "fteHours", errors), optional(params, "fteHourlyRate", errors),
                optional(params, "minimumCommitment", errors), optional(params, "prepaidUnits", errors),
                optional(params, "prepaidFee", errors), params.containsKey("rollover"), taxName,
                tax == null ? BigDecimal.ZERO : tax, params.get("note"));
        if (tax != null && (tax.signum() < 0 || tax.compareTo(new BigDecimal("100")) > 0)) {
            errors.put("taxPercent", "Between 0 and 100.");
        }
        return errors.isEmpty() ? command : null;
    }

    private static String required(Map<String, String> params, String field, Map<String, String> errors) {
        String value = params.getOrDefault(field, "").trim();
        if (value.isEmpty()) {
            errors.put(field, "Required.");
        }
        return value;
    }

    private static @Nullable BigDecimal optional(Map<String, String> params, String field, Map<String, String> errors) {
        String value = params.getOrDefault(field, "").trim();
        if (value.isEmpty()) {
            return null;
        }
        BigDecimal number = decimal(value, field, errors);
        if (number != null && number.signum() < 0) {
            errors.put(field, "Must not be negative.");
        }
        return number;
    }

    private static @Nullable BigDecimal decimal(String text, String field, Map<String, String> errors) {
        try {
            return Decimals.parse(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "\"" + text.trim() + "\" is not a number.");
            return null;
        }
    }

    static YearMonth month(@Nullable String text, @Nullable YearMonth fallback) {
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw BusinessRuleViolation.invalid("period", "Give a month, YYYY-MM.");
            }
            return fallback;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw BusinessRuleViolation.invalid("period", text + " is not a month (YYYY-MM).");
        }
    }
}
