package org.openbpo.billing;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.billing.domain.InvoiceCalculation;
import org.openbpo.billing.domain.InvoiceCalculation.Charge;
import org.openbpo.billing.domain.InvoiceCalculation.Credit;
import org.openbpo.billing.domain.InvoiceCalculation.OneOff;
import org.openbpo.billing.domain.InvoiceCalculation.PlanInForce;
import org.openbpo.billing.domain.InvoiceCalculation.Result;
import org.openbpo.billing.domain.InvoiceCalculation.Tax;
import org.openbpo.billing.domain.InvoiceCalculation.Usage;
import org.openbpo.billing.domain.PrepaidBank;
import org.openbpo.billing.persistence.CreditRows;
import org.openbpo.billing.persistence.EarnBackRows;
import org.openbpo.billing.persistence.InvoiceRows;
import org.openbpo.billing.persistence.InvoiceRows.Existing;
import org.openbpo.billing.persistence.PlanRows;
import org.openbpo.billing.persistence.UsageRows;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.money.Money;
import org.openbpo.shared.tenant.Actor;
import org.openbpo.tenancy.Clients;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rates a client's month into invoices (one per currency of its contracts) and takes them through
 * draft → review → issue. A draft may be rated again as usage arrives; review closes the month for
 * billing (later usage is carried into the next month) and rates it one last time; issue numbers it
 * without gaps and makes it final. Corrections are credit notes.
 */
@Service
public class Invoicing {

    static final String INVOICE_SERIES = "INV";
    static final String CREDIT_NOTE_SERIES = "CN";

    private final InvoiceRows invoices;
    private final PlanRows plans;
    private final CreditRows credits;
    private final UsageRows usage;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final InvoiceMail mail;
    private final EarnBackRows earnBacks;
    private final Contracts contracts;

    Invoicing(InvoiceRows invoices, PlanRows plans, CreditRows credits, UsageRows usage, Clients clients, AuditTrail audit,
              Clock clock, ApplicationEventPublisher events, InvoiceMail mail, EarnBackRows earnBacks, Contracts contracts) {
        this.invoices = invoices;
        this.plans = plans;
        this.credits = credits;
        this.usage = usage;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.mail = mail;
        this.earnBacks = earnBacks;
        this.contracts = contracts;
    }

    /** Rates the month into draft invoices (or rates the existing drafts again). */
    @Transactional
    public List<Invoice> draft(UUID clientId, LocalDate period) {
        clients.get(clientId);
        LocalDate month = period.withDayOfMonth(1);
        List<UUID> ids = rate(List.of(clientId), month);
        if (ids.isEmpty()) {
            boolean frozen = invoices.invoicesOf(List.of(clientId), month).stream().anyMatch(i -> i.status() != InvoiceStatus.DRAFT);
            throw frozen
                    ? BusinessRuleViolation.conflict("invoice-not-draft", "The invoice of " + month.getYear() + "-"
                    + String.format("%02d", month.getMonthValue()) + " is already in review or issued; reopen it to rate it again.")
                    : BusinessRuleViolation.invalid("period", "nothing to invoice: no price plan in force, no usage, fee or credit in that month");
        }
        return ids.stream().map(id -> get(clientId, id)).toList();
    }

    /** Closes the month for billing, rates it one last time and puts the invoice up for review. */
    @Transactional
    public Invoice review(UUID clientId, UUID invoiceId) {
        Invoice invoice = get(clientId, invoiceId);
        switch (invoice.status()) {
            case ISSUED -> throw alreadyIssued(invoice);
            case REVIEW -> throw BusinessRuleViolation.conflict("invoice-in-review", "The invoice is already in review.");
            case DRAFT -> {
            }
        }
        closeMonthOf(clientId, invoice.period());
        rate(List.of(clientId), invoice.period());
        invoices.markReviewed(clientId, invoiceId, clock.instant(), Actor.name());
        Invoice after = get(clientId, invoiceId);
        audit.record(clientId, "invoice.reviewed", "invoice", invoiceId, null, summary(after));
        return after;
    }

