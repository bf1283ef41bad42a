package org.openbpo.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.openbpo.payroll.PayrollReports;
import org.openbpo.payroll.TaxLiabilities;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payroll")
@Tag(name = "Payroll: documents and reports", description = "Payslip PDFs, the period register, tax liabilities per jurisdiction")
class PayrollReportApi {

    private final PayrollReports reports;
    private final org.openbpo.payroll.PayRuns runs;

    PayrollReportApi(PayrollReports reports, org.openbpo.payroll.PayRuns runs) {
        this.reports = reports;
        this.runs = runs;
    }

    @GetMapping(path = "/pay-runs/{runId}/payslips/{employeeId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The payslip as a PDF in the client's name (a draft until the run is finalised)")
    ResponseEntity<byte[]> pdf(@PathVariable UUID clientId, @PathVariable long runId, @PathVariable UUID employeeId) {
        byte[] pdf = reports.payslipPdf(clientId, runId, employeeId);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"payslip-" + runId + "-" + employeeId + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @GetMapping(path = "/pay-runs/{runId}/register", produces = "text/csv")
    @Operation(summary = "The period register: one CSV row per payslip with its totals and anomalies")
    void register(@PathVariable UUID clientId, @PathVariable long runId, HttpServletResponse response) throws IOException {
        runs.get(clientId, runId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register-" + runId + ".csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            reports.register(clientId, runId, out);
        }
    }

    @GetMapping("/tax-liabilities")
    @Operation(summary = "What is owed to whom for a country's pay paid between two dates; a US calendar quarter adds Form 941's lines")
    TaxLiabilities liabilities(@PathVariable UUID clientId, @RequestParam String country,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.liabilities(clientId, country, from, to);
    }
}
