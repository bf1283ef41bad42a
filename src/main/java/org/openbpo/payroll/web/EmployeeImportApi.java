package org.openbpo.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openbpo.payroll.EmployeeImports;
import org.openbpo.payroll.ImportReport;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payroll/employees/imports")
@Tag(name = "Payroll: employees")
class EmployeeImportApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EmployeeImports imports;

    EmployeeImportApi(EmployeeImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Add and update employees from a CSV or XLSX file: all rows or none", description = """
            The header names the columns, as the fields of an employee (employeeNumber, givenName, ..., taxCode, \
            niCategory, ...). Every row is checked; if any has a problem, nothing is applied and the 422 problem \
            detail lists each one as {row, field, reason} (the header is row 1). A row whose employee number exists \
            updates that employee. Send text/csv or the XLSX media type.""")
    ResponseEntity<?> importFile(@PathVariable UUID clientId, @RequestBody byte[] content,
                                 @RequestHeader("Content-Type") String contentType, @AuthenticationPrincipal CurrentUser user) {
        ImportReport report = imports.importFile(clientId, content, contentType.startsWith(XLSX), user);
        if (report.applied()) {
            return ResponseEntity.ok(report);
        }
        var first = report.errors().getFirst();
        var problem = PayrollProblems.of("invalid-employee-file", report.errors().size() + " problems in " + report.rows()
                + " rows; nothing was applied. First: row " + first.row() + ", " + first.field() + ": " + first.reason(),
                first.field(), report.errors());
        problem.getBody().setProperty("rows", report.rows());
        problem.getBody().setProperty("applied", false);
        return problem;
    }
}
