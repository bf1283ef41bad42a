package org.openbpo.payables;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.payables.PayablesEvents.ApprovedInvoice;
import org.openbpo.payables.PayablesEvents.InvoicesApproved;
import org.openbpo.payables.domain.BilledLine;
import org.openbpo.payables.domain.InvoiceNumbers;
import org.openbpo.payables.domain.Matching;
import org.openbpo.payables.domain.MinorUnits;
import org.openbpo.payables.domain.OrderLine;
import org.openbpo.payables.domain.Tolerances;
import org.openbpo.payables.persistence.ApprovalRows;
import org.openbpo.payables.persistence.InvoiceRows;
import org.openbpo.payables.persistence.InvoiceRows.Earlier;
import org.openbpo.payables.persistence.InvoiceRows.NewInvoice;
import org.openbpo.payables.persistence.InvoiceRows.NewLine;
import org.openbpo.payables.persistence.OrderRows;
import org.openbpo.payables.persistence.VendorRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.WorkItem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Captures vendor invoices and decides them. Capture checks everything first and writes nothing
 * unless every invoice is acceptable: an unknown vendor, a currency the vendor does not use, lines
 * that do not add up, an order of another vendor, or an invoice number the vendor already billed
 * (however it is punctuated) refuse the whole call. Then each invoice is matched: against its order
 * (two-way) and receipts (three-way) within the client's tolerances, its tax against the rates of
 * the order lines it bills, and a matched invoice is approved by its order; one billing the same amount as another of the vendor's invoices in the
 * duplicate window, or not matching, becomes an exception work item; one without an order waits
 * for a client approver as a work item. Approved invoices are announced for the ledger.
 */
@Service
public class Invoices {

    /** Captures of this many invoices or more refresh the planner's statistics. */
    static final int ANALYZE_AFTER = 1_000;

    /** An invoice to capture and where it came from in a file ("row 7"), for the report. */
    public record Numbered(String where, CaptureInvoice invoice) {
    }

    /** What a capture did: the invoices in order, and how many went each way. */
    public record Captured(List<Invoice> invoices, int approved, int awaitingApproval, int exceptions) {
    }

