package org.openbpo.payroll;

import org.openbpo.audit.AuditTrail;
import org.openbpo.payroll.domain.PayItem;
import org.openbpo.payroll.domain.PayrollEngine;
import org.openbpo.payroll.domain.PaySchedule;
import org.openbpo.payroll.domain.PayslipCalculation;
import org.openbpo.payroll.persistence.PayRunRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pay runs, as work items of the client's payroll service line: prepared (everyone calculated by the
 * gross-to-net engine, anomalies flagged), checked by a second person of the provider, approved by the
 * client, finalised (payslips numbered and locked, figures to date carried, the journal published) and
 * paid (payment instructions). Finalising and paying are idempotent: a second call, or a retry after a
 * crash (which rolls the whole step back), changes nothing and pays nobody twice.
 */
@Service
public class PayRuns {

    /** Employees calculated and stored per slice: memory stays flat whatever the pay group's size. */
    static final int SLICE = 5_000;

    private final PayRunRows rows;
    private final org.openbpo.payroll.persistence.EmployeeRows employees;
    private final PayItems items;
    private final PayGroups groups;
    private final PayrollCalculator calculator;
    private final WorkItems workItems;
    private final Clients clients;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BigDecimal changeThreshold;
    private final PayrollBankFiles bankFiles;
    private final EmploymentAllowanceClaims allowanceClaims;

    PayRuns(EmploymentAllowanceClaims allowanceClaims, PayrollBankFiles bankFiles, PayRunRows rows, org.openbpo.payroll.persistence.EmployeeRows employees, PayItems items, PayGroups groups, PayrollCalculator calculator, WorkItems workItems, Clients clients, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock,
            @Value("${openbpo.payroll.pay-change-threshold:0.25}") BigDecimal changeThreshold) {
        this.allowanceClaims = allowanceClaims;
        this.bankFiles = bankFiles;
        this.rows = rows;
        this.employees = employees;
        this.items = items;
        this.groups = groups;
        this.calculator = calculator;
        this.workItems = workItems;
        this.clients = clients;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.changeThreshold = changeThreshold;
    }

    @Transactional
    public PayRun prepare(UUID client, PreparePayRun command, CurrentUser by) {
        clients.get(client);
        PayrollPermissions.requirePayrollStaff(by, "prepare pay runs");
        PayRun.Kind kind = command.kind() == null ? PayRun.Kind.REGULAR : command.kind();
        if (kind == PayRun.Kind.REVERSAL) {
            throw BusinessRuleViolation.invalid("kind", "A reversal is made by re-opening a finalised run, not prepared.");
        }
        PayRun run = prepare(client, groups.get(client, command.payGroup()), kind, command.periodEnd(), null, by);
        audit.record(client, "payroll.pay-run-prepared", "pay-run", run.id(), null, run);
        return run;
    }

