package org.openbpo.payroll;

import org.openbpo.audit.AuditTrail;
import org.openbpo.payroll.domain.EmployeeFile;
import org.openbpo.payroll.persistence.EmployeeRows;
import org.openbpo.payroll.persistence.PayItemRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.money.Decimals;
import org.openbpo.shared.tenant.Actor;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Recurring and one-off earnings and deductions, and hours from the client's timesheet files. */
@Service
public class PayItems {

    private static final BigDecimal MOST_HOURS = new BigDecimal("744"); // every hour of a 31-day month

    private final PayItemRows rows;
    private final EmployeeRows employees;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    PayItems(PayItemRows rows, EmployeeRows employees, Clients clients, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.employees = employees;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Map<String, Object> add(UUID client, UUID employee, AddPayItem item, CurrentUser by) {
        clients.get(client);
        employees.find(client, employee).orElseThrow(() -> new NotFound("employee", employee));
        PayrollPermissions.requireRecordKeeper(by, "add earnings and deductions");
        if (item.recurring() && item.offCycle()) {
            throw BusinessRuleViolation.invalid("offCycle", "Only a one-off item can be paid off-cycle");
        }
        if (item.endsOn() != null && item.endsOn().isBefore(item.startsOn())) {
            throw BusinessRuleViolation.invalid("endsOn", "endsOn is before startsOn");
        }
        if (item.amount().stripTrailingZeros().scale() > 2) {
            throw BusinessRuleViolation.invalid("amount", "amount has more than 2 decimals");
        }
        long id = rows.insert(client, employee, item, clock.instant(), Actor.name());
        audit.record(client, "payroll.pay-item-added", "pay-item", id, null, item);
        return rows.of(client, employee).stream().filter(row -> ((Number) row.get("id")).longValue() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> of(UUID client, UUID employee) {
        clients.get(client);
        employees.find(client, employee).orElseThrow(() -> new NotFound("employee", employee));
        return rows.of(client, employee);
    }

    /**
     * Hours per employee and period from a CSV or XLSX file with columns employeeNumber, periodEnd, hours.
     * Every row is checked (a known employee, a date, hours from 0 to 744, a period whose regular run still takes
     * inputs: hours after its cut-off are refused, naming it); nothing is applied unless all are.
     */
    @Transactional
    public ImportReport importTimesheet(UUID client, byte[] content, boolean xlsx, CurrentUser by) {
        clients.get(client);
        PayrollPermissions.requireRecordKeeper(by, "import timesheets");
        List<String> columns = List.of("employeeNumber", "periodEnd", "hours");
        EmployeeFile.Contents contents;
        try {
            contents = EmployeeFile.read(content, xlsx, columns);
        } catch (EmployeeFile.Unreadable unreadable) {
            return new ImportReport(false, 0, 0, 0, List.of(new ImportReport.RowProblem(0, "file", unreadable.getMessage())));
        }
        List<ImportReport.RowProblem> errors = new ArrayList<>();
        contents.unknownColumns().forEach(column -> errors.add(new ImportReport.RowProblem(1, column,
                "'" + column + "' is not a timesheet column; columns are " + columns)));
        Map<String, UUID> ids = employees.idsByNumber(client);
        Map<String, PayItemRows.ClosedRun> closed = rows.closedRuns(client, clock.instant());
        Map<String, String> groupOf = closed.isEmpty() ? Map.of() : rows.groupsByNumber(client);
        record Hours(UUID employee, LocalDate periodEnd, BigDecimal hours) {
        }
        List<Hours> accepted = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (EmployeeFile.FileRow row : contents.rows()) {
            String number = row.values().get("employeeNumber");
            UUID employee = number == null ? null : ids.get(number);
            if (number == null) {
                errors.add(new ImportReport.RowProblem(row.number(), "employeeNumber", "employeeNumber is required"));
            } else if (employee == null) {
                errors.add(new ImportReport.RowProblem(row.number(), "employeeNumber", "No employee has number " + number));
            }
            LocalDate periodEnd = null;
            try {
                periodEnd = LocalDate.parse(row.values().getOrDefault("periodEnd", ""));
            } catch (DateTimeParseException e) {
                errors.add(new ImportReport.RowProblem(row.number(), "periodEnd", "'" + row.values().get("periodEnd")
                        + "' is not a date written YYYY-MM-DD"));
            }
            BigDecimal hours = null;
            String written = row.values().get("hours");
            try {
                hours = Decimals.parse(written == null ? "" : written);
                if (hours.signum() < 0) {
                    errors.add(new ImportReport.RowProblem(row.number(), "hours", "Hours cannot be negative (" + written + ")"));
                } else if (hours.compareTo(MOST_HOURS) > 0 || hours.stripTrailingZeros().scale() > 2) {
                    errors.add(new ImportReport.RowProblem(row.number(), "hours", "Hours are at most 744 a period, to 2 decimals"));
                }
            } catch (NumberFormatException e) {
                errors.add(new ImportReport.RowProblem(row.number(), "hours", "'" + written + "' is not a number of hours"));
            }
            if (employee != null && periodEnd != null) {
                Integer first = seen.putIfAbsent(number + "/" + periodEnd, row.number());
                if (first != null) {
                    errors.add(new ImportReport.RowProblem(row.number(), "employeeNumber", "Employee " + number
                            + " already has hours for " + periodEnd + " on row " + first));
                }
            }
            PayItemRows.ClosedRun closedRun = employee == null || periodEnd == null ? null
                    : closed.get(groupOf.get(number) + "/" + periodEnd);
            if (closedRun != null) {
                errors.add(new ImportReport.RowProblem(row.number(), "periodEnd", "The cut-off for the period ending " + periodEnd
                        + " was " + closedRun.cutOff() + " and pay run " + closedRun.id() + " has closed its inputs; pay late hours "
                        + "as a one-off earning, which goes to the next run"));
            }
            if (employee != null && periodEnd != null && hours != null && closedRun == null) {
                accepted.add(new Hours(employee, periodEnd, hours));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportReport(false, contents.rows().size(), 0, 0, List.copyOf(errors));
        }
        Instant now = clock.instant();
        accepted.forEach(h -> rows.hours(client, h.employee(), h.periodEnd(), h.hours(), now));
        audit.record(client, "payroll.timesheet-imported", "timesheet", now.toString(), null, Map.of("rows", accepted.size()));
        return new ImportReport(true, contents.rows().size(), accepted.size(), 0, List.of());
    }
}