    /** Takes an invoice in review back to draft; the month opens for billing again. */
    @Transactional
    public Invoice reopen(UUID clientId, UUID invoiceId) {
        Invoice invoice = get(clientId, invoiceId);
        if (invoice.status() == InvoiceStatus.ISSUED) {
            throw alreadyIssued(invoice);
        }
        if (invoices.reopen(clientId, invoiceId) == 0) {
            throw BusinessRuleViolation.conflict("invoice-not-in-review", "Only an invoice in review can be reopened.");
        }
        usage.lockMonth(clientId, invoice.period(), true);
        if (invoices.invoicesOf(List.of(clientId), invoice.period()).stream().allMatch(i -> i.status() == InvoiceStatus.DRAFT)) {
            usage.reopen(clientId, invoice.period());
        }
        audit.record(clientId, "invoice.reopened", "invoice", invoiceId, null, null);
        return get(clientId, invoiceId);
    }

    /** Numbers the reviewed invoice (gap-free, per provider) and makes it final. */
    @Transactional
    public Invoice issue(UUID clientId, UUID invoiceId) {
        Invoice invoice = get(clientId, invoiceId);
        switch (invoice.status()) {
            case ISSUED -> throw alreadyIssued(invoice);
            case DRAFT -> throw BusinessRuleViolation.conflict("invoice-not-reviewed",
                    "A draft is reviewed before it is issued (POST …/review).");
            case REVIEW -> {
            }
        }
        Instant now = clock.instant();
        LocalDate today = clients.dayAt(clientId, now);
        long number = invoices.nextNumbers(INVOICE_SERIES, today.getYear(), 1);
        String formatted = number(INVOICE_SERIES, today.getYear(), number);
        if (invoices.markIssued(clientId, invoiceId, formatted, now, today, Actor.name()) != 1) {
            throw BusinessRuleViolation.conflict("invoice-changed", "The invoice was issued or reopened meanwhile; look at it again.");
        }
        Invoice after = get(clientId, invoiceId);
        audit.record(clientId, "invoice.issued", "invoice", invoiceId, null, summary(after));
        issued(after);
        return after;
    }

    /** A credit note against an issued invoice, issued at once with its own gap-free number. */
    @Transactional
    public Invoice creditNote(UUID clientId, UUID invoiceId, IssueCreditNote command) {
        // Credit notes against one invoice are issued one at a time, so two at once cannot both credit the same line.
        invoices.lock(clientId, invoiceId);
        Invoice invoice = get(clientId, invoiceId);
        if (invoice.kind() != InvoiceKind.INVOICE || !invoice.issued()) {
            throw BusinessRuleViolation.conflict("invoice-not-issued", "Only an issued invoice is corrected by a credit note;"
                    + " a draft or one in review is simply rated again.");
        }
        Set<Integer> credited = new HashSet<>(invoices.creditedLines(clientId, invoiceId));
        Map<Integer, InvoiceLine> byNumber = invoice.lines().stream().collect(Collectors.toMap(InvoiceLine::lineNo, Function.identity()));
        List<Integer> chosen = command.lines() == null || command.lines().isEmpty()
                ? invoice.lines().stream().map(InvoiceLine::lineNo).filter(n -> !credited.contains(n)).toList()
                : command.lines();
        if (chosen.isEmpty()) {
            throw BusinessRuleViolation.conflict("invoice-fully-credited", "Every line of " + invoice.number() + " has been credited already.");
        }
        Currency currency = Currency.getInstance(invoice.currency());
        List<Charge> charges = new ArrayList<>();
        List<Integer> corrected = new ArrayList<>();
        for (Integer lineNo : chosen) {
            InvoiceLine line = byNumber.get(lineNo);
            if (line == null) {
                throw BusinessRuleViolation.invalid("lines", "invoice " + invoice.number() + " has no line " + lineNo);
            }
            if (credited.contains(lineNo) || corrected.contains(lineNo)) {
                throw new BusinessRuleViolation(409, "line-already-credited", "lines", "Line " + lineNo + " of "
                        + invoice.number() + " has been credited already.");
            }
            charges.add(credit(line, invoiceId, currency));
            corrected.add(lineNo);
        }
        Money subtotal = charges.stream().map(Charge::amount).reduce(Money.zero(currency), Money::plus);
        // The tax of everything credited so far, less what earlier notes credited: notes line by line add up to the
        // invoice's tax to the cent, as the invoice rounded its tax once per rate.
        List<Charge> earlier = credited.stream().map(byNumber::get).filter(Objects::nonNull)
                .map(line -> credit(line, invoiceId, currency)).toList();
        List<Charge> soFar = new ArrayList<>(earlier);
        soFar.addAll(charges);
        Money tax = InvoiceCalculation.taxOf(soFar, currency).minus(InvoiceCalculation.taxOf(earlier, currency));
        UUID id = Ids.next();
        Instant now = clock.instant();
        invoices.insert(clientId, id, InvoiceKind.CREDIT_NOTE, invoice.period(), invoice.currency(), InvoiceStatus.REVIEW,
                invoiceId, command.reason(), subtotal.amount(), tax.amount(), subtotal.plus(tax).amount(), 0, now, Actor.name());
        List<InvoiceRows.NewLine> lines = new ArrayList<>();
        for (int i = 0; i < charges.size(); i++) {
            lines.add(new InvoiceRows.NewLine(clientId, id, i + 1, charges.get(i), corrected.get(i)));
        }
        invoices.insertLines(lines);
        LocalDate today = clients.dayAt(clientId, now);
        long number = invoices.nextNumbers(CREDIT_NOTE_SERIES, today.getYear(), 1);
        invoices.markIssued(clientId, id, number(CREDIT_NOTE_SERIES, today.getYear(), number), now, today, Actor.name());
        Invoice note = get(clientId, id);
        audit.record(clientId, "credit-note.issued", "invoice", id, null, summary(note));
        issued(note);
        return note;
    }

