package org.openbpo.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openbpo.billing.BillingContact;
import org.openbpo.billing.BillingMailServer;
import org.openbpo.billing.InvoiceMail;
import org.openbpo.billing.InvoiceMailing;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.SetBillingContact;
import org.openbpo.billing.SetBillingMailServer;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Billing: invoice e-mail", description = "The client's billing contact, the provider's mail server, sending invoices again")
class InvoiceMailApi {

    private final InvoiceMail mail;
    private final Invoicing invoicing;
    private final Clients clients;

    InvoiceMailApi(InvoiceMail mail, Invoicing invoicing, Clients clients) {
        this.mail = mail;
        this.invoicing = invoicing;
        this.clients = clients;
    }

    @GetMapping("/api/v1/clients/{clientId}/billing-contact")
    @Operation(summary = "Who at the client receives its invoices by e-mail")
    BillingContact contact(@PathVariable UUID clientId) {
        BillingContact contact = mail.contact(clientId);
        if (contact == null) {
            throw new NotFound("billing contact", clientId);
        }
        return contact;
    }

    @PutMapping("/api/v1/clients/{clientId}/billing-contact")
    @Operation(summary = "Set who at the client receives its invoices by e-mail (billing staff)")
    BillingContact setContact(@PathVariable UUID clientId, @Valid @RequestBody SetBillingContact request,
                              @AuthenticationPrincipal CurrentUser user) {
        clients.get(clientId);
        BillingStaff.require(user, "set a client's billing contact");
        return mail.setContact(clientId, request);
    }

    @PostMapping("/api/v1/clients/{clientId}/invoices/{invoiceId}/mailings")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send an issued invoice or credit note to the billing contact again (audited)")
    InvoiceMailing sendAgain(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user) {
        BillingStaff.visible(invoicing.get(clientId, invoiceId), user);
        BillingStaff.require(user, "send invoices");
        return mail.sendAgain(clientId, invoiceId);
    }

    @GetMapping("/api/v1/clients/{clientId}/invoices/{invoiceId}/mailings")
    @Operation(summary = "Every e-mail of an invoice: when, to whom, sent or still waiting, and why it failed")
    List<InvoiceMailing> mailings(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user) {
        BillingStaff.visible(invoicing.get(clientId, invoiceId), user);
        BillingStaff.require(user, "see invoice mailings");
        return mail.mailings(clientId, invoiceId);
    }

    @GetMapping("/api/v1/billing/mail-server")
    @Operation(summary = "The provider's outgoing mail server for invoices (administrators; never the password)")
    BillingMailServer server(@AuthenticationPrincipal CurrentUser user) {
        requireProviderAdministrator(user, "see");
        BillingMailServer server = mail.server();
        if (server == null) {
            throw new NotFound("billing mail server", "provider");
        }
        return server;
    }

    @PutMapping("/api/v1/billing/mail-server")
    @Operation(summary = "Set the provider's outgoing mail server and billing address (administrators)")
    BillingMailServer setServer(@Valid @RequestBody SetBillingMailServer request, @AuthenticationPrincipal CurrentUser user) {
        requireProviderAdministrator(user, "set");
        return mail.setServer(request);
    }

    /** The server carries every client's invoices and the provider's mail password: administrators of the whole provider only. */
    private static void requireProviderAdministrator(CurrentUser user, String what) {
        user.requireAny(what + " the billing mail server", Role.ADMINISTRATOR);
        if (!user.providerAdministrator()) {
            throw new BusinessRuleViolation(403, "forbidden", null,
                    "Only administrators who serve every client may " + what + " the billing mail server.");
        }
    }
}
