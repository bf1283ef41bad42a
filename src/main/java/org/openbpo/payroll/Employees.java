package org.openbpo.payroll;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.EmployeeCheck;
import org.openbpo.payroll.domain.india.PensionMembership;
import org.openbpo.payroll.domain.EmployeeData;
import org.openbpo.payroll.domain.Problem;
import org.openbpo.payroll.domain.unitedkingdom.UnitedKingdomRulePack;
import org.openbpo.payroll.persistence.EmployeeRows;
import org.openbpo.payroll.persistence.PayGroupRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A client's employees: hired and updated one by one through the API and the pages, or many at once by
 * an import. The bank account is sealed with the installation's key, bound to the client and the
 * employee, and shown only masked.
 */
@Service
public class Employees {

    private final EmployeeRows rows;
    private final PayGroupRows groups;
    private final Clients clients;
    private final Secrets secrets;
    private final AuditTrail audit;
    private final Clock clock;
    private final Set<String> niCategories;

    Employees(EmployeeRows rows, PayGroupRows groups, Clients clients, Secrets secrets, AuditTrail audit, Clock clock,
              PayrollCalculator calculator) {
        this.rows = rows;
        this.groups = groups;
        this.clients = clients;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
        Set<String> letters = new TreeSet<>();
        calculator.packs().all().stream().filter(pack -> pack instanceof UnitedKingdomRulePack)
                .forEach(pack -> letters.addAll(((UnitedKingdomRulePack) pack).nationalInsurance().categories().keySet()));
        this.niCategories = Set.copyOf(letters);
    }

    @Transactional
    public Employee hire(UUID client, EmployeeForm form, CurrentUser by) {
        clients.get(client);
        PayrollPermissions.requireRecordKeeper(by, "add employees");
        EmployeeData data = checked(client, form.values(), Map.of());
        if (rows.byNumber(client, data.employeeNumber()).isPresent()) {
            throw new BusinessRuleViolation(409, "employee-exists", "employeeNumber",
                    "Employee number " + data.employeeNumber() + " is already taken.");
        }
        UUID id = Ids.next();
        Instant now = clock.instant();
        rows.insert(client, id, data, seal(client, id, data), now);
        Employee employee = get(client, id);
        audit.record(client, "payroll.employee-hired", "employee", id, null, employee);
        return employee;
    }