    @Transactional(readOnly = true)
    public Invoice get(UUID clientId, UUID invoiceId) {
        return invoices.find(clientId, invoiceId).orElseThrow(() -> new NotFound("invoice", invoiceId));
    }

    /** A client's invoices and credit notes, newest month first (without lines). */
    @Transactional(readOnly = true)
    public List<Invoice> of(UUID clientId, @Nullable LocalDate period, boolean issuedOnly, int limit) {
        clients.get(clientId);
        return invoices.list(clientId, period == null ? null : period.withDayOfMonth(1), issuedOnly, limit);
    }

    /** The invoices of a month for the clients given (row-level security hides the rest). */
    @Transactional(readOnly = true)
    public List<Invoice> ofMonth(List<UUID> clientIds, LocalDate period, int limit) {
        return invoices.ofMonth(clientIds, period.withDayOfMonth(1), limit);
    }

    /** The usage records behind a usage line, by id after {@code afterId}. */
    @Transactional(readOnly = true)
    public List<UsageRecord> usageBehind(UUID clientId, UUID invoiceId, int lineNo, long afterId, int limit) {
        Invoice invoice = get(clientId, invoiceId);
        InvoiceLine line = invoice.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new NotFound("invoice line", lineNo));
        if (line.kind() != LineKind.USAGE || line.unit() == null) {
            throw BusinessRuleViolation.invalid("lineNo", "line " + lineNo + " is a " + line.kind() + " line; only usage lines have usage behind them");
        }
        return usage.behind(clientId, invoice.period(), line.serviceLine(), line.unit(), afterId, limit);
    }

    /** Each prepaid bank of the month so far: allowance, carried in, used, remaining, overage. */
    @Transactional(readOnly = true)
    public List<PrepaidAllowance> allowances(UUID clientId, LocalDate period) {
        clients.get(clientId);
        LocalDate month = period.withDayOfMonth(1);
        Map<String, BigDecimal> carried = new HashMap<>();
        invoices.carriedOut(List.of(clientId), month.minusMonths(1)).forEach(c -> carried.put(bankOf(c), c.units()));
        Map<String, BigDecimal> used = new HashMap<>();
        List<PrepaidAllowance> result = new ArrayList<>();
        List<PricePlan> inForce = plans.inForce(List.of(clientId), month);
        usage.totals(List.of(clientId), month).forEach(t -> inForce.stream()
                .filter(p -> p.serviceLine().equals(t.serviceLine()) && p.unit().equals(t.unit()))
                .findFirst().ifPresent(p -> used.put(p.serviceLine(), t.quantity())));
        for (PricePlan plan : inForce) {
            BigDecimal carriedIn = carried.getOrDefault(bankOf(plan), BigDecimal.ZERO);
            if (plan.prepaidUnits().signum() == 0 && carriedIn.signum() == 0) {
                continue;
            }
            PrepaidBank bank = PrepaidBank.drawDown(plan.prepaidUnits(), carriedIn, used.getOrDefault(plan.serviceLine(), BigDecimal.ZERO),
                    plan.rollsOverAfter(month));
            result.add(new PrepaidAllowance(plan.serviceLine(), plan.unit(), month, plain(bank.allowance()), plain(bank.carriedIn()),
                    plain(bank.used()), plain(bank.remaining()), plain(bank.overage()), plan.rollsOverAfter(month)));
        }
        return result;
    }

    /**
     * Month end for many clients at once: closes the month for each, rates it set-based (one pass
     * over the month's usage) and puts every draft up for review. Returns the invoices reviewed.
     */
    @Transactional
    public int closeMonth(List<UUID> clientIds, LocalDate period) {
        LocalDate month = period.withDayOfMonth(1);
        for (UUID clientId : clientIds) {
            closeMonthOf(clientId, month);
        }
        rate(clientIds, month);
        return invoices.reviewAll(clientIds, month, clock.instant(), Actor.name());
    }

    /**
     * The currency of a service line with no price plan in force in a month: that of the contract carrying the line
     * in the month (the one holding it on the month's last day, else the one that held it last); else the newest
     * contract carrying it; the client's when no contract carries it. A renewal may
     * be in another currency than the contract it took the line over from.
     */
    private String unplannedCurrency(UUID clientId, String serviceLine, LocalDate month) {
        LocalDate first = month.withDayOfMonth(1);
        LocalDate last = first.plusMonths(1).minusDays(1);
        List<Contract> carrying = contracts.of(clientId).stream() // newest first
                .filter(contract -> contract.serviceLines().stream().anyMatch(line -> line.code().equals(serviceLine)))
                .toList();
        return carrying.stream()
                .filter(c -> !c.startsOn().isAfter(last) && (c.endsOn() == null || !c.endsOn().isBefore(first)))
                .max(java.util.Comparator.comparing((Contract c) -> c.endsOn() == null ? LocalDate.MAX : c.endsOn()))
                .or(() -> carrying.stream().findFirst())
                .map(Contract::currency)
                .orElseGet(() -> clients.get(clientId).currency().getCurrencyCode());
    }

    /** A credit note's line taking back one line of an invoice. */
    private static Charge credit(InvoiceLine line, UUID invoiceId, Currency currency) {
        return new Charge(LineKind.CORRECTION, line.serviceLine(), line.unit(), "Credit for line " + line.lineNo() + ": "
                + line.description(), line.quantity(), line.billedQuantity(), new Money(line.amount(), currency).negate(),
                line.taxName(), line.taxPercent(), 0, invoiceId);
    }

    /** Issues every reviewed invoice of the month for the clients given, numbered in one go. */
    @Transactional
    public int issueMonth(List<UUID> clientIds, LocalDate period) {
        Instant now = clock.instant();
        List<InvoiceRows.Locked> locked = invoices.lockInReview(clientIds, period.withDayOfMonth(1));
        if (locked.isEmpty()) {
            return 0;
        }
        // each client's invoices are dated on its own business day (clients far from UTC may be a day apart), and
        // numbered in the series of that day's year: one numbering statement per day, not per client; the days of all
        // the clients with invoices in one look-up
        Map<UUID, LocalDate> dayOf = clients.daysAt(locked.stream().map(InvoiceRows.Locked::clientId).distinct().toList(), now);
        Map<LocalDate, List<InvoiceRows.Locked>> byDay = new java.util.TreeMap<>();
        for (InvoiceRows.Locked invoice : locked) {
            byDay.computeIfAbsent(dayOf.get(invoice.clientId()), d -> new ArrayList<>()).add(invoice);
        }
        List<InvoiceRows.Existing> issued = new ArrayList<>();
        for (Map.Entry<LocalDate, List<InvoiceRows.Locked>> day : byDay.entrySet()) {
            List<InvoiceRows.Locked> ofDay = day.getValue();
            int year = day.getKey().getYear();
            long first = invoices.nextNumbers(INVOICE_SERIES, year, ofDay.size());
            issued.addAll(invoices.issueAll(ofDay.stream().map(InvoiceRows.Locked::clientId).distinct().toList(),
                    ofDay.stream().map(InvoiceRows.Locked::id).toList(), INVOICE_SERIES + "-" + year + "-", first, now,
                    day.getKey(), Actor.name()));
        }
        if (issued.size() != locked.size()) {
            throw new IllegalStateException("Issued " + issued.size() + " invoices for " + locked.size() + " numbers reserved");
        }
        // Read back in two statements and told in one event: month end stays set-based.
        List<Invoice> documents = invoices.findAll(issued.stream().map(InvoiceRows.Existing::clientId).distinct().toList(),
                issued.stream().map(InvoiceRows.Existing::id).toList());
        events.publishEvent(new InvoicesIssued(documents.stream().map(this::event).toList()));
        mail.queueOnIssue(documents);
        return issued.size();
    }

    /**
     * Tells the provider's books and the client's billing contact, in the issuing transaction: the
     * event is kept in the publication registry until the books have it, the mail waits in the outbox.
     */
    private void issued(Invoice invoice) {
        events.publishEvent(event(invoice));
        mail.queueOnIssue(List.of(invoice));
    }

    private InvoiceIssued event(Invoice invoice) {
        Map<Integer, LineKind> corrected = new HashMap<>();
        if (invoice.corrects() != null) {
            get(invoice.clientId(), invoice.corrects()).lines().forEach(l -> corrected.put(l.lineNo(), l.kind()));
        }
        List<InvoiceIssued.Line> lines = invoice.lines().stream().map(l -> new InvoiceIssued.Line(l.lineNo(),
                l.kind() == LineKind.CORRECTION && l.correctsLine() != null
                        ? corrected.getOrDefault(l.correctsLine(), LineKind.CORRECTION) : l.kind(),
                l.serviceLine(), l.amount())).toList();
        return new InvoiceIssued(invoice.clientId(), invoice.id(), invoice.kind(), java.util.Objects.requireNonNull(invoice.number()),
                java.util.Objects.requireNonNull(invoice.issuedOn()), invoice.period(), invoice.currency(), invoice.subtotal(),
                invoice.tax(), invoice.total(), lines);
    }

    private void closeMonthOf(UUID clientId, LocalDate month) {
        usage.lockMonth(clientId, month, true);
        usage.close(clientId, month, clock.instant(), Actor.name());
    }

    /** Rates the month for the clients given into draft invoices; invoices in review or issued are left alone. */
    private List<UUID> rate(List<UUID> clientIds, LocalDate month) {
        Map<UUID, List<Existing>> existing = invoices.invoicesOf(clientIds, month).stream()
                .collect(Collectors.groupingBy(Existing::clientId));
        List<UUID> draftIds = existing.values().stream().flatMap(List::stream)
                .filter(e -> e.status() == InvoiceStatus.DRAFT).map(Existing::id).toList();
        Map<UUID, List<PricePlan>> plansOf = plans.inForce(clientIds, month).stream().collect(Collectors.groupingBy(PricePlan::clientId));
        Map<UUID, List<UsageRows.Total>> usageOf = usage.totals(clientIds, month).stream()
                .collect(Collectors.groupingBy(UsageRows.Total::clientId));
        List<OneOffFee> monthsFees = credits.fees(clientIds, month);
        Map<UUID, List<OneOffFee>> feesOf = monthsFees.stream().collect(Collectors.groupingBy(OneOffFee::clientId));
        Map<PlanRows.ContractLine, Tax> feeTaxes = plans.taxOfContractLines(monthsFees.stream()
                .map(f -> new PlanRows.ContractLine(f.clientId(), f.contractId(), f.serviceLine())).distinct().toList(), month);
        Map<UUID, List<ServiceCredit>> creditsOf = credits.owed(clientIds, month, draftIds).stream()
                .collect(Collectors.groupingBy(ServiceCredit::clientId));
        Map<UUID, List<EarnBack>> earnBacksOf = earnBacks.owed(clientIds, month, draftIds).stream()
                .collect(Collectors.groupingBy(EarnBack::clientId));
        Map<String, BigDecimal> carried = new HashMap<>();
        invoices.carriedOut(clientIds, month.minusMonths(1)).forEach(c -> carried.put(bankOf(c), c.units()));

        Instant now = clock.instant();
        String by = Actor.name();
        List<UUID> rated = new ArrayList<>();
        List<InvoiceRows.NewLine> lines = new ArrayList<>();
        List<InvoiceRows.NewBankMonth> banks = new ArrayList<>();
        List<UUID> auditClients = new ArrayList<>();
        List<String> auditIds = new ArrayList<>();
        List<Object> auditAfters = new ArrayList<>();
        for (UUID clientId : clientIds) {
            List<PricePlan> clientPlans = plansOf.getOrDefault(clientId, List.of());
            Map<String, String> currencyOfLine = new HashMap<>();
            clientPlans.forEach(p -> currencyOfLine.put(p.serviceLine(), p.currency()));
            Function<String, String> currencyOf = line -> currencyOfLine.computeIfAbsent(line, l -> unplannedCurrency(clientId, l, month));
            Map<String, Group> groups = new LinkedHashMap<>();
            clientPlans.forEach(p -> groups.computeIfAbsent(p.currency(), c -> new Group()).plans.add(
                    new PlanInForce(p, carried.getOrDefault(bankOf(p), BigDecimal.ZERO))));
            usageOf.getOrDefault(clientId, List.of()).forEach(t -> groups.computeIfAbsent(currencyOf.apply(t.serviceLine()),
                    c -> new Group()).usage.add(new Usage(t.serviceLine(), t.unit(), t.quantity(), t.records())));
            // a one-off fee belongs to its contract and is invoiced in that contract's currency, whichever plan prices the
            // line this month (after a renewal in another currency, an ended contract's exit fee stays in its own), and
            // taxed as its own contract's plan for the line taxes it
            Map<UUID, String> currencyOfContract = new HashMap<>();
            feesOf.getOrDefault(clientId, List.of()).forEach(f -> groups.computeIfAbsent(
                    currencyOfContract.computeIfAbsent(f.contractId(), id -> contracts.get(clientId, id).currency()),
                    c -> new Group()).oneOffs.add(new OneOff(f.id(), f.serviceLine(), f.description(), f.amount(),
                    feeTaxes.get(new PlanRows.ContractLine(clientId, f.contractId(), f.serviceLine())))));
            for (ServiceCredit credit : creditsOf.getOrDefault(clientId, List.of())) {
                BigDecimal fees = null;
                Tax tax = null;
                if (credit.period().isBefore(month)) {
                    fees = invoices.feesOf(clientId, credit.period(), credit.serviceLine()).orElse(null);
                    if (fees == null) {
                        continue; // its month has not been invoiced yet: it waits for that invoice's fees
                    }
                    tax = invoices.taxOfFees(clientId, credit.period(), credit.serviceLine()).orElse(null);
                }
                groups.computeIfAbsent(currencyOf.apply(credit.serviceLine()), c -> new Group()).credits.add(
                        new Credit(credit.id(), credit.period(), credit.serviceLine(), credit.percent(), credit.reason(), fees, tax));
            }
            List<EarnBack> clientEarnBacks = earnBacksOf.getOrDefault(clientId, List.of());
            if (!clientEarnBacks.isEmpty()) {
                // released first: this pass decides again which draft carries them
                draftIds.stream().filter(d -> existing.getOrDefault(clientId, List.of()).stream().anyMatch(e -> e.id().equals(d)))
                        .forEach(d -> earnBacks.release(clientId, d));
            }
            Map<String, Money> givenInThisPass = new HashMap<>();
            for (EarnBack back : clientEarnBacks) {
                BigDecimal fees = invoices.feesOf(clientId, back.creditPeriod(), back.serviceLine()).orElse(null);
                if (fees == null) {
                    continue; // the credited month has not been invoiced: the earn-back waits for its fees
                }
                Currency currency = Currency.getInstance(currencyOf.apply(back.serviceLine()));
                LocalDate windowEnd = month.minusMonths(1);
                Money creditedOff = new Money(earnBacks.creditedOff(clientId, back.serviceLine(), back.creditPeriod(), windowEnd)
                        .setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY), currency);
                Money givenBack = new Money(earnBacks.givenBack(clientId, back.serviceLine(), back.creditPeriod(), windowEnd)
                        .setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY), currency);
                Money cap = creditedOff.minus(givenBack).minus(givenInThisPass.getOrDefault(back.serviceLine(), Money.zero(currency)));
                Money feesMoney = InvoiceCalculation.lineRounding(new org.openbpo.shared.money.UnroundedMoney(fees, currency));
                Money amount = InvoiceCalculation.earnBackAmount(feesMoney, back.percent(), cap);
                if (amount.isZero()) {
                    continue; // nothing left to give back: the window's credits were given back already
                }
                givenInThisPass.merge(back.serviceLine(), amount, Money::plus);
                groups.computeIfAbsent(currency.getCurrencyCode(), c -> new Group()).earnBacks.add(
                        new InvoiceCalculation.EarnBackCharge(back.id(), back.creditPeriod(), back.serviceLine(), back.percent(),
                                back.reason(), feesMoney, invoices.taxOfFees(clientId, back.creditPeriod(), back.serviceLine()).orElse(null),
                                cap, amount));
            }
            for (Map.Entry<String, Group> entry : groups.entrySet()) {
                String currency = entry.getKey();
                Existing current = existing.getOrDefault(clientId, List.of()).stream()
                        .filter(e -> e.currency().equals(currency)).findFirst().orElse(null);
                if (current != null && current.status() != InvoiceStatus.DRAFT) {
                    continue;
                }
                Group group = entry.getValue();
                Result result = InvoiceCalculation.calculate(Currency.getInstance(currency), group.plans, group.usage,
                        group.oneOffs, group.credits, group.earnBacks, month);
                long records = group.usage.stream().mapToLong(Usage::records).sum();
                UUID id;
                if (current == null) {
                    id = Ids.next();
                    invoices.insert(clientId, id, InvoiceKind.INVOICE, month, currency, InvoiceStatus.DRAFT, null, null,
                            result.subtotal().amount(), result.tax().amount(), result.total().amount(), records, now, by);
                } else {
                    id = current.id();
                    credits.release(clientId, id);
                    invoices.redraft(clientId, id, result.subtotal().amount(), result.tax().amount(), result.total().amount(),
                            records, now, by);
                }
                for (int i = 0; i < result.charges().size(); i++) {
                    lines.add(new InvoiceRows.NewLine(clientId, id, i + 1, result.charges().get(i), null));
                }
                result.banks().forEach(bank -> banks.add(new InvoiceRows.NewBankMonth(clientId, id, month, bank)));
                for (Credit credit : group.credits) {
                    credits.nettedBy(clientId, credit.id(), id);
                }
                for (InvoiceCalculation.EarnBackCharge back : group.earnBacks) {
                    earnBacks.carriedBy(clientId, back.id(), id);
                }
                rated.add(id);
                auditClients.add(clientId);
                auditIds.add(id.toString());
                auditAfters.add(Map.of("period", month.toString(), "currency", currency, "subtotal", result.subtotal().toPlainString(),
                        "tax", result.tax().toPlainString(), "total", result.total().toPlainString(), "usageRecords", records));
            }
        }
        invoices.insertLines(lines);
        invoices.insertBanks(banks);
        if (!rated.isEmpty()) {
            audit.recordMany("invoice.drafted", "invoice", auditClients, auditIds, auditAfters);
        }
        return rated;
    }

    /**
     * A prepaid bank is a contract's: units left in it roll over (when its plan says so) only into a later month of the
     * same contract, through its price changes. Units prepaid under a contract that ended expire with its term; a renewal
     * that takes the service line over starts from its own allowance, never from what the client paid the old one for.
     */
    private static String bankOf(PricePlan plan) {
        return plan.clientId() + "/" + plan.serviceLine() + "/" + plan.contractId();
    }

    private static String bankOf(InvoiceRows.Carried carried) {
        return carried.clientId() + "/" + carried.serviceLine() + "/" + carried.contractId();
    }

    private static final class Group {
        final List<PlanInForce> plans = new ArrayList<>();
        final List<Usage> usage = new ArrayList<>();
        final List<OneOff> oneOffs = new ArrayList<>();
        final List<Credit> credits = new ArrayList<>();
        final List<InvoiceCalculation.EarnBackCharge> earnBacks = new ArrayList<>();
    }

    private static BusinessRuleViolation alreadyIssued(Invoice invoice) {
        return BusinessRuleViolation.conflict("invoice-already-issued", "Invoice " + invoice.number()
                + " is issued and final; correct it with a credit note.");
    }

    static String number(String series, int year, long number) {
        return series + "-" + year + "-" + String.format("%06d", number);
    }

    private static Map<String, Object> summary(Invoice invoice) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("number", invoice.number() == null ? "" : invoice.number());
        summary.put("period", invoice.period().toString());
        summary.put("status", invoice.status().name());
        summary.put("total", invoice.total().toPlainString());
        summary.put("currency", invoice.currency());
        return summary;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
