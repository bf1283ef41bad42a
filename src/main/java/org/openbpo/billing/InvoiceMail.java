package org.openbpo.billing;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.billing.mail.InvoiceMailSender;
import org.openbpo.billing.persistence.InvoiceRows;
import org.openbpo.billing.persistence.MailRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.shared.tenant.Actor;
import org.openbpo.tenancy.Clients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Invoices by e-mail: each issued invoice or credit note goes, as its PDF, to the client's billing
 * contact from the provider's billing address. The mail is queued in the transaction that issues
 * the document (or asks for it again) and sent after commit through an outbox, so a crash never loses
 * it and two nodes never send one row twice.
 */
@Service
public class InvoiceMail {

    public static final String SECRET_CONTEXT = "billing.mail-server";

    private final MailRows rows;
    private final InvoiceRows invoices;
    private final Clients clients;
    private final Secrets secrets;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<InvoiceMailSender> sender;

    InvoiceMail(MailRows rows, InvoiceRows invoices, Clients clients, Secrets secrets, AuditTrail audit, Clock clock,
                ObjectProvider<InvoiceMailSender> sender) {
        this.rows = rows;
        this.invoices = invoices;
        this.clients = clients;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
        this.sender = sender;
    }

    @Transactional(readOnly = true)
    public @Nullable BillingContact contact(UUID clientId) {
        clients.get(clientId);
        return rows.contact(clientId).orElse(null);
    }

    @Transactional
    public BillingContact setContact(UUID clientId, SetBillingContact command) {
        clients.get(clientId);
        BillingContact before = rows.contact(clientId).orElse(null);
        BillingContact contact = new BillingContact(clientId, command.email().strip(), command.name().strip(), clock.instant(),
                Actor.name());
        rows.saveContact(contact);
        audit.record(clientId, "billing.contact-set", "billing-contact", clientId, before, contact);
        return contact;
    }

    @Transactional(readOnly = true)
    public @Nullable BillingMailServer server() {
        return rows.server().map(InvoiceMail::shown).orElse(null);
    }

    /**
     * Sets the provider's mail server. Without a new password the one kept before stays, but only for the same login
     * on the same server: a password is never handed to a server it was not given for. Only administrators serving every
     * client set it, so it may be a relay on the provider's own network, unchecked by
     * {@link org.openbpo.shared.mail.PublicHosts}.
     */
    @Transactional
    public BillingMailServer setServer(SetBillingMailServer command) {
        MailRows.StoredServer before = rows.server().orElse(null);
        String host = command.host().strip();
        String username = command.username() == null || command.username().isBlank() ? null : command.username().strip();
        byte[] sealed;
        if (command.password() != null && !command.password().isEmpty()) {
            sealed = secrets.seal(command.password(), SECRET_CONTEXT);
        } else if (username == null || before == null || before.sealedPassword() == null) {
            sealed = null;
        } else if (host.equalsIgnoreCase(before.host()) && command.port() == before.port() && command.security() == before.security()
                && username.equals(before.username())) {
            sealed = before.sealedPassword();
        } else {
            throw BusinessRuleViolation.invalid("password", "give the password again: the one kept is for " + before.username()
                    + " at " + before.host() + ":" + before.port() + " (" + before.security() + "), not for this server");
        }
        MailRows.StoredServer server = new MailRows.StoredServer(host, command.port(), command.security(), username, sealed,
                command.fromAddress().strip(), command.fromName().strip(), clock.instant(), Actor.name());
        rows.saveServer(server);
        BillingMailServer shown = shown(server);
        audit.record(AuditTrail.PROVIDER, "billing.mail-server-set", "billing-mail-server", "provider",
                before == null ? null : shown(before), shown);
        // Mails that waited for a server (or failed on the old one) go now rather than on the next tick.
        afterCommit(() -> sender.getObject().sendDueSoon());
        return shown;
    }

    /** Queues the issued documents for their billing contacts; nothing for a client without one (the issue still stands). */
    void queueOnIssue(List<Invoice> issued) {
        if (issued.isEmpty()) {
            return;
        }
        Map<UUID, BillingContact> contacts = rows.contacts(issued.stream().map(Invoice::clientId).distinct().toList());
        for (Invoice invoice : issued) {
            BillingContact contact = contacts.get(invoice.clientId());
            if (contact != null) {
                queue(invoice, InvoiceMailing.Reason.ISSUED, contact);
            }
        }
    }

    /** Sends an issued invoice or credit note to the billing contact again; recorded in the audit trail. */
    @Transactional
    public InvoiceMailing sendAgain(UUID clientId, UUID invoiceId) {
        Invoice invoice = invoices.find(clientId, invoiceId).orElseThrow(() -> new NotFound("invoice", invoiceId));
        if (!invoice.issued()) {
            throw BusinessRuleViolation.conflict("invoice-not-issued", "Only an issued invoice is sent; this one is "
                    + invoice.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        BillingContact contact = rows.contact(clientId).orElseThrow(() -> new BusinessRuleViolation(409, "no-billing-contact",
                "billingContact", "The client has no billing contact to send the invoice to; set one first."));
        InvoiceMailing mailing = queue(invoice, InvoiceMailing.Reason.SENT_AGAIN, contact);
        audit.record(clientId, "invoice.sent-again", "invoice", invoiceId, null,
                Map.of("number", String.valueOf(invoice.number()), "recipient", contact.email(), "mail", mailing.id().toString()));
        return mailing;
    }

    @Transactional(readOnly = true)
    public List<InvoiceMailing> mailings(UUID clientId, UUID invoiceId) {
        invoices.find(clientId, invoiceId).orElseThrow(() -> new NotFound("invoice", invoiceId));
        return rows.ofInvoice(clientId, invoiceId);
    }

    private InvoiceMailing queue(Invoice invoice, InvoiceMailing.Reason reason, BillingContact contact) {
        Instant now = clock.instant();
        UUID id = Ids.next();
        InvoiceMailing mailing = new InvoiceMailing(id, invoice.id(), reason, "<invoice-" + id + "@openbpo.mail>", contact.email(),
                InvoiceMailing.Status.PENDING, 0, null, now, Actor.name(), null);
        if (rows.queue(invoice.clientId(), mailing)) {
            afterCommit(() -> sender.getObject().nudge(invoice.clientId(), id));
        }
        return mailing;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }

    private static BillingMailServer shown(MailRows.StoredServer server) {
        return new BillingMailServer(server.host(), server.port(), server.security(), server.username(),
                server.sealedPassword() != null, server.fromAddress(), server.fromName(), server.updatedAt(), server.updatedBy());
    }
}
