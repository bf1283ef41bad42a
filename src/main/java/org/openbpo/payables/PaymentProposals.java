package org.openbpo.payables;

import org.openbpo.audit.AuditTrail;
import org.openbpo.payables.PayablesEvents.PaidInvoice;
import org.openbpo.payables.PayablesEvents.PaymentsMade;
import org.openbpo.payables.domain.MinorUnits;
import org.openbpo.payables.persistence.ProposalRows;
import org.openbpo.shared.bankfile.BankAccount;
import org.openbpo.shared.bankfile.BankFile;
import org.openbpo.shared.bankfile.BankFileFormat;
import org.openbpo.shared.bankfile.BankPayment;
import org.openbpo.shared.bankfile.PaymentBatch;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.money.Money;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payment proposals and runs. The provider proposes what is due (taking the early-payment
 * discounts still open on the payment day); one of the client's approvers, never the proposer,
 * approves; the run then writes the bank file for the currency (NACHA for USD, SEPA for EUR, BACS
 * for GBP) from the vendors' approved bank details. A run is made once per proposal, and the
 * payments' primary key makes paying an invoice twice impossible even if two runs raced.
 */
@Service
public class PaymentProposals {

    private final ProposalRows rows;
    private final Vendors vendors;
    private final PayablesSetup setup;
    private final Clients clients;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentProposals(ProposalRows rows, Vendors vendors, PayablesSetup setup, Clients clients, AuditTrail audit,
                     ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.vendors = vendors;
        this.setup = setup;
        this.clients = clients;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Proposal propose(UUID client, ProposePayments command, CurrentUser by) {
        clients.get(client);
        PayablesPermissions.requireStaff(by, "propose payments");
        BankFileFormat format;
        try {
            Currency.getInstance(command.currency());
            format = BankFileFormat.forCurrency(command.currency());
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("currency", "OpenBPO writes bank files for USD (NACHA), EUR (SEPA) and GBP (BACS), not "
                    + command.currency() + ".");
        }
        if (command.payOn().isBefore(today(client))) {
            throw BusinessRuleViolation.invalid("payOn", "A payment day is today or later.");
        }
        Map<UUID, Long> parts = parts(command);
        List<ProposalRows.Payable> included = new ArrayList<>();
        List<Proposal.Held> held = new ArrayList<>();
        for (ProposalRows.Payable payable : rows.payable(client, command.currency(), command.dueBy(), command.payOn())) {
            if (!format.accountScheme().equals(payable.bankScheme())) {
                held.add(new Proposal.Held(payable.invoiceId(), payable.vendorCode(), payable.number(), payable.bankScheme() == null
                        ? "The vendor has no approved bank details." : "The vendor's bank details (" + payable.bankScheme()
                        + ") cannot be paid by " + format + "."));
                continue;
            }
            included.add(payable);
        }
        Settlement settlement = Settlement.of(included, parts, command.payOn(),
                rows.openCredits(client, command.currency(), included.stream().map(ProposalRows.Payable::vendorId).distinct()
                        .toArray(UUID[]::new)));
        List<ProposalRows.NewItem> items = settlement.items();
        long total = settlement.paid();
        long discount = settlement.discounts();
        if (items.isEmpty()) {
            throw new BusinessRuleViolation(422, "nothing-to-pay", "dueBy", "No approved " + command.currency() + " invoice is due by "
                    + command.dueBy() + (held.isEmpty() ? "." : "; " + held.size() + " held back: " + held.getFirst().reason()));
        }
        UUID id = Ids.next();
        rows.insert(client, id, command.currency(), command.dueBy(), command.payOn(), total, discount, settlement.credits(),
                clock.instant(), by.id(), by.email(), items, settlement.applied());
        audit.record(client, "payables.payments-proposed", "proposal", id, null, Map.of("currency", command.currency(),
                "invoices", items.size(), "total", MinorUnits.decimal(total, command.currency()).toPlainString(),
                "credited", MinorUnits.decimal(settlement.credits(), command.currency()).toPlainString()));
        Proposal proposal = get(client, id);
        return new Proposal(proposal.id(), proposal.currency(), proposal.dueBy(), proposal.payOn(), proposal.status(), proposal.total(),
                proposal.discount(), proposal.credited(), proposal.createdAt(), proposal.createdBy(), null, null, null, proposal.items(), List.copyOf(held));
    }

    /** The parts asked for, in minor units; each must be a positive amount at the currency's minor unit. */
    private static Map<UUID, Long> parts(ProposePayments command) {
        Map<UUID, Long> parts = new java.util.LinkedHashMap<>();
        List<ProposePayments.Part> asked = command.parts() == null ? List.of() : command.parts();
        for (int i = 0; i < asked.size(); i++) {
            ProposePayments.Part part = asked.get(i);
            String field = "parts[" + i + "].amount";
            if (part.amount().signum() <= 0) {
                throw BusinessRuleViolation.invalid(field, "A part to pay is more than zero.");
            }
            if (parts.put(part.invoiceId(), MinorUnits.exact(part.amount(), command.currency(), field)) != null) {
                throw BusinessRuleViolation.invalid("parts[" + i + "].invoiceId", "The invoice is named twice.");
            }
        }
        return parts;
    }

    @Transactional(readOnly = true)
    public Proposal get(UUID client, UUID id) {
        clients.get(client);
        return rows.find(client, id, false).orElseThrow(() -> new NotFound("payment proposal", id));
    }

    @Transactional(readOnly = true)
    public List<Proposal> latest(UUID client, int limit) {
        clients.get(client);
        return rows.page(client, limit);
    }

    @Transactional
    public Proposal approve(UUID client, UUID id, CurrentUser by) {
        clients.get(client);
        Proposal proposal = rows.find(client, id, true).orElseThrow(() -> new NotFound("payment proposal", id));
        PayablesPermissions.requireClientApprover(by, "approve payment proposals");
        if (!"DRAFT".equals(proposal.status())) {
            throw BusinessRuleViolation.conflict("proposal-not-draft", "The proposal is " + proposal.status() + ".");
        }
        requirePaymentDayAhead(client, proposal);
        rows.status(client, id, "APPROVED", clock.instant(), by.id(), by.email());
        audit.record(client, "payables.proposal-approved", "proposal", id, Map.of("status", "DRAFT"), Map.of("status", "APPROVED"));
        return get(client, id);
    }

    @Transactional
    public Proposal cancel(UUID client, UUID id, CurrentUser by) {
        clients.get(client);
        Proposal proposal = rows.find(client, id, true).orElseThrow(() -> new NotFound("payment proposal", id));
        if (by.providerStaff()) {
            PayablesPermissions.requireStaff(by, "cancel payment proposals");
        } else {
            PayablesPermissions.requireClientApprover(by, "cancel payment proposals");
        }
        if (!"DRAFT".equals(proposal.status()) && !"APPROVED".equals(proposal.status())) {
            throw BusinessRuleViolation.conflict("proposal-closed", "The proposal is " + proposal.status() + ".");
        }
        rows.status(client, id, "CANCELLED", null, null, null);
        rows.releaseInvoices(client, id);
        rows.releaseCredits(client, id);
        audit.record(client, "payables.proposal-cancelled", "proposal", id, Map.of("status", proposal.status()), Map.of("status", "CANCELLED"));
        return get(client, id);
    }

    /**
     * A proposal's amounts hold for its payment day: early-payment discounts were taken against it, and the bank
     * file asks the bank to pay on it. Once that day has passed, the proposal is cancelled and proposed again.
     */
    private void requirePaymentDayAhead(UUID client, Proposal proposal) {
        if (proposal.payOn().isBefore(today(client))) {
            throw BusinessRuleViolation.conflict("payment-day-passed", "The proposal was to pay on " + proposal.payOn()
                    + ", which has passed; its discounts and the bank's execution date no longer hold. Cancel it and propose again.");
        }
    }

    /** The day it is for the client, in its time zone. */
    private LocalDate today(UUID client) {
        return LocalDate.ofInstant(clock.instant(), clients.get(client).timeZone());
    }

    /** Runs an approved proposal: writes the bank file and records the payments. Running it again returns the same run. */
    @Transactional
    public PaymentRun run(UUID client, UUID id, CurrentUser by) {
        clients.get(client);
        Proposal proposal = rows.find(client, id, true).orElseThrow(() -> new NotFound("payment proposal", id));
        PayablesPermissions.requireStaff(by, "make payment runs");
        if (proposal.runId() != null) {
            return rows.run(client, proposal.runId()).orElseThrow();
        }
        if (!"APPROVED".equals(proposal.status())) {
            throw BusinessRuleViolation.conflict("proposal-not-approved", "The client has not approved this proposal (it is "
                    + proposal.status() + ").");
        }
        requirePaymentDayAhead(client, proposal);
        BankFileFormat format = BankFileFormat.forCurrency(proposal.currency());
        List<ProposalRows.RunItem> items = rows.runItems(client, id);
        Map<UUID, BankAccount> accounts = vendors.accounts(client, items.stream().map(ProposalRows.RunItem::vendorId).distinct().toList());
        Currency currency = Currency.getInstance(proposal.currency());
        List<BankPayment> payments = new ArrayList<>();
        long total = 0;
        for (ProposalRows.RunItem item : items) {
            if (item.payMinor() == 0) {
                continue; // settled wholly by the vendor's credit: nothing goes to the bank
            }
            BankAccount account = accounts.get(item.vendorId());
            if (account == null || !account.scheme().equals(format.accountScheme())) {
                throw BusinessRuleViolation.conflict("bank-details-changed", "Vendor " + item.vendorCode()
                        + " no longer has approved " + format + " bank details; cancel the proposal and propose again.");
            }
            payments.add(new BankPayment(item.vendorName(), account, new Money(MinorUnits.decimal(item.payMinor(), proposal.currency()),
                    currency), item.number()));
            total += item.payMinor();
        }
        UUID runId = Ids.next();
        Instant now = clock.instant();
        String reference = "AP" + DateTimeFormatter.BASIC_ISO_DATE.format(proposal.payOn()) + runId.toString().substring(28).toUpperCase();
        String fileName = "no-bank-payments.txt";
        byte[] content = "Every invoice of this run was settled by the vendors' credit notes; nothing goes to the bank.\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!payments.isEmpty()) {
            try {
                BankFile file = format.write(new PaymentBatch(setup.originator(client), proposal.payOn(), reference, "PAYABLES", now, payments));
                fileName = file.fileName();
                content = file.content();
            } catch (IllegalArgumentException refused) {
                throw BusinessRuleViolation.conflict("bank-file-refused", refused.getMessage());
            }
        }
        rows.insertRun(client, runId, id, format.name(), fileName, content, proposal.payOn(), items, total, now, by.email());
        rows.status(client, id, "PAID", null, null, null);
        events.publishEvent(new PaymentsMade(client, runId, proposal.payOn(), items.stream().map(item -> new PaidInvoice(item.invoiceId(),
                item.vendorCode(), item.number(), proposal.currency(), item.settlesMinor(), item.discountMinor(), item.creditMinor(),
                item.settledMinor() == 0 && item.settlesMinor() == item.amountMinor())).toList()));
        audit.record(client, "payables.payment-run", "payment-run", runId, null, Map.of("proposal", id.toString(), "format", format.name(),
                "payments", items.size(), "total", MinorUnits.decimal(total, proposal.currency()).toPlainString()));
        return rows.run(client, runId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PaymentRun runOf(UUID client, UUID runId) {
        clients.get(client);
        return rows.run(client, runId).orElseThrow(() -> new NotFound("payment run", runId));
    }

    @Transactional(readOnly = true)
    public byte[] file(UUID client, UUID runId, CurrentUser by) {
        runOf(client, runId);
        PayablesPermissions.requireStaff(by, "download bank files");
        return rows.file(client, runId).orElseThrow();
    }
}