    private PayRun prepare(UUID client, PayGroup group, PayRun.Kind kind, java.time.LocalDate periodEnd, @Nullable Long corrects,
                           CurrentUser by) {
        PaySchedule.Period period = groups.period(client, group, periodEnd);
        calculator.packs().find(group.country(), period.taxYear()).info().requirePeriod(period.taxPeriod());
        Currency currency = group.country().currency();
        if (kind == PayRun.Kind.REGULAR && rows.regularExists(client, group.code(), period.end())) {
            throw new BusinessRuleViolation(409, "pay-run-exists", "periodEnd", "A regular run of " + group.code()
                    + " for the period ending " + period.end() + " exists already; pay more with an OFF_CYCLE run.");
        }
        Instant now = clock.instant();
        long id = rows.insertRun(client, group.code(), kind, period, period, currency, by.id(), by.displayName(), now);
        if (corrects != null) {
            rows.corrects(client, id, corrects);
        }
        Instant inputsClose = null;
        if (kind == PayRun.Kind.REGULAR) {
            Instant cutOffEnds = period.cutOff().plusDays(1).atStartOfDay(groups.calendar(client, group).zone()).toInstant();
            inputsClose = cutOffEnds.isAfter(now) ? cutOffEnds : now;
            rows.closeInputs(client, id, inputsClose);
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("payGroup", group.code());
        form.put("periodEnd", period.end().toString());
        form.put("kind", kind.name());
        form.put("payRun", id);
        String title = corrects != null ? "Correction of pay run " + corrects + ", " : kind == PayRun.Kind.REGULAR ? "Pay run " : "Off-cycle pay run ";
        WorkItem item = workItems.create(client, new CreateWorkItem(group.serviceLine(), null, null,
                title + group.name() + ", period ending " + period.end() + ", paid " + period.payDate(), form, "API"), by);
        rows.attachWorkItem(client, id, item.id());
        calculate(client, id, group, period, kind == PayRun.Kind.OFF_CYCLE, currency, inputsClose);
        return get(client, id);
    }

    /**
     * Re-opens a finalised or paid run: a reversal run negates every payslip of it in one step (numbered,
     * carried into the figures to date, published as a reversing journal, never paid), the run becomes
     * REVERSED and its one-off items are owed again, and a correction run of the same kind and period is
     * prepared with today's employee data. Paying the correction pays each employee only what the reversed
     * run did not already pay them.
     */
    @Transactional
    public Reopened reopen(UUID client, long id, String reason, CurrentUser by) {
        clients.get(client);
        PayRun run = locked(client, id);
        PayrollPermissions.requirePayrollManager(by, "re-open finalised pay runs");
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleViolation.invalid("reason", "Say why the run is re-opened; the client and the auditors will ask.");
        }
        if (run.kind() == PayRun.Kind.REVERSAL) {
            throw BusinessRuleViolation.conflict("reversal-not-reopened", "Pay run " + id + " is a reversal; re-open the correction run instead.");
        }
        if (run.status() != PayRun.Status.FINALISED && run.status() != PayRun.Status.PAID) {
            throw new BusinessRuleViolation(409, "pay-run-" + run.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    "status", "Pay run " + id + " is " + run.status() + "; only a FINALISED or PAID run is re-opened (a prepared "
                    + "run is recalculated, a reversed one has its correction run).");
        }
        Instant now = clock.instant();
        long reversal = rows.insertReversal(client, id, reason.strip(), by.id(), by.displayName(), now);
        PayRun reversing = get(client, reversal);
        rows.takeNumbers(client, reversal, reversing.employees());
        rows.carryToDate(client, reversal, run.taxYear(), false);
        rows.finalised(client, reversal, now);
        rows.reversed(client, id, reversal);
        events.publishEvent(new PayRunFinalized(client, reversal, run.payGroup(), run.payDate(), run.currency(),
                journal(client, reversal, run.payDate())));
        PayRun correction = prepare(client, groups.get(client, run.payGroup()), run.kind(), run.periodEnd(), id, by);
        Reopened reopened = new Reopened(get(client, id), get(client, reversal), correction);
        audit.record(client, "payroll.pay-run-reopened", "pay-run", id, Map.of("status", run.status()),
                Map.of("status", PayRun.Status.REVERSED, "reversal", reversal, "correction", correction.id(), "reason", reason.strip()));
        return reopened;
    }

    /** Calculates the run again after corrections (employee data, items, timesheets); only while it is being prepared. */
    @Transactional
    public PayRun recalculate(UUID client, long id, CurrentUser by) {
        clients.get(client);
        PayRun run = locked(client, id);
        PayrollPermissions.requirePayrollStaff(by, "prepare pay runs");
        requireStatus(run, PayRun.Status.PREPARED, "recalculate");
        PayGroup group = groups.get(client, run.payGroup());
        rows.deletePayslips(client, id);
        rows.prepared(client, id, by.id(), by.displayName(), clock.instant());
        calculate(client, id, group, groups.period(client, group, run.periodEnd()), run.kind() == PayRun.Kind.OFF_CYCLE,
                Currency.getInstance(run.currency()), rows.inputsClose(client, id));
        PayRun after = get(client, id);
        audit.record(client, "payroll.pay-run-recalculated", "pay-run", id, run, after);
        return after;
    }

