package org.openbpo.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openbpo.payroll.AddPayItem;
import org.openbpo.payroll.ImportReport;
import org.openbpo.payroll.PayItems;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payroll")
@Tag(name = "Payroll: earnings, deductions and hours")
class PayItemApi {

    private final PayItems items;
    private final org.openbpo.payroll.PayRuns runs;

    PayItemApi(PayItems items, org.openbpo.payroll.PayRuns runs) {
        this.items = items;
        this.runs = runs;
    }

    @PostMapping("/employees/{employeeId}/pay-items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a recurring or one-off earning or deduction")
    Map<String, Object> add(@PathVariable UUID clientId, @PathVariable UUID employeeId, @Valid @RequestBody AddPayItem item,
                            @AuthenticationPrincipal CurrentUser user) {
        return items.add(clientId, employeeId, item, user);
    }

    @GetMapping("/employees/{employeeId}/pay-items")
    @Operation(summary = "The employee's earnings and deductions, and which run paid each one-off")
    List<Map<String, Object>> of(@PathVariable UUID clientId, @PathVariable UUID employeeId) {
        return items.of(clientId, employeeId);
    }

    @GetMapping("/employees/{employeeId}/to-date")
    @Operation(summary = "Pay and tax to date in a tax year (2026; 2025-26), carried by finalised runs")
    Map<String, Object> toDate(@PathVariable UUID clientId, @PathVariable UUID employeeId, @org.springframework.web.bind.annotation.RequestParam String taxYear) {
        return runs.toDate(clientId, employeeId, taxYear);
    }

    @PostMapping(path = "/timesheets", consumes = {"text/csv", EmployeeImportApi.XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Hours from a timesheet file (employeeNumber, periodEnd, hours): all rows or none", description = """
            Negative hours, unknown employees, bad dates and repeated rows are each reported as {row, field, reason}; \
            nothing is applied unless every row is valid. Hours of an employee and period replace earlier ones.""")
    ResponseEntity<?> timesheet(@PathVariable UUID clientId, @RequestBody byte[] content,
                                @RequestHeader("Content-Type") String contentType, @AuthenticationPrincipal CurrentUser user) {
        ImportReport report = items.importTimesheet(clientId, content, contentType.startsWith(EmployeeImportApi.XLSX), user);
        if (report.applied()) {
            return ResponseEntity.ok(report);
        }
        var first = report.errors().getFirst();
        var problem = PayrollProblems.of("invalid-timesheet", report.errors().size() + " problems; nothing was applied. First: row "
                + first.row() + ", " + first.field() + ": " + first.reason(), first.field(), report.errors());
        problem.getBody().setProperty("rows", report.rows());
        return problem;
    }
}
