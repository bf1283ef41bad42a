package org.openbpo.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.PayRun;
import org.openbpo.payroll.PayRunDecision;
import org.openbpo.payroll.PayRuns;
import org.openbpo.payroll.Payslip;
import org.openbpo.payroll.PreparePayRun;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payroll/pay-runs")
@Tag(name = "Payroll: pay runs", description = "Prepare, check (maker-checker), client approval, finalise, pay")
class PayRunApi {

    private final PayRuns runs;

    PayRunApi(PayRuns runs) {
        this.runs = runs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Prepare a pay run: every employee of the pay group calculated, anomalies flagged; raised as a work item")
    PayRun prepare(@PathVariable UUID clientId, @Valid @RequestBody PreparePayRun command, @AuthenticationPrincipal CurrentUser user) {
        return runs.prepare(clientId, command, user).seenBy(user);
    }

    @GetMapping
    @Operation(summary = "The client's pay runs, newest first")
    CursorPage<PayRun> page(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable String cursor,
                            @RequestParam(required = false) @Nullable Integer limit, @AuthenticationPrincipal CurrentUser user) {
        int size = CursorPage.limit(limit);
        String after = CursorPage.decode(cursor);
        long before;
        try {
            before = after == null ? Long.MAX_VALUE : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw org.openbpo.shared.error.BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
        }
        return CursorPage.of(runs.latest(clientId, before, size + 1), size, run -> Long.toString(run.id())).map(run -> run.seenBy(user));
    }

    @GetMapping("/{runId}")
    @Operation(summary = "One pay run with its totals and status; a client's people see the provider's staff as the service team")
    PayRun get(@PathVariable UUID clientId, @PathVariable long runId, @AuthenticationPrincipal CurrentUser user) {
        return runs.get(clientId, runId).seenBy(user);
    }

    @PostMapping("/{runId}/recalculation")
    @Operation(summary = "Calculate a prepared run again after corrections")
    PayRun recalculate(@PathVariable UUID clientId, @PathVariable long runId, @AuthenticationPrincipal CurrentUser user) {
        return runs.recalculate(clientId, runId, user).seenBy(user);
    }

    @PostMapping("/{runId}/submission")
    @Operation(summary = "Send the prepared run to a second person of the provider for checking")
    PayRun submit(@PathVariable UUID clientId, @PathVariable long runId, @AuthenticationPrincipal CurrentUser user) {
        return runs.sendForCheck(clientId, runId, user).seenBy(user);
    }

    @PostMapping("/{runId}/check")
    @Operation(summary = "The provider's check: APPROVE sends it to the client, RETURN back to preparing; never by its preparer. "
            + "A return's note is for the preparer (returnNote): the client never sees it")
    PayRun check(@PathVariable UUID clientId, @PathVariable long runId, @Valid @RequestBody PayRunDecision decision,
                 @AuthenticationPrincipal CurrentUser user) {
        return runs.check(clientId, runId, decision, user).seenBy(user);
    }

    @PostMapping("/{runId}/client-approval")
    @Operation(summary = "The client's approval (client approvers only): APPROVE, or RETURN to be prepared again")
    PayRun approve(@PathVariable UUID clientId, @PathVariable long runId, @Valid @RequestBody PayRunDecision decision,
                   @AuthenticationPrincipal CurrentUser user) {
        return runs.clientDecision(clientId, runId, decision, user).seenBy(user);
    }

    @PostMapping("/{runId}/finalisation")
    @Operation(summary = "Finalise an approved run: payslips numbered and locked, figures to date carried, journal published; again: no change")
    PayRun finalise(@PathVariable UUID clientId, @PathVariable long runId, @AuthenticationPrincipal CurrentUser user) {
        return runs.finalise(clientId, runId, user).seenBy(user);
    }

    @PostMapping("/{runId}/payment")
    @Operation(summary = "Write the payment instructions of a finalised run; again: no change, nobody is paid twice")
    PayRun pay(@PathVariable UUID clientId, @PathVariable long runId, @AuthenticationPrincipal CurrentUser user) {
        return runs.pay(clientId, runId, user).seenBy(user);
    }

    @PostMapping("/{runId}/reopening")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Re-open a finalised or paid run: a reversal run negates it (reversing journal, never paid) and a correction "
            + "run is prepared; paying the correction pays only what the reversed run did not; payroll managers")
    org.openbpo.payroll.Reopened reopen(@PathVariable UUID clientId, @PathVariable long runId,
                                        @Valid @RequestBody org.openbpo.payroll.ReopenPayRun command, @AuthenticationPrincipal CurrentUser user) {
        return runs.reopen(clientId, runId, command.reason(), user);
    }

    @GetMapping("/{runId}/payslips")
    @Operation(summary = "The run's payslips by employee number (totals and anomalies; lines on each payslip)")
    CursorPage<Payslip> payslips(@PathVariable UUID clientId, @PathVariable long runId,
                                 @RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable Integer limit) {
        int size = CursorPage.limit(limit);
        String after = CursorPage.decode(cursor);
        return CursorPage.of(runs.payslips(clientId, runId, after == null ? "" : after, size + 1), size, Payslip::employeeNumber);
    }

    @GetMapping("/{runId}/payslips/{employeeId}")
    @Operation(summary = "One employee's payslip with its lines")
    Payslip payslip(@PathVariable UUID clientId, @PathVariable long runId, @PathVariable UUID employeeId) {
        return runs.payslip(clientId, runId, employeeId);
    }

    @PostMapping("/{runId}/payslips/{employeeId}/retro-pay")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise retro pay: the current salary's pay for that period less what was paid, as an off-cycle earning")
    Map<String, Object> retro(@PathVariable UUID clientId, @PathVariable long runId, @PathVariable UUID employeeId,
                              @org.springframework.security.core.annotation.AuthenticationPrincipal CurrentUser user) {
        return runs.retro(clientId, runId, employeeId, user);
    }

    @GetMapping("/{runId}/bank-file")
    @Operation(summary = "The paid run's bank file as first written: NACHA (US), BACS Standard 18 (UK), SEPA pain.001 (EUR), "
            + "OpenBPO's bank upload CSV (India, Philippines); payroll managers and the client's administrators")
    org.springframework.http.ResponseEntity<byte[]> bankFile(@PathVariable UUID clientId, @PathVariable long runId,
                                                             @AuthenticationPrincipal CurrentUser user) {
        org.openbpo.payroll.PayrollBankFile file = runs.bankFile(clientId, runId, user);
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"")
                .header("X-Bank-File-Format", file.format())
                .header("X-Bank-File-Payments", Integer.toString(file.payments()))
                .header("X-Bank-File-Total", file.total() + " " + file.currency())
                .contentType(org.springframework.http.MediaType.parseMediaType(file.mediaType())).body(file.content());
    }

    @GetMapping("/{runId}/payment-instructions")
    @Operation(summary = "What to pay whom: amount, currency, pay date, masked account and reference")
    List<Map<String, Object>> instructions(@PathVariable UUID clientId, @PathVariable long runId) {
        return runs.paymentInstructions(clientId, runId);
    }
}
