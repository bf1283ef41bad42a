package org.openbpo.payroll;

import org.openbpo.audit.AuditTrail;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.EmployeeData;
import org.openbpo.payroll.domain.EmployeeFile;
import org.openbpo.payroll.domain.Problem;
import org.openbpo.payroll.persistence.EmployeeRows;
import org.openbpo.payroll.persistence.PayGroupRows;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adds and updates employees from a CSV or XLSX file. Every row is checked first, with the rules of a
 * single employee; a row whose employee number exists updates that employee (fields left blank keep
 * their values). Nothing is applied unless every row is valid, and then all of it in one transaction.
 */
@Service
public class EmployeeImports {

    /** The most rows one file may hold. */
    static final int MAX_ROWS = 200_000;

    private final Employees employees;
    private final EmployeeRows rows;
    private final PayGroupRows groups;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    EmployeeImports(Employees employees, EmployeeRows rows, PayGroupRows groups, Clients clients, AuditTrail audit, Clock clock) {
        this.employees = employees;
        this.rows = rows;
        this.groups = groups;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importFile(UUID client, byte[] content, boolean xlsx, CurrentUser by) {
        clients.get(client);
        PayrollPermissions.requireRecordKeeper(by, "import employees");
        EmployeeFile.Contents contents;
        try {
            contents = EmployeeFile.read(content, xlsx, EmployeeForm.COLUMNS);
        } catch (EmployeeFile.Unreadable unreadable) {
            return refused(0, List.of(new ImportReport.RowProblem(0, "file", unreadable.getMessage())));
        }
        List<ImportReport.RowProblem> errors = new ArrayList<>();
        for (String column : contents.unknownColumns()) {
            errors.add(new ImportReport.RowProblem(1, column, "'" + column + "' is not a column of an employee file; columns are "
                    + EmployeeForm.COLUMNS));
        }
        if (!contents.header().contains("employeeNumber")) {
            errors.add(new ImportReport.RowProblem(1, "employeeNumber", "The header needs an employeeNumber column"));
        }
        if (contents.rows().size() > MAX_ROWS) {
            errors.add(new ImportReport.RowProblem(0, "file", "A file holds at most " + MAX_ROWS + " rows"));
        }
        if (!errors.isEmpty()) {
            return refused(contents.rows().size(), errors);
        }
        Map<String, Country> groupCountries = new HashMap<>();
        groups.all(client).forEach(group -> groupCountries.put(group.code(), group.country()));
        Map<String, UUID> existing = rows.idsByNumber(client);
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, Map<String, String>> storedByRow = new HashMap<>();
        for (EmployeeFile.FileRow row : contents.rows()) {
            if (row.values().containsKey("")) {
                errors.add(new ImportReport.RowProblem(row.number(), "row", row.values().get("")));
                continue;
            }
            String number = row.values().get("employeeNumber");
            if (number != null) {
                Integer first = seen.putIfAbsent(number, row.number());
                if (first != null) {
                    errors.add(new ImportReport.RowProblem(row.number(), "employeeNumber",
                            "Employee number " + number + " is also on row " + first + "; a file names each employee once"));
                    continue;
                }
            }
            Map<String, String> stored = Map.of();
            if (number != null && existing.containsKey(number)) {
                stored = rows.find(client, existing.get(number)).map(s -> Employees.asValues(s.data())).orElse(Map.of());
                storedByRow.put(row.number(), stored);
            }
            for (Problem problem : employees.problems(client, row.values(), stored, groupCountries)) {
                errors.add(new ImportReport.RowProblem(row.number(), problem.field(), problem.reason()));
            }
        }
        if (!errors.isEmpty()) {
            return refused(contents.rows().size(), errors);
        }
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        for (EmployeeFile.FileRow row : contents.rows()) {
            Map<String, String> stored = storedByRow.getOrDefault(row.number(), Map.of());
            EmployeeData data = employees.checkedRow(row.values(), stored);
            UUID id = existing.get(data.employeeNumber());
            employees.write(client, id, data, now);
            if (id == null) {
                created++;
            } else {
                updated++;
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", contents.rows().size());
        summary.put("created", created);
        summary.put("updated", updated);
        summary.put("sha256", sha256(content));
        audit.record(client, "payroll.employees-imported", "employee-file", summary.get("sha256"), null, summary);
        return new ImportReport(true, contents.rows().size(), created, updated, List.of());
    }

    private static ImportReport refused(int rows, List<ImportReport.RowProblem> errors) {
        return new ImportReport(false, rows, 0, 0, List.copyOf(errors));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