    private final InvoiceRows rows;
    private final VendorRows vendors;
    private final OrderRows orders;
    private final ApprovalRows approvals;
    private final PayablesSetup setup;
    private final PayablesWork work;
    private final Clients clients;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Invoices(InvoiceRows rows, VendorRows vendors, OrderRows orders, ApprovalRows approvals, PayablesSetup setup,
             PayablesWork work, Clients clients, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.vendors = vendors;
        this.orders = orders;
        this.approvals = approvals;
        this.setup = setup;
        this.work = work;
        this.clients = clients;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Invoice capture(UUID client, CaptureInvoice command, CurrentUser by) {
        try {
            return capture(client, List.of(new Numbered("", command)), InvoiceSource.MANUAL, by).invoices().getFirst();
        } catch (FileRejected rejected) {
            // By hand there is one invoice: report its first problem as the field at fault.
            FileProblem first = rejected.problems().getFirst();
            throw rejected.problems().size() == 1 && rejected.code().equals("duplicate-invoice")
                    ? new BusinessRuleViolation(409, "duplicate-invoice", first.where(), first.reason())
                    : BusinessRuleViolation.invalid(first.where(), first.reason());
        }
    }

    /** Captures every invoice or none. Problems name the file row ({@link Numbered#where}) and the field. */
    @Transactional
    public Captured capture(UUID client, List<Numbered> commands, InvoiceSource source, CurrentUser by) {
        Client owner = clients.get(client);
        PayablesPermissions.requireCapture(by);
        PayablesSettings settings = setup.settings(client);
        Tolerances tolerances = new Tolerances(settings.priceTolerancePercent(), settings.quantityTolerancePercent());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, owner.timeZone());

        Map<String, Vendor> vendorsByCode = new HashMap<>();
        for (Numbered numbered : commands) {
            String code = numbered.invoice().vendor();
            if (!vendorsByCode.containsKey(code)) {
                vendors.byCode(client, code).ifPresent(v -> vendorsByCode.put(code, v));
            }
        }
        Set<String> orderNumbers = new HashSet<>();
        commands.forEach(c -> {
            if (c.invoice().purchaseOrder() != null) {
                orderNumbers.add(c.invoice().purchaseOrder());
            }
        });
        Map<String, PurchaseOrder> ordersByNumber = orders.lockByNumbers(client, orderNumbers);
        Set<String> keys = new HashSet<>();
        commands.forEach(c -> keys.add(InvoiceNumbers.key(c.invoice().number())));
        Map<String, Earlier> onFile = new HashMap<>();
        for (Earlier earlier : rows.withKeys(client, keys)) {
            onFile.put(earlier.vendorId() + "/" + earlier.numberKey(), earlier);
        }

        List<FileProblem> problems = new ArrayList<>();
        List<FileProblem> duplicates = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        List<NewInvoice> accepted = new ArrayList<>();
        for (Numbered numbered : commands) {
            CaptureInvoice c = numbered.invoice();
            Problems at = new Problems(numbered.where(), problems);
            Vendor vendor = vendorsByCode.get(c.vendor());
            if (vendor == null) {
                at.add("vendor", "The client has no vendor " + c.vendor() + ".");
                continue;
            }
            if (!vendor.uses(c.currency())) {
                at.add("currency", "Vendor " + vendor.code() + " invoices in " + String.join(", ", vendor.currencies())
                        + "; " + c.currency() + " is not one of its currencies.");
                continue;
            }
            long total;
            long tax;
            try {
                total = MinorUnits.exact(c.total(), c.currency(), "total");
                tax = c.tax() == null ? 0 : MinorUnits.exact(c.tax(), c.currency(), "tax");
            } catch (BusinessRuleViolation wrong) {
                at.add(wrong.field(), wrong.getMessage());
                continue;
            }
            if (tax >= total) {
                at.add("tax", "The tax must be less than the invoice total.");
                continue;
            }
            if (c.dueDate() != null && c.dueDate().isBefore(c.invoiceDate())) {
                at.add("dueDate", "An invoice is not due before its date.");
                continue;
            }
            if (c.expenseAccount() != null && !c.expenseAccount().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,31}")) {
                at.add("expenseAccount", "is not an account code.");
                continue;
            }
            List<NewLine> lines = new ArrayList<>();
            long linesTotal = 0;
            for (int i = 0; i < c.lines().size(); i++) {
                CaptureInvoice.Line line = c.lines().get(i);
                long amount = MinorUnits.lineAmountRoundedHalfUp(line.quantity(), line.unitPrice(), c.currency());
                linesTotal += amount;
                lines.add(new NewLine(i + 1, line.description(), line.quantity(), line.unitPrice(), amount, line.orderLine()));
            }
            if (!lines.isEmpty() && linesTotal + tax != total) {
                at.add("lines", "The lines add up to " + MinorUnits.decimal(linesTotal, c.currency()) + " and the tax to "
                        + MinorUnits.decimal(tax, c.currency()) + ", not the total " + MinorUnits.decimal(total, c.currency()) + ".");
                continue;
            }
            PurchaseOrder order = null;
            if (c.purchaseOrder() != null) {
                order = ordersByNumber.get(c.purchaseOrder());
                if (order == null) {
                    at.add("purchaseOrder", "The client has no purchase order " + c.purchaseOrder() + ".");
                    continue;
                }
                if (!order.vendorId().equals(vendor.id())) {
                    at.add("purchaseOrder", "Purchase order " + order.number() + " was placed with another vendor.");
                    continue;
                }
                if (!order.currency().equals(c.currency())) {
                    at.add("currency", "Purchase order " + order.number() + " is in " + order.currency() + ".");
                    continue;
                }
            }
            String key = InvoiceNumbers.key(c.number());
            Earlier earlier = onFile.get(vendor.id() + "/" + key);
            String sameFile = seen.putIfAbsent(vendor.id() + "/" + key, numbered.where().isEmpty() ? c.number() : numbered.where());
            if (earlier != null) {
                duplicates.add(new FileProblem(prefix(numbered.where()) + "number", "Vendor " + vendor.code() + " already billed invoice "
                        + earlier.number() + " (" + MinorUnits.decimal(earlier.amountMinor(), earlier.currency()) + " " + earlier.currency()
                        + ", " + earlier.invoiceDate() + "); " + c.number() + " is the same number."));
                continue;
            }
            if (sameFile != null) {
                duplicates.add(new FileProblem(prefix(numbered.where()) + "number", "Invoice " + c.number() + " of vendor "
                        + vendor.code() + " appears twice (also " + sameFile + ")."));
                continue;
            }
            LocalDate due = c.dueDate() != null ? c.dueDate() : c.invoiceDate().plusDays(vendor.termsDays());
            LocalDate discountDate = vendor.discountPercent().signum() > 0 ? c.invoiceDate().plusDays(vendor.discountDays()) : null;
            long discount = discountDate == null ? 0 : MinorUnits.discountRoundedDown(total, vendor.discountPercent());
            accepted.add(new NewInvoice(Ids.next(), vendor.id(), c.number().strip(), key, c.invoiceDate(), due, discountDate,
                    discount, c.currency(), total, tax, order == null ? null : order.id(), c.expenseAccount(), source,
                    InvoiceStatus.APPROVED, List.of(), lines));
        }
        if (!problems.isEmpty() || !duplicates.isEmpty()) {
            List<FileProblem> all = new ArrayList<>(problems);
            all.addAll(duplicates);
            boolean onlyDuplicates = problems.isEmpty();
            throw new FileRejected(onlyDuplicates ? "duplicate-invoice" : "invalid-invoices",
                    all.size() + " problem(s); nothing was captured.", all);
        }

