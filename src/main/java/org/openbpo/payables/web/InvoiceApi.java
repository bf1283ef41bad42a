package org.openbpo.payables.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openbpo.payables.CaptureInvoice;
import org.openbpo.payables.Invoice;
import org.openbpo.payables.InvoiceImports;
import org.openbpo.payables.InvoiceStatus;
import org.openbpo.payables.Invoices;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController("vendorInvoiceApi")
@RequestMapping("/api/v1/clients/{clientId}/payables")
@Tag(name = "Payables: invoices", description = "Capture (by hand, CSV/XLSX, UBL e-invoice), matching, exceptions and approvals")
class InvoiceApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    record Resolution(@NotNull Boolean accept, @Nullable @Size(max = 2000) String note) {
    }

    record Rejection(@Nullable @Size(max = 2000) String note) {
    }

    private final Invoices invoices;
    private final InvoiceImports imports;

    InvoiceApi(Invoices invoices, InvoiceImports imports) {
        this.invoices = invoices;
        this.imports = imports;
    }

    @PostMapping(path = "/invoices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Capture one invoice by hand; it is matched at once")
    Invoice capture(@PathVariable UUID clientId, @Valid @RequestBody CaptureInvoice command, @AuthenticationPrincipal CurrentUser user) {
        return invoices.capture(clientId, command, user);
    }

    @PostMapping(path = "/invoice-imports", consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import invoices from CSV or XLSX: every row is checked and nothing is captured unless all rows are acceptable")
    Invoices.Captured importSheet(@PathVariable UUID clientId, @RequestBody byte[] content,
                                  @RequestHeader(value = "Content-Type") String contentType,
                                  @AuthenticationPrincipal CurrentUser user) {
        if (content.length == 0) {
            throw BusinessRuleViolation.invalid("body", "The request body must be the file.");
        }
        boolean xlsx = contentType.startsWith(XLSX) || (content.length > 1 && content[0] == 'P' && content[1] == 'K');
        return imports.sheet(clientId, content, xlsx, user);
    }

    @PostMapping(path = "/e-invoices", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Capture a UBL 2.1 / PEPPOL BIS Billing 3.0 invoice; DTDs and entities are refused")
    Invoice eInvoice(@PathVariable UUID clientId, @RequestBody byte[] xml, @RequestParam(required = false) @Nullable String vendor,
                     @AuthenticationPrincipal CurrentUser user) {
        if (xml.length == 0) {
            throw BusinessRuleViolation.invalid("body", "The request body must be the e-invoice.");
        }
        return imports.eInvoice(clientId, xml, vendor, user);
    }

    @GetMapping("/invoices")
    @Operation(summary = "Invoices, newest first; filter by status or vendor id")
    CursorPage<Invoice> page(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable InvoiceStatus status,
                             @RequestParam(required = false) @Nullable UUID vendor,
                             @RequestParam(required = false) @Nullable String cursor,
                             @RequestParam(required = false) @Nullable Integer limit) {
        int size = CursorPage.limit(limit);
        String after = CursorPage.decode(cursor);
        Instant afterAt = null;
        UUID afterId = null;
        if (after != null) {
            try {
                String[] parts = after.split("/", 2);
                afterAt = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
            }
        }
        List<Invoice> fetched = invoices.page(clientId, status, vendor, afterAt, afterId, size + 1);
        return CursorPage.of(fetched, size, i -> i.capturedAt() + "/" + i.id());
    }

    @GetMapping("/invoices/{invoiceId}")
    @Operation(summary = "One invoice with its lines, status and exceptions")
    Invoice get(@PathVariable UUID clientId, @PathVariable UUID invoiceId) {
        return invoices.get(clientId, invoiceId);
    }

    @PostMapping("/invoices/{invoiceId}/approval")
    @Operation(summary = "A client approver approves the invoice within their limit (not the person who captured it)")
    Invoice approve(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user) {
        return invoices.approve(clientId, invoiceId, user);
    }

    @PostMapping("/invoices/{invoiceId}/rejection")
    @Operation(summary = "A client approver rejects an invoice waiting for approval")
    Invoice reject(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @Valid @RequestBody Rejection rejection,
                   @AuthenticationPrincipal CurrentUser user) {
        return invoices.reject(clientId, invoiceId, rejection.note() == null ? "Rejected" : rejection.note(), user);
    }

    @PostMapping("/invoices/{invoiceId}/resolution")
    @Operation(summary = "The provider's agent settles an exception: accept (to the client's approver) or reject")
    Invoice resolve(@PathVariable UUID clientId, @PathVariable UUID invoiceId, @Valid @RequestBody Resolution resolution,
                    @AuthenticationPrincipal CurrentUser user) {
        return invoices.resolve(clientId, invoiceId, resolution.accept(),
                resolution.note() == null ? (resolution.accept() ? "Accepted" : "Rejected") : resolution.note(), user);
    }
}
