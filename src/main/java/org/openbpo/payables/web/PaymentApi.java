package org.openbpo.payables.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openbpo.payables.PaymentProposals;
import org.openbpo.payables.PaymentRun;
import org.openbpo.payables.Proposal;
import org.openbpo.payables.ProposePayments;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payables")
@Tag(name = "Payables: payments", description = "Payment proposals approved by the client, payment runs and their bank files")
class PaymentApi {

    private final PaymentProposals proposals;

    PaymentApi(PaymentProposals proposals) {
        this.proposals = proposals;
    }

    @PostMapping("/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose paying the approved invoices due by a date, taking open early-payment discounts")
    Proposal propose(@PathVariable UUID clientId, @Valid @RequestBody ProposePayments command, @AuthenticationPrincipal CurrentUser user) {
        return proposals.propose(clientId, command, user);
    }

    @GetMapping("/proposals")
    @Operation(summary = "The latest proposals")
    List<Proposal> latest(@PathVariable UUID clientId) {
        return proposals.latest(clientId, 50);
    }

    @GetMapping("/proposals/{proposalId}")
    @Operation(summary = "One proposal with its invoices")
    Proposal get(@PathVariable UUID clientId, @PathVariable UUID proposalId) {
        return proposals.get(clientId, proposalId);
    }

    @PostMapping("/proposals/{proposalId}/approval")
    @Operation(summary = "The client approves the proposal")
    Proposal approve(@PathVariable UUID clientId, @PathVariable UUID proposalId, @AuthenticationPrincipal CurrentUser user) {
        return proposals.approve(clientId, proposalId, user);
    }

    @PostMapping("/proposals/{proposalId}/cancellation")
    @Operation(summary = "Cancel a proposal not yet run; its invoices can be proposed again")
    Proposal cancel(@PathVariable UUID clientId, @PathVariable UUID proposalId, @AuthenticationPrincipal CurrentUser user) {
        return proposals.cancel(clientId, proposalId, user);
    }

    @PostMapping("/proposals/{proposalId}/run")
    @Operation(summary = "Run an approved proposal: write the bank file and record the payments (again: the same run)")
    PaymentRun run(@PathVariable UUID clientId, @PathVariable UUID proposalId, @AuthenticationPrincipal CurrentUser user) {
        return proposals.run(clientId, proposalId, user);
    }

    @GetMapping("/payment-runs/{runId}")
    @Operation(summary = "One payment run")
    PaymentRun runOf(@PathVariable UUID clientId, @PathVariable UUID runId) {
        return proposals.runOf(clientId, runId);
    }

    @GetMapping("/payment-runs/{runId}/file")
    @Operation(summary = "The run's bank file (NACHA, SEPA pain.001 or BACS Standard 18)")
    ResponseEntity<byte[]> file(@PathVariable UUID clientId, @PathVariable UUID runId, @AuthenticationPrincipal CurrentUser user) {
        PaymentRun run = proposals.runOf(clientId, runId);
        byte[] content = proposals.file(clientId, runId, user);
        return ResponseEntity.ok()
                .contentType("SEPA".equals(run.format()) ? MediaType.APPLICATION_XML : MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + run.fileName() + "\"")
                .body(content);
    }
}
