package org.openbpo.web.ui;

import org.openbpo.billing.Invoice;
import org.openbpo.billing.InvoicePdf;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.Metering;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;

/**
 * What a client sees of its bill: this month's usage so far, what is left of its prepaid banks,
 * and its issued invoices and credit notes with their PDFs. Drafts never show here.
 */
@Controller
@RequestMapping("/portal/billing")
class PortalBillingPages {

    private final Invoicing invoicing;
    private final Metering metering;
    private final InvoicePdf pdf;
    private final Clients clients;
    private final Clock clock;

    PortalBillingPages(Invoicing invoicing, Metering metering, InvoicePdf pdf, Clients clients, Clock clock) {
        this.invoicing = invoicing;
        this.metering = metering;
        this.pdf = pdf;
        this.clients = clients;
        this.clock = clock;
    }

    @GetMapping
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        Client own = own(user);
        YearMonth month = YearMonth.now(clock.withZone(own.timeZone()));
        model.addAttribute("client", own);
        model.addAttribute("month", month);
        model.addAttribute("usage", metering.summary(own.id(), month.atDay(1)));
        model.addAttribute("allowances", invoicing.allowances(own.id(), month.atDay(1)));
        model.addAttribute("invoices", invoicing.of(own.id(), null, true, 100));
        return "billing/portal";
    }

    @GetMapping("/invoices/{invoiceId}")
    String invoice(@PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user, Model model) {
        Client own = own(user);
        model.addAttribute("client", own);
        model.addAttribute("invoice", issued(own, invoiceId));
        model.addAttribute("portal", true);
        return "billing/invoice";
    }

    @GetMapping("/invoices/{invoiceId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user) {
        Client own = own(user);
        Invoice invoice = issued(own, invoiceId);
        return BillingPages.pdfResponse(invoice, pdf.render(own.id(), invoiceId));
    }

    private Invoice issued(Client own, UUID invoiceId) {
        Invoice invoice = invoicing.get(own.id(), invoiceId);
        if (!invoice.issued()) {
            throw new NotFound("invoice", invoiceId);
        }
        return invoice;
    }

    private Client own(CurrentUser user) {
        if (user.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "The billing portal is for the client's own people.");
        }
        return clients.get(user.clientId());
    }
}