        // Suspected duplicates and matching decide each invoice's way.
        int window = settings.duplicateWindowDays();
        Map<UUID, List<Earlier>> nearby = new HashMap<>();
        if (!accepted.isEmpty() && window > 0) {
            LocalDate from = accepted.stream().map(NewInvoice::invoiceDate).min(LocalDate::compareTo).orElseThrow().minusDays(window);
            LocalDate to = accepted.stream().map(NewInvoice::invoiceDate).max(LocalDate::compareTo).orElseThrow().plusDays(window);
            Set<UUID> vendorIds = new HashSet<>();
            accepted.forEach(i -> vendorIds.add(i.vendorId()));
            for (Earlier earlier : rows.near(client, vendorIds, from, to)) {
                nearby.computeIfAbsent(earlier.vendorId(), k -> new ArrayList<>()).add(earlier);
            }
        }
        Map<UUID, PurchaseOrder> ordersById = new HashMap<>();
        ordersByNumber.values().forEach(o -> ordersById.put(o.id(), o));
        Map<String, BigDecimal> invoicedSoFar = new HashMap<>();
        List<Object[]> invoicedLines = new ArrayList<>();
        List<NewInvoice> decided = new ArrayList<>();
        for (NewInvoice invoice : accepted) {
            List<String> exceptions = new ArrayList<>();
            for (Earlier earlier : nearby.getOrDefault(invoice.vendorId(), List.of())) {
                if (earlier.amountMinor() == invoice.amountMinor() && earlier.currency().equals(invoice.currency())
                        && Math.abs(earlier.invoiceDate().toEpochDay() - invoice.invoiceDate().toEpochDay()) <= window) {
                    exceptions.add("Possible duplicate of invoice " + earlier.number() + " of " + earlier.invoiceDate()
                            + ": same vendor and amount within " + window + " days.");
                }
            }
            nearby.computeIfAbsent(invoice.vendorId(), k -> new ArrayList<>()).add(new Earlier(invoice.id(), invoice.vendorId(),
                    invoice.number(), invoice.numberKey(), invoice.invoiceDate(), invoice.amountMinor(), invoice.currency()));
            PurchaseOrder order = invoice.orderId() == null ? null : ordersById.get(invoice.orderId());
            if (order != null) {
                Map<Integer, OrderLine> orderLines = new HashMap<>();
                for (PurchaseOrder.Line line : order.lines()) {
                    BigDecimal already = line.invoiced().add(invoicedSoFar.getOrDefault(order.id() + "/" + line.lineNo(), BigDecimal.ZERO));
                    orderLines.put(line.lineNo(), new OrderLine(line.lineNo(), line.quantity(), line.unitPrice(), line.taxPercent(),
                            line.received(), already));
                }
                List<BilledLine> billed = invoice.lines().stream().map(l -> new BilledLine(l.lineNo(), l.quantity(), l.unitPrice(),
                        MinorUnits.decimal(l.amountMinor(), invoice.currency()), l.orderLine())).toList();
                exceptions.addAll(Matching.match(billed, MinorUnits.decimal(invoice.taxMinor(), invoice.currency()), orderLines,
                        order.receiptRequired(), tolerances));
                if (exceptions.isEmpty()) {
                    for (NewLine line : invoice.lines()) {
                        invoicedSoFar.merge(order.id() + "/" + line.orderLine(), line.quantity(), BigDecimal::add);
                        invoicedLines.add(new Object[]{order.id(), line.orderLine(), line.quantity()});
                    }
                }
            }
            InvoiceStatus status = !exceptions.isEmpty() ? InvoiceStatus.EXCEPTION
                    : order != null ? InvoiceStatus.APPROVED : InvoiceStatus.AWAITING_APPROVAL;
            decided.add(new NewInvoice(invoice.id(), invoice.vendorId(), invoice.number(), invoice.numberKey(), invoice.invoiceDate(),
                    invoice.dueDate(), invoice.discountDate(), invoice.discountMinor(), invoice.currency(), invoice.amountMinor(),
                    invoice.taxMinor(), invoice.orderId(), invoice.expenseAccount(), invoice.source(), status,
                    List.copyOf(exceptions), invoice.lines()));
        }
        boolean needsWork = decided.stream().anyMatch(i -> i.status() != InvoiceStatus.APPROVED);
        String serviceLine = needsWork ? work.serviceLine(client) : null;

