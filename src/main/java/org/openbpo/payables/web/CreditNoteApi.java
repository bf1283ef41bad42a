package org.openbpo.payables.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.payables.CaptureCreditNote;
import org.openbpo.payables.CreditNote;
import org.openbpo.payables.CreditNotes;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payables")
@Tag(name = "Payables: credit notes", description = "Vendors' credit notes, set against their open invoices in payment proposals")
class CreditNoteApi {

    private final CreditNotes notes;

    CreditNoteApi(CreditNotes notes) {
        this.notes = notes;
    }

    @PostMapping(path = "/credit-notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Capture one credit note by hand")
    CreditNote capture(@PathVariable UUID clientId, @Valid @RequestBody CaptureCreditNote command,
                       @AuthenticationPrincipal CurrentUser user) {
        return notes.capture(clientId, command, user);
    }

    @PostMapping(path = "/credit-note-imports", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import credit notes from CSV (vendor, number, date, currency, amount, invoice_number, reason): all or none")
    List<CreditNote> importSheet(@PathVariable UUID clientId, @RequestBody byte[] content, @AuthenticationPrincipal CurrentUser user) {
        if (content.length == 0) {
            throw BusinessRuleViolation.invalid("body", "The request body must be the file.");
        }
        return notes.sheet(clientId, content, user);
    }

    @PostMapping(path = "/e-credit-notes", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Capture a UBL 2.1 / PEPPOL BIS Billing 3.0 CreditNote; DTDs and entities are refused")
    CreditNote eCreditNote(@PathVariable UUID clientId, @RequestBody byte[] xml, @RequestParam(required = false) @Nullable String vendor,
                           @AuthenticationPrincipal CurrentUser user) {
        if (xml.length == 0) {
            throw BusinessRuleViolation.invalid("body", "The request body must be the credit note.");
        }
        return notes.eCreditNote(clientId, xml, vendor, user);
    }

    @GetMapping("/credit-notes")
    @Operation(summary = "Credit notes, newest first; only those with credit left with open=true; of one vendor with vendor=")
    List<CreditNote> list(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable UUID vendor,
                          @RequestParam(defaultValue = "false") boolean open, @RequestParam(required = false) @Nullable Integer limit) {
        return notes.list(clientId, vendor, open, CursorPage.limit(limit));
    }

    @GetMapping("/credit-notes/{creditNoteId}")
    @Operation(summary = "One credit note with the credit it has left")
    CreditNote get(@PathVariable UUID clientId, @PathVariable UUID creditNoteId) {
        return notes.get(clientId, creditNoteId);
    }

    @GetMapping("/credit-notes/{creditNoteId}/allocations")
    @Operation(summary = "Where the note's credit went: the invoices payment proposals set it against, and how much")
    List<org.openbpo.payables.CreditAllocation> allocations(@PathVariable UUID clientId, @PathVariable UUID creditNoteId) {
        return notes.allocations(clientId, creditNoteId);
    }
}
