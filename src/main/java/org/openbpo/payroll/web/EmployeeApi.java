package org.openbpo.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.Employee;
import org.openbpo.payroll.EmployeeForm;
import org.openbpo.payroll.Employees;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payroll/employees")
@Tag(name = "Payroll: employees", description = "A client's employees, their pay, bank accounts and tax details")
class EmployeeApi {

    private final Employees employees;

    EmployeeApi(Employees employees) {
        this.employees = employees;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an employee", description = """
            Every field is checked and every problem is listed (errors[], each with its field): an unknown tax code, \
            an NI category the rule pack does not know, a W-4 that cannot exist (exemption with Steps 2 to 4, allowances \
            on a 2020 or later form), a bank account failing its check digits, a pay group of another country.""")
    Employee hire(@PathVariable UUID clientId, @RequestBody EmployeeForm form, @AuthenticationPrincipal CurrentUser user) {
        return employees.hire(clientId, form, user);
    }

    @GetMapping
    @Operation(summary = "The client's employees by employee number, a page at a time")
    CursorPage<Employee> page(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable String cursor,
                              @RequestParam(required = false) @Nullable Integer limit) {
        return employees.page(clientId, cursor, CursorPage.limit(limit));
    }

    @GetMapping("/{employeeId}")
    @Operation(summary = "One employee; the bank account masked")
    Employee get(@PathVariable UUID clientId, @PathVariable UUID employeeId) {
        return employees.get(clientId, employeeId);
    }

    @PatchMapping("/{employeeId}")
    @Operation(summary = "Change an employee: only the fields given change; a new bank account replaces the old")
    Employee update(@PathVariable UUID clientId, @PathVariable UUID employeeId, @RequestBody EmployeeForm form,
                    @AuthenticationPrincipal CurrentUser user) {
        return employees.update(clientId, employeeId, form, user);
    }

    @ExceptionHandler(Employees.InvalidEmployee.class)
    ResponseEntity<ProblemDetail> invalid(Employees.InvalidEmployee e) {
        return PayrollProblems.of(e.code(), e.getMessage(), e.field(), PayrollProblems.fields(e.problems()));
    }
}
