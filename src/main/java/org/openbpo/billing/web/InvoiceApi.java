package org.openbpo.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.openbpo.billing.Invoice;
import org.openbpo.billing.InvoicePdf;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.IssueCreditNote;
import org.openbpo.billing.UsageRecord;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

@RestController("clientInvoiceApi")
@RequestMapping("/api/v1/clients/{clientId}/invoices")
@Tag(name = "Billing: invoices", description = "Draft → review → issue, credit notes, drill-down to usage, PDF")
class InvoiceApi {

    record DraftInvoices(@NotNull YearMonth period) {
    }

    private final Invoicing invoicing;
    private final InvoicePdf pdf;
    private final Clients clients;

    InvoiceApi(Invoicing invoicing, InvoicePdf pdf, Clients clients) {
        this.invoicing = invoicing;
        this.pdf = pdf;
        this.clients = clients;
    }

    @GetMapping
    @Operation(summary = "The client's invoices and credit notes, newest month first (client users: issued ones only)")
    List<Invoice> list(@PathVariable UUID clientId,
                       @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth period,
                       @AuthenticationPrincipal CurrentUser user) {
        return invoicing.of(clientId, period == null ? null : period.atDay(1), !user.providerStaff(), 200);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate a month into draft invoices (one per contract currency), or rate the drafts again")
    List<Invoice> draft(@PathVariable UUID clientId, @Valid @RequestBody DraftInvoices request, @AuthenticationPrincipal CurrentUser user) {
        clients.get(clientId);
        BillingStaff.require(user, "draft invoices");
        return invoicing.draft(clientId, request.period().atDay(1));
    }

    @GetMapping("/{invoiceId}")
    @Operation(summary = "One invoice with its lines")
    Invoice get(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user) {
        return BillingStaff.visible(invoicing.get(clientId, invoiceId), user);
    }

    @PostMapping("/{invoiceId}/review")
    @Operation(summary = "Close the month for billing, rate it a last time and put the invoice up for review")
    Invoice review(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user) {
        BillingStaff.visible(invoicing.get(clientId, invoiceId), user);
        BillingStaff.require(user, "review invoices");
        return invoicing.review(clientId, invoiceId);
    }

    @PostMapping("/{invoiceId}/reopen")
    @Operation(summary = "Take an invoice in review back to draft")
    Invoice reopen(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user) {
        BillingStaff.visible(invoicing.get(clientId, invoiceId), user);
        BillingStaff.require(user, "reopen invoices");
        return invoicing.reopen(clientId, invoiceId);
    }

    @PostMapping("/{invoiceId}/issue")
    @Operation(summary = "Number the reviewed invoice and make it final; issuing it again is a 409")
    Invoice issue(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user) {
        BillingStaff.visible(invoicing.get(clientId, invoiceId), user);
        BillingStaff.require(user, "issue invoices");
        return invoicing.issue(clientId, invoiceId);
    }

    @PostMapping("/{invoiceId}/credit-notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct an issued invoice with a credit note (the lines given, or all)")
    Invoice creditNote(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @Valid @RequestBody IssueCreditNote command,
                       @AuthenticationPrincipal CurrentUser user) {
        BillingStaff.visible(invoicing.get(clientId, invoiceId), user);
        BillingStaff.require(user, "issue credit notes");
        return invoicing.creditNote(clientId, invoiceId, command);
    }

    @GetMapping("/{invoiceId}/lines/{lineNo}/usage")
    @Operation(summary = "The usage records behind a usage line (and the work items they came from), by id")
    CursorPage<UsageRecord> usage(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @PathVariable int lineNo,
                                  @RequestParam(required = false) @Nullable String cursor,
                                  @RequestParam(required = false) @Nullable Integer limit,
                                  @AuthenticationPrincipal CurrentUser user) {
        BillingStaff.visible(invoicing.get(clientId, invoiceId), user);
        int size = CursorPage.limit(limit);
        String after = CursorPage.decode(cursor);
        long afterId;
        try {
            afterId = after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
        }
        return CursorPage.of(invoicing.usageBehind(clientId, invoiceId, lineNo, afterId, size + 1), size,
                record -> Long.toString(record.id()));
    }

    @GetMapping(value = "/{invoiceId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The invoice as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user) {
        Invoice invoice = BillingStaff.visible(invoicing.get(clientId, invoiceId), user);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(InvoicePdf.fileName(invoice)).build().toString())
                .body(pdf.render(clientId, invoiceId));
    }
}