    /**
     * Replaces the employee's record with the form; fields left out of the form keep their stored values,
     * except the bank account, which is only replaced when a new one is given.
     */
    @Transactional
    public Employee update(UUID client, UUID id, EmployeeForm form, CurrentUser by) {
        clients.get(client);
        EmployeeRows.Stored stored = rows.findForUpdate(client, id).orElseThrow(() -> new NotFound("employee", id));
        PayrollPermissions.requireRecordKeeper(by, "change employees");
        EmployeeData data = checked(client, form.values(), stored.data().taxData().isEmpty() ? Map.of() : asValues(stored.data()));
        rows.byNumber(client, data.employeeNumber()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new BusinessRuleViolation(409, "employee-exists", "employeeNumber",
                    "Employee number " + data.employeeNumber() + " is already taken.");
        });
        Employee before = view(stored);
        rows.update(client, id, data, seal(client, id, data), clock.instant());
        Employee after = get(client, id);
        audit.record(client, "payroll.employee-changed", "employee", id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public Employee get(UUID client, UUID id) {
        clients.get(client);
        return rows.find(client, id).map(Employees::view).orElseThrow(() -> new NotFound("employee", id));
    }

    @Transactional(readOnly = true)
    public CursorPage<Employee> page(UUID client, @Nullable String cursor, int limit) {
        clients.get(client);
        List<Employee> fetched = rows.page(client, CursorPage.decode(cursor), limit + 1).stream().map(Employees::view).toList();
        return CursorPage.of(fetched, limit, Employee::employeeNumber);
    }

    /** Checks one row of an import against the stored employee of its number, if any; nothing is written. */
    List<Problem> problems(UUID client, Map<String, String> values, Map<String, String> stored, Map<String, Country> groupCountries) {
        EmployeeCheck.Checked checked = EmployeeCheck.check(merge(stored, values), niCategories);
        List<Problem> problems = new ArrayList<>(checked.problems());
        if (checked.valid()) {
            problems.addAll(groupProblems(checked.employee(), groupCountries));
            problems.addAll(pensionProblems(checked.employee(), stored));
        }
        return problems;
    }

    EmployeeData checkedRow(Map<String, String> values, Map<String, String> stored) {
        return EmployeeCheck.check(merge(stored, values), niCategories).employee();
    }

    void write(UUID client, @Nullable UUID existing, EmployeeData data, Instant at) {
        if (existing == null) {
            UUID id = Ids.next();
            rows.insert(client, id, data, seal(client, id, data), at);
        } else {
            rows.update(client, existing, data, seal(client, existing, data), at);
        }
    }

    private EmployeeData checked(UUID client, Map<String, String> values, Map<String, String> stored) {
        Map<String, Country> groupCountries = new HashMap<>();
        groups.all(client).forEach(group -> groupCountries.put(group.code(), group.country()));
        EmployeeCheck.Checked checked = EmployeeCheck.check(merge(stored, values), niCategories);
        List<Problem> problems = new ArrayList<>(checked.problems());
        if (checked.valid()) {
            problems.addAll(groupProblems(checked.employee(), groupCountries));
            problems.addAll(pensionProblems(checked.employee(), stored));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEmployee(problems);
        }
        return checked.employee();
    }

    private static List<Problem> groupProblems(EmployeeData data, Map<String, Country> groupCountries) {
        Country country = groupCountries.get(data.payGroup());
        if (country == null) {
            return List.of(new Problem("payGroup", data.payGroup() + " is not a pay group of this client"));
        }
        if (country != data.country()) {
            return List.of(new Problem("payGroup", "Pay group " + data.payGroup() + " pays " + country + " employees, not "
                    + data.country()));
        }
        return List.of();
    }

    /**
     * An Indian record may not say it is an EPS member (epsMember, true unless given) when the reference's rule says
     * it is not. A record that already said member keeps that through changes: membership follows the wages at
     * joining, and a raise since does not end it.
     */
    private static List<Problem> pensionProblems(EmployeeData data, Map<String, String> stored) {
        boolean alreadyMember = "IN".equalsIgnoreCase(stored.get("country")) && "true".equals(stored.get("epsMember"));
        if (data.country() != Country.IN || !"true".equals(data.taxData().get("epsMember")) || alreadyMember) {
            return List.of();
        }
        String epfWages = data.taxData().get("epfWages");
        BigDecimal monthly = epfWages != null ? new BigDecimal(epfWages)
                : data.annualSalary() == null ? null : data.annualSalary().divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        return PensionMembership.notAMember(data.startDate(), monthly).map(why -> List.of(new Problem("epsMember", why)))
                .orElse(List.of());
    }

    /** Stored values overlaid by the new ones; a change of country drops the old country's tax fields. */
    private static Map<String, String> merge(Map<String, String> stored, Map<String, String> values) {
        if (stored.isEmpty()) {
            return values;
        }
        Map<String, String> merged = new HashMap<>(stored);
        if (values.containsKey("country") && !values.get("country").equalsIgnoreCase(stored.get("country"))) {
            merged.keySet().removeAll(stored.keySet().stream().filter(key -> !BASE_FIELDS.contains(key)).toList());
        }
        merged.putAll(values);
        return merged;
    }

    private static final Set<String> BASE_FIELDS = Set.of("employeeNumber", "givenName", "familyName", "email", "country",
            "taxResidence", "payGroup", "startDate", "leaveDate", "payBasis", "annualSalary", "hourlyRate", "standardHours", "language");

    /** A stored employee as form values, so an update may name only what changes. */
    static Map<String, String> asValues(EmployeeData data) {
        Map<String, String> values = new HashMap<>(data.taxData());
        values.remove("taxRegime");
        values.put("employeeNumber", data.employeeNumber());
        values.put("givenName", data.givenName());
        values.put("familyName", data.familyName());
        if (data.email() != null) {
            values.put("email", data.email());
        }
        values.put("country", data.country().name());
        if (data.language() != null) {
            values.put("language", data.language());
        }
        values.put("taxResidence", data.taxResidence());
        values.put("payGroup", data.payGroup());
        values.put("startDate", data.startDate().toString());
        if (data.leaveDate() != null) {
            values.put("leaveDate", data.leaveDate().toString());
        }
        values.put("payBasis", data.payBasis().name());
        if (data.annualSalary() != null) {
            values.put("annualSalary", data.annualSalary().toPlainString());
        }
        if (data.hourlyRate() != null) {
            values.put("hourlyRate", data.hourlyRate().toPlainString());
        }
        if (data.standardHours() != null) {
            values.put("standardHours", data.standardHours().toPlainString());
        }
        return values;
    }

    private byte @Nullable [] seal(UUID client, UUID id, EmployeeData data) {
        return data.bank() == null ? null : secrets.seal(data.bank().sealable(), accountContext(client, id));
    }

    static String accountContext(UUID client, UUID employee) {
        return "payroll.employee.bank:" + client + ":" + employee;
    }

    static Employee view(EmployeeRows.Stored stored) {
        return Employee.of(stored.id(), stored.data(), stored.bankScheme(), stored.bankMasked(), stored.version(), stored.updatedAt());
    }

    /** Every problem of an employee record, each with its field: a 422 problem detail lists them all. */
    public static final class InvalidEmployee extends BusinessRuleViolation {
        private final List<Problem> problems;

        InvalidEmployee(List<Problem> problems) {
            super(422, "invalid-" + problems.getFirst().field().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT),
                    problems.getFirst().field(), problems.getFirst().reason()
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }
}