    /**
     * Calculates everyone; a regular run takes the items received by {@code inputsClose} (its cut-off), later
     * ones wait. The run streams in slices, pipelined over two threads: while the database stores one
     * slice and reads the next, a calculation thread works out the slice before it (gross-to-net and the
     * COPY text; it never touches the database). The slices are calculated one after another in
     * employee order, so the payslips' ordinals and contents are the same as calculated in one thread.
     */
    private void calculate(UUID client, long run, PayGroup group, PaySchedule.Period period, boolean offCycle, Currency currency,
                           @Nullable Instant inputsClose) {
        SliceCalculation calculation = new SliceCalculation(client, run, calculator.engine(), period, offCycle,
                rows.items(client, group.code(), period, offCycle, currency, inputsClose));
        rows.createStaging();
        try (ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("payroll-calculation").factory())) {
            Future<PayRunRows.StagedSlice> calculating = null;
            try {
                UUID after = new UUID(0, 0);
                int slices = 0;
                while (true) {
                    List<PayRunRows.EmployeeForRun> slice = rows.employees(client, group.code(), period.taxYear(), period, after,
                            SLICE, currency);
                    if (slice.isEmpty()) {
                        break;
                    }
                    after = slice.getLast().stored().id();
                    slices++;
                    Future<PayRunRows.StagedSlice> previous = calculating;
                    calculating = worker.submit(() -> calculation.stage(slice));
                    if (previous != null) {
                        rows.store(awaited(previous));
                    }
                }
                if (calculating != null) {
                    rows.store(awaited(calculating));
                }
                if (slices > 1) {
                    rows.analyzePayslips();
                }
            } finally {
                worker.shutdownNow();
            }
        }
        rows.total(client, run);
    }

    private static PayRunRows.StagedSlice awaited(Future<PayRunRows.StagedSlice> slice) {
        try {
            return slice.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException("Calculating payslips failed: " + failed.getCause(), failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calculating payslips", interrupted);
        }
    }

    /** Gross-to-net for the run's slices, in order; used by one thread at a time. */
    private final class SliceCalculation {
        private final UUID client;
        private final long run;
        private final PayrollEngine engine;
        private final PaySchedule.Period period;
        private final boolean offCycle;
        private final Map<UUID, List<PayItem>> items;
        private int ordinal;

        SliceCalculation(UUID client, long run, PayrollEngine engine, PaySchedule.Period period, boolean offCycle,
                         Map<UUID, List<PayItem>> items) {
            this.client = client;
            this.run = run;
            this.engine = engine;
            this.period = period;
            this.offCycle = offCycle;
            this.items = items;
        }

        PayRunRows.StagedSlice stage(List<PayRunRows.EmployeeForRun> slice) {
            List<PayRunRows.NewPayslip> payslips = new ArrayList<>(slice.size());
            for (PayRunRows.EmployeeForRun employee : slice) {
                List<PayItem> own = items.getOrDefault(employee.stored().id(), List.of());
                if (offCycle && own.isEmpty()) {
                    continue;
                }
                PayslipCalculation.Result result;
                try {
                    result = PayslipCalculation.calculate(engine, new PayslipCalculation.Input(employee.stored().data(), period,
                            employee.hours(), own, employee.toDate(), employee.previousNet(), employee.hasBankAccount(), offCycle),
                            changeThreshold);
                } catch (BusinessRuleViolation | IllegalArgumentException refused) {
                    throw new BusinessRuleViolation(422, "employee-not-calculable", "employees",
                            "Employee " + employee.stored().data().employeeNumber() + " cannot be calculated: " + refused.getMessage());
                }
                payslips.add(new PayRunRows.NewPayslip(employee.stored().id(), ++ordinal, employee.stored().data().employeeNumber(),
                        employee.stored().data().givenName() + " " + employee.stored().data().familyName(), result,
                        employee.hasBankAccount()));
            }
            return PayRunRows.stage(client, run, payslips);
        }
    }

    @Transactional
    public PayRun sendForCheck(UUID client, long id, CurrentUser by) {
        clients.get(client);
        PayRun run = locked(client, id);
        PayrollPermissions.requirePayrollStaff(by, "send pay runs for checking");
        requireStatus(run, PayRun.Status.PREPARED, "send for checking");
        rows.status(client, id, PayRun.Status.CHECKING);
        move(client, run, PayRunWorkType.CHECKING, null, by);
        return changed(client, run, "payroll.pay-run-sent-for-check");
    }

    /** The provider's check, by someone other than whoever prepared the run (maker-checker). */
    @Transactional
    public PayRun check(UUID client, long id, PayRunDecision decision, CurrentUser by) {
        clients.get(client);
        PayRun run = locked(client, id);
        PayrollPermissions.requirePayrollStaff(by, "check pay runs");
        requireStatus(run, PayRun.Status.CHECKING, "check");
        if (by.id().equals(run.preparedById())) {
            throw new BusinessRuleViolation(409, "checker-is-maker", "decision",
                    "Maker-checker: " + run.preparedBy() + " prepared this run and cannot also check it; a second person must.");
        }
        if (decision.decision() == PayRunDecision.Decision.APPROVE) {
            rows.checked(client, id, by.id(), by.displayName());
            rows.status(client, id, PayRun.Status.AWAITING_CLIENT);
            move(client, run, PayRunWorkType.CLIENT_APPROVAL, decision.note(), by);
            return changed(client, run, "payroll.pay-run-checked");
        }
        // the note is for the preparer: kept with the run, not on the work item's timeline, which the client reads
        rows.status(client, id, PayRun.Status.PREPARED);
        rows.returned(client, id, decision.note());
        move(client, run, PayRunWorkType.PREPARING, null, by);
        return changed(client, run, "payroll.pay-run-returned");
    }

    /** The client's approval, in its portal; a return sends the run back to be prepared again. */
    @Transactional
    public PayRun clientDecision(UUID client, long id, PayRunDecision decision, CurrentUser by) {
        clients.get(client);
        PayRun run = locked(client, id);
        PayrollPermissions.requireClientApprover(by, "approve pay runs");
        requireStatus(run, PayRun.Status.AWAITING_CLIENT, "approve");
        // the checker's note was about the version the client has now decided on: it must not show again on a later one
        rows.returned(client, id, null);
        if (decision.decision() == PayRunDecision.Decision.APPROVE) {
            rows.approved(client, id, by.id(), by.displayName());
            rows.status(client, id, PayRun.Status.APPROVED);
            move(client, run, PayRunWorkType.APPROVED, decision.note(), by);
            return changed(client, run, "payroll.pay-run-approved");
        }
        rows.status(client, id, PayRun.Status.PREPARED);
        move(client, run, PayRunWorkType.PREPARING, decision.note(), by);
        return changed(client, run, "payroll.pay-run-rejected");
    }

    /**
     * Locks the run: numbers its payslips, carries them into the figures to date, marks one-off items paid
     * and publishes the journal, in one transaction. Finalising a finalised run returns it unchanged.
     */
    @Transactional
    public PayRun finalise(UUID client, long id, CurrentUser by) {
        clients.get(client);
        PayRun run = locked(client, id);
        PayrollPermissions.requirePayrollManager(by, "finalise pay runs");
        if (run.locked()) {
            return run;
        }
        requireStatus(run, PayRun.Status.APPROVED, "finalise");
        if (rows.anyNegativeNet(client, id)) {
            throw BusinessRuleViolation.conflict("negative-net", "A payslip of this run has a negative net pay; correct it "
                    + "(return the run for correction) before finalising.");
        }
        Instant now = clock.instant();
        rows.takeNumbers(client, id, run.employees());
        PayGroup group = groups.get(client, run.payGroup());
        PaySchedule.Period period = groups.period(client, group, run.periodEnd());
        rows.carryToDate(client, id, run.taxYear(), run.kind() == PayRun.Kind.REGULAR);
        rows.markItemsPaid(client, id, run.payGroup(), period, run.kind() == PayRun.Kind.OFF_CYCLE);
        rows.finalised(client, id, now);
        move(client, run, PayRunWorkType.FINALISED, null, by);
        events.publishEvent(new PayRunFinalized(client, id, run.payGroup(), run.payDate(), run.currency(),
                journal(client, id, run.payDate())));
        return changed(client, run, "payroll.pay-run-finalised");
    }

    /**
     * Pays a finalised run: writes the payment instructions (net pay, currency, masked and sealed account) and the
     * bank file from the pay group's funding account, in one transaction, once; paying again adds nothing and the
     * file stays the one first written. A crash before the commit leaves neither.
     */
    @Transactional
    public PayRun pay(UUID client, long id, CurrentUser by) {
        clients.get(client);
        PayRun run = locked(client, id);
        PayrollPermissions.requirePayrollManager(by, "pay pay runs");
        if (run.status() == PayRun.Status.PAID) {
            return run;
        }
        requireStatus(run, PayRun.Status.FINALISED, "pay");
        if (run.kind() == PayRun.Kind.REVERSAL) {
            throw BusinessRuleViolation.conflict("reversal-not-paid", "Pay run " + id + " reverses pay run " + run.reverses()
                    + "; a reversal pays nobody (its correction run pays what is still owed).");
        }
        PayGroups.Funding funding = bankFiles.originator(client, run);
        Instant now = clock.instant();
        int written = rows.instruct(client, id, now);
        bankFiles.write(client, run, funding, now);
        rows.paid(client, id, now);
        move(client, run, PayRunWorkType.PAID, written + " payment instructions and the bank file", by);
        return changed(client, run, "payroll.pay-run-paid");
    }

    @Transactional(readOnly = true)
    public PayRun get(UUID client, long id) {
        clients.get(client);
        return rows.find(client, id).orElseThrow(() -> new NotFound("pay run", id));
    }

    @Transactional(readOnly = true)
    public List<PayRun> latest(UUID client, long beforeId, int limit) {
        clients.get(client);
        return rows.latest(client, beforeId, limit);
    }

    @Transactional(readOnly = true)
    public List<Payslip> payslips(UUID client, long id, String afterNumber, int limit) {
        get(client, id);
        return rows.payslips(client, id, afterNumber, limit);
    }

    @Transactional(readOnly = true)
    public Payslip payslip(UUID client, long id, UUID employee) {
        get(client, id);
        return rows.payslip(client, id, employee).orElseThrow(() -> new NotFound("payslip", id + "/" + employee));
    }

    /** The paid run's bank file as written when it was paid; full account numbers, so for payroll managers and the client's administrators. */
    @Transactional(readOnly = true)
    public PayrollBankFile bankFile(UUID client, long id, CurrentUser by) {
        PayRun run = get(client, id);
        PayrollPermissions.requireBankFileReader(by);
        return bankFiles.stored(client, id).map(f -> new PayrollBankFile(id, f.format(), f.fileName(), f.mediaType(), f.payments(),
                f.total().toPlainString(), f.currency(), f.createdAt(), f.content()))
                .orElseThrow(() -> new NotFound("bank file of pay run", id + (run.status() == PayRun.Status.PAID ? "" : " (not paid yet)")));
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> paymentInstructions(UUID client, long id) {
        get(client, id);
        return rows.instructions(client, id);
    }

    /**
     * Retro pay for one employee of a finalised run: what the employee's current salary or rate would have
     * paid for that period (the same hours) less the basic pay the run paid, as a one-off off-cycle earning
     * RETRO. Only the delta is paid, never the period again; asking twice for the same run is refused.
     */
    @Transactional
    public java.util.Map<String, Object> retro(UUID client, long id, UUID employee, CurrentUser by) {
        PayRun run = get(client, id);
        PayrollPermissions.requirePayrollStaff(by, "raise retro pay");
        if (!run.locked()) {
            throw new BusinessRuleViolation(409, "pay-run-not-finalised", "status", "Retro pay is owed against a finalised run; "
                    + "recalculate this one instead.");
        }
        Payslip payslip = payslip(client, id, employee);
        var stored = employees.find(client, employee).orElseThrow(() -> new NotFound("employee", employee));
        String reference = "Retro pay for pay run " + id + " (" + run.periodStart() + " to " + run.periodEnd() + ")";
        if (items.of(client, employee).stream().anyMatch(item -> reference.equals(item.get("description")))) {
            throw new BusinessRuleViolation(409, "retro-pay-exists", "payRun", reference + " was raised already.");
        }
        Payslip.Line paid = payslip.lines().stream().filter(line -> line.code().equals("BASIC") || line.code().equals("HOURS"))
                .findFirst().orElseThrow(() -> BusinessRuleViolation.conflict("no-basic-pay", "The run paid this employee no basic pay."));
        BigDecimal hours = paid.code().equals("HOURS") ? new BigDecimal(paid.rule().substring(0, paid.rule().indexOf(' '))) : null;
        PayGroup group = groups.get(client, run.payGroup());
        var owed = org.openbpo.payroll.domain.PayslipCalculation.basicPay(stored.data(), groups.period(client, group, run.periodEnd()), hours);
        BigDecimal delta = owed.amount().subtract(new BigDecimal(paid.amount()));
        if (delta.signum() <= 0) {
            throw BusinessRuleViolation.conflict("no-retro-pay", "The current pay gives " + owed.toPlainString() + " for that period, "
                    + "not more than the " + paid.amount() + " paid; nothing is owed.");
        }
        return items.add(client, employee, new AddPayItem(org.openbpo.payroll.domain.PayItem.Kind.EARNING, "RETRO", reference, delta,
                false, true, run.periodEnd(), null), by);
    }

    /** The employee's pay and tax to date in a tax year, as finalised runs left them (zero before the first). */
    @Transactional(readOnly = true)
    public Map<String, Object> toDate(UUID client, UUID employee, String taxYear) {
        clients.get(client);
        employees.find(client, employee).orElseThrow(() -> new NotFound("employee", employee));
        return rows.toDate(client, employee, taxYear).orElseGet(() -> Map.of("tax_year", taxYear, "gross", "0",
                "tax", "0", "employee_contributions", "0", "employer_contributions", "0", "net", "0"));
    }

    private List<PayRunFinalized.JournalLine> journal(UUID client, long id, java.time.LocalDate payDate) {
        List<PayRunFinalized.JournalLine> lines = new ArrayList<>();
        List<PayRunFinalized.JournalLine> credits = new ArrayList<>();
        for (Map<String, Object> sum : rows.journalSums(client, id)) {
            BigDecimal amount = (BigDecimal) sum.get("amount");
            if (amount.signum() == 0) {
                continue;
            }
            String code = (String) sum.get("code");
            switch ((String) sum.get("section")) {
                case "G" -> lines.addFirst(new PayRunFinalized.JournalLine(PayRunFinalized.Purpose.GROSS_PAY, code, amount));
                case "R" -> {
                    lines.add(new PayRunFinalized.JournalLine(PayRunFinalized.Purpose.EMPLOYER_COST, code, amount));
                    credits.add(new PayRunFinalized.JournalLine(PayRunFinalized.Purpose.EMPLOYER_LIABILITY, code, amount));
                }
                case "N" -> credits.addFirst(new PayRunFinalized.JournalLine(PayRunFinalized.Purpose.NET_PAY, code, amount));
                case "T" -> credits.add(new PayRunFinalized.JournalLine(PayRunFinalized.Purpose.WITHHELD, code, amount));
                case "D" -> credits.add(new PayRunFinalized.JournalLine(PayRunFinalized.Purpose.DEDUCTION, code, amount));
                default -> throw new IllegalStateException("Unknown section " + sum.get("section"));
            }
        }
        lines.addAll(credits);
        return withEmploymentAllowance(client, id, payDate, lines);
    }

    /**
     * A UK run's Employment Allowance claim, as the tax liabilities report takes it, comes off the employer NICs
     * owed to HMRC and is credited on its own line, reducing their cost; a reversal run's gives the claim back.
     */
    private List<PayRunFinalized.JournalLine> withEmploymentAllowance(UUID client, long id, java.time.LocalDate payDate,
                                                                      List<PayRunFinalized.JournalLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            PayRunFinalized.JournalLine owed = lines.get(i);
            if (owed.purpose() == PayRunFinalized.Purpose.EMPLOYER_LIABILITY && owed.code().equals("NI_ER")) {
                BigDecimal claimed = allowanceClaims.claimedBy(client, id, payDate).amount();
                if (claimed.signum() != 0) {
                    lines.set(i, new PayRunFinalized.JournalLine(owed.purpose(), owed.code(), owed.amount().subtract(claimed)));
                    lines.add(new PayRunFinalized.JournalLine(PayRunFinalized.Purpose.EMPLOYMENT_ALLOWANCE, owed.code(), claimed));
                }
                break;
            }
        }
        return List.copyOf(lines);
    }

    private void move(UUID client, PayRun run, String to, @Nullable String note, CurrentUser by) {
        if (run.workItemId() != null) {
            workItems.move(client, run.workItemId(), new MoveWorkItem(to, note), by);
        }
    }

    private PayRun changed(UUID client, PayRun before, String action) {
        PayRun after = rows.find(client, before.id()).orElseThrow();
        audit.record(client, action, "pay-run", before.id(), Map.of("status", before.status()), Map.of("status", after.status()));
        return after;
    }

    private PayRun locked(UUID client, long id) {
        return rows.lock(client, id).orElseThrow(() -> new NotFound("pay run", id));
    }

    private static void requireStatus(PayRun run, PayRun.Status needed, String what) {
        if (run.status() != needed) {
            throw new BusinessRuleViolation(409, "pay-run-" + run.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    "status", "Pay run " + run.id() + " is " + run.status() + "; only a " + needed + " run can " + what + ".");
        }
    }

}