        rows.insert(client, decided, now, by.id(), by.email());
        orders.addInvoiced(client, invoicedLines);
        if (decided.size() >= ANALYZE_AFTER) {
            rows.analyze();
        }
        Map<UUID, String> vendorCodes = new HashMap<>();
        vendorsByCode.values().forEach(v -> vendorCodes.put(v.id(), v.code()));
        Map<UUID, Long> items = new LinkedHashMap<>();
        List<ApprovedInvoice> approved = new ArrayList<>();
        List<Invoice> captured = new ArrayList<>();
        for (NewInvoice invoice : decided) {
            Invoice view = view(client, invoice, vendorCodes.get(invoice.vendorId()), ordersById, now, by, null);
            if (invoice.status() == InvoiceStatus.APPROVED) {
                approved.add(new ApprovedInvoice(invoice.id(), view.vendorCode(), invoice.number(), invoice.currency(),
                        invoice.amountMinor(), invoice.expenseAccount()));
            } else {
                boolean forApproval = invoice.status() == InvoiceStatus.AWAITING_APPROVAL;
                WorkItem item = work.raise(client, serviceLine, view, forApproval ? "An invoice without a purchase order needs "
                        + "the client's approval." : String.join("\n", invoice.exceptions()), forApproval, by);
                items.put(invoice.id(), item.id());
                view = view(client, invoice, view.vendorCode(), ordersById, now, by, item.id());
            }
            captured.add(view);
        }
        rows.linkWorkItems(client, items);
        if (!approved.isEmpty()) {
            events.publishEvent(new InvoicesApproved(client, today, List.copyOf(approved)));
        }
        audit.recordMany("payables.invoice-captured", "invoice", java.util.Collections.nCopies(decided.size(), client),
                decided.stream().map(i -> i.id().toString()).toList(),
                captured.stream().map(i -> Map.of("vendor", i.vendorCode(), "number", i.number(), "total",
                        i.currency() + " " + i.total().toPlainString(), "status", i.status().name(), "source", i.source().name())).toList());
        int approvedCount = approved.size();
        int exceptionCount = (int) decided.stream().filter(i -> i.status() == InvoiceStatus.EXCEPTION).count();
        return new Captured(captured, approvedCount, decided.size() - approvedCount - exceptionCount, exceptionCount);
    }

    @Transactional(readOnly = true)
    public Invoice get(UUID client, UUID id) {
        clients.get(client);
        return rows.find(client, id).orElseThrow(() -> new NotFound("invoice", id));
    }

    @Transactional(readOnly = true)
    public List<Invoice> page(UUID client, @Nullable InvoiceStatus status, @Nullable UUID vendor, @Nullable Instant afterAt,
                              @Nullable UUID afterId, int limit) {
        clients.get(client);
        return rows.page(client, status, vendor, afterAt == null ? Instant.parse("9999-12-31T00:00:00Z") : afterAt,
                afterId == null ? new UUID(-1L, -1L) : afterId, limit);
    }

    /** A client approver approves an invoice within their limit; never the person who captured it. */
    @Transactional
    public Invoice approve(UUID client, UUID id, CurrentUser by) {
        Invoice invoice = locked(client, id);
        PayablesPermissions.requireClientApprover(by, "approve invoices");
        if (invoice.status() != InvoiceStatus.AWAITING_APPROVAL) {
            throw BusinessRuleViolation.conflict("not-awaiting-approval", "The invoice is " + invoice.status() + ", not awaiting approval.");
        }
        if (rows.capturedBy(client, id).filter(by.id()::equals).isPresent()) {
            throw new BusinessRuleViolation(409, "approver-is-capturer", null,
                    "The person who captured an invoice cannot also approve it.");
        }
        long amount = MinorUnits.exact(invoice.total(), invoice.currency(), "total");
        long limit = approvals.limit(client, by.id(), invoice.currency()).orElse(0L);
        if (amount > limit) {
            throw new BusinessRuleViolation(403, "over-approval-limit", "total", "Your approval limit in " + invoice.currency() + " is "
                    + MinorUnits.decimal(limit, invoice.currency()) + "; this invoice is " + invoice.total() + ".");
        }
        Instant now = clock.instant();
        rows.decide(client, id, InvoiceStatus.APPROVED, now, by.email());
        if (invoice.workItemId() != null) {
            work.move(client, invoice.workItemId(), PayablesWorkType.APPROVED, "Approved by " + by.email(), by);
        }
        events.publishEvent(new InvoicesApproved(client, LocalDate.ofInstant(now, clients.get(client).timeZone()),
                List.of(new ApprovedInvoice(id, invoice.vendorCode(), invoice.number(), invoice.currency(), amount, invoice.expenseAccount()))));
        audit.record(client, "payables.invoice-approved", "invoice", id, Map.of("status", invoice.status().name()),
                Map.of("status", "APPROVED", "by", by.email()));
        return get(client, id);
    }

    /**
     * The provider's agent settles an exception: accepted, the invoice goes to the client's approver
     * (and bills its order lines); refused, it is rejected.
     */
    @Transactional
    public Invoice resolve(UUID client, UUID id, boolean accept, String note, CurrentUser by) {
        Invoice invoice = locked(client, id);
        PayablesPermissions.requireStaff(by, "settle invoice exceptions");
        if (invoice.status() != InvoiceStatus.EXCEPTION) {
            throw BusinessRuleViolation.conflict("not-an-exception", "The invoice is " + invoice.status() + ", not an exception.");
        }
        if (accept && invoice.purchaseOrder() != null) {
            PurchaseOrder order = orders.lockByNumbers(client, List.of(invoice.purchaseOrder())).get(invoice.purchaseOrder());
            List<Object[]> billed = new ArrayList<>();
            for (Invoice.Line line : invoice.lines()) {
                if (line.orderLine() != null && order.lines().stream().anyMatch(l -> l.lineNo() == line.orderLine())) {
                    billed.add(new Object[]{order.id(), line.orderLine(), line.quantity()});
                }
            }
            orders.addInvoiced(client, billed);
        }
        InvoiceStatus next = accept ? InvoiceStatus.AWAITING_APPROVAL : InvoiceStatus.REJECTED;
        rows.decide(client, id, next, null, null);
        if (invoice.workItemId() != null) {
            work.move(client, invoice.workItemId(), accept ? PayablesWorkType.AWAITING_APPROVAL : PayablesWorkType.REJECTED, note, by);
        }
        audit.record(client, accept ? "payables.exception-accepted" : "payables.invoice-rejected", "invoice", id,
                Map.of("status", invoice.status().name()), Map.of("status", next.name(), "note", note));
        return get(client, id);
    }

    /** A client approver refuses an invoice waiting for approval. */
    @Transactional
    public Invoice reject(UUID client, UUID id, String note, CurrentUser by) {
        Invoice invoice = locked(client, id);
        PayablesPermissions.requireClientApprover(by, "reject invoices");
        if (invoice.status() != InvoiceStatus.AWAITING_APPROVAL) {
            throw BusinessRuleViolation.conflict("not-awaiting-approval", "The invoice is " + invoice.status() + ", not awaiting approval.");
        }
        rows.decide(client, id, InvoiceStatus.REJECTED, null, null);
        if (invoice.workItemId() != null) {
            work.move(client, invoice.workItemId(), PayablesWorkType.REJECTED, note, by);
        }
        audit.record(client, "payables.invoice-rejected", "invoice", id, Map.of("status", invoice.status().name()),
                Map.of("status", "REJECTED", "note", note));
        return get(client, id);
    }

    private Invoice locked(UUID client, UUID id) {
        clients.get(client);
        return rows.lock(client, id).orElseThrow(() -> new NotFound("invoice", id));
    }

    private static Invoice view(UUID client, NewInvoice i, String vendorCode, Map<UUID, PurchaseOrder> orders, Instant at,
                                CurrentUser by, @Nullable Long item) {
        List<Invoice.Line> lines = i.lines().stream().map(l -> new Invoice.Line(l.lineNo(), l.description(), l.quantity(),
                l.unitPrice(), MinorUnits.decimal(l.amountMinor(), i.currency()), l.orderLine())).toList();
        return new Invoice(client, i.id(), i.vendorId(), vendorCode, i.number(), i.invoiceDate(), i.dueDate(), i.discountDate(),
                MinorUnits.decimal(i.discountMinor(), i.currency()), i.currency(), MinorUnits.decimal(i.amountMinor(), i.currency()),
                MinorUnits.decimal(i.taxMinor(), i.currency()), i.orderId() == null ? null : orders.get(i.orderId()).number(),
                i.expenseAccount(), i.source(), i.status(), i.exceptions(), item, at, by.email(), null, null, lines);
    }

    private static String prefix(String where) {
        return where.isEmpty() ? "" : where + ", ";
    }

    private record Problems(String where, List<FileProblem> problems) {
        void add(@Nullable String field, String reason) {
            problems.add(new FileProblem(prefix(where) + (field == null ? "invoice" : field), reason));
        }
    }
}
