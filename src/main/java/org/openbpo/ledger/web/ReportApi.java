package org.openbpo.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.BalanceSheet;
import org.openbpo.ledger.GeneralLedger;
import org.openbpo.ledger.IncomeStatement;
import org.openbpo.ledger.Reports;
import org.openbpo.ledger.TrialBalance;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.ledger.ReportFile;
import org.openbpo.ledger.ReportFiles;
import org.openbpo.tenancy.Clients;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/ledger/reports")
@Tag(name = "Ledger: reports", description = "Trial balance, income statement, balance sheet and general ledger as of any day")
class ReportApi {

    private final Reports reports;
    private final ReportFiles files;
    private final Clients clients;

    ReportApi(Reports reports, ReportFiles files, Clients clients) {
        this.reports = reports;
        this.files = files;
        this.clients = clients;
    }

    @GetMapping("/trial-balance")
    @Operation(summary = "Every account's balance per currency at the end of a day (default: today)")
    TrialBalance trialBalance(@PathVariable UUID clientId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return reports.trialBalance(clientId, asOf == null ? clients.today(clientId) : asOf);
    }

    @GetMapping("/income-statement")
    @Operation(summary = "Income and expenses between two days in the functional currency")
    IncomeStatement incomeStatement(@PathVariable UUID clientId,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        requireOrder(from, to);
        return reports.incomeStatement(clientId, from, to);
    }

    @GetMapping("/balance-sheet")
    @Operation(summary = "Assets, liabilities and equity at the end of a day (default: today)")
    BalanceSheet balanceSheet(@PathVariable UUID clientId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return reports.balanceSheet(clientId, asOf == null ? clients.today(clientId) : asOf);
    }

    @GetMapping("/general-ledger/{account}")
    @Operation(summary = "An account's lines between two days with running balances, in pages")
    GeneralLedger generalLedger(@PathVariable UUID clientId, @PathVariable String account,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) @Nullable String cursor,
                                @RequestParam(required = false) @Nullable Integer limit) {
        requireOrder(from, to);
        String after = CursorPage.decode(cursor);
        LocalDate afterDate = null;
        long afterEntry = 0;
        int afterLine = 0;
        if (after != null) {
            try {
                String[] parts = after.split("/");
                afterDate = LocalDate.parse(parts[0]);
                afterEntry = Long.parseLong(parts[1]);
                afterLine = Integer.parseInt(parts[2]);
            } catch (RuntimeException e) {
                throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
            }
        }
        return reports.generalLedger(clientId, account, from, to, afterDate, afterEntry, afterLine, CursorPage.limit(limit));
    }

    @GetMapping(value = "/trial-balance", params = "format")
    @Operation(summary = "The trial balance as a PDF or XLSX file (format=pdf|xlsx)")
    ResponseEntity<byte[]> trialBalanceFile(@PathVariable UUID clientId, @RequestParam String format,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        ReportFile.Format as = ReportFile.Format.of(format);
        return download(files.trialBalance(clientId, asOf == null ? clients.today(clientId) : asOf, as));
    }

    @GetMapping(value = "/income-statement", params = "format")
    @Operation(summary = "The income statement as a PDF or XLSX file (format=pdf|xlsx)")
    ResponseEntity<byte[]> incomeStatementFile(@PathVariable UUID clientId, @RequestParam String format,
                                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportFile.Format as = ReportFile.Format.of(format);
        requireOrder(from, to);
        return download(files.incomeStatement(clientId, from, to, as));
    }

    @GetMapping(value = "/balance-sheet", params = "format")
    @Operation(summary = "The balance sheet as a PDF or XLSX file (format=pdf|xlsx)")
    ResponseEntity<byte[]> balanceSheetFile(@PathVariable UUID clientId, @RequestParam String format,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        ReportFile.Format as = ReportFile.Format.of(format);
        return download(files.balanceSheet(clientId, asOf == null ? clients.today(clientId) : asOf, as));
    }

    @GetMapping(value = "/general-ledger/{account}", params = "format")
    @Operation(summary = "An account's lines between two days as one PDF or XLSX file (format=pdf|xlsx), up to "
            + ReportFiles.GENERAL_LEDGER_LINES + " lines")
    ResponseEntity<byte[]> generalLedgerFile(@PathVariable UUID clientId, @PathVariable String account, @RequestParam String format,
                                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportFile.Format as = ReportFile.Format.of(format);
        requireOrder(from, to);
        return download(files.generalLedger(clientId, account, from, to, as));
    }

    static ResponseEntity<byte[]> download(ReportFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }

    private static void requireOrder(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw BusinessRuleViolation.invalid("to", "must not be before from");
        }
    }
}
