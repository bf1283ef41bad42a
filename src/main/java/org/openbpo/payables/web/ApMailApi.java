package org.openbpo.payables.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.payables.ApMailbox;
import org.openbpo.payables.CaptureInvoice;
import org.openbpo.payables.Invoice;
import org.openbpo.payables.InvoiceMailMessage;
import org.openbpo.payables.InvoiceMailStatus;
import org.openbpo.payables.InvoiceMails;
import org.openbpo.payables.MailDocumentFile;
import org.openbpo.payables.SetUpMailbox;
import org.openbpo.payables.ApMailboxFetching;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController("payablesMailApi")
@RequestMapping("/api/v1/clients/{clientId}/payables")
@Tag(name = "Payables: invoices by email", description = "The client's AP mailbox, mail handed in by a relay, what became of each "
        + "message, the PDFs kept, and keying in an invoice from a PDF")
class ApMailApi {

    private final InvoiceMails mails;
    private final ApMailboxFetching fetching;

    ApMailApi(InvoiceMails mails, ApMailboxFetching fetching) {
        this.mails = mails;
        this.fetching = fetching;
    }

    @GetMapping("/mailbox")
    @Operation(summary = "The client's AP mailbox (never the password) and how fetching it goes; 404 until one is set up")
    ApMailbox mailbox(@PathVariable UUID clientId) {
        return mails.mailbox(clientId);
    }

    @PutMapping("/mailbox")
    @Operation(summary = "Set up the client's AP mailbox (IMAP); without a password the stored one is kept")
    ApMailbox setUp(@PathVariable UUID clientId, @Valid @RequestBody SetUpMailbox command, @AuthenticationPrincipal CurrentUser user) {
        return mails.setUp(clientId, command, user);
    }

    @DeleteMapping("/mailbox")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop fetching the client's AP mailbox; the mail already received stays")
    void remove(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user) {
        mails.remove(clientId, user);
    }

    // Not excluded from Idempotency-Key: the whole fetch (the lease, each message stored, the mailbox's place) runs in the
    // request's one transaction, so a retry with the key replays the first answer and what its own run fetched is rolled
    // back; the mail server is only read (peek), and the next fetch finds that mail again, recognised by its message key.
    @PostMapping("/mailbox/fetches")
    @Operation(summary = "Fetch the client's AP mailbox now", description = "409 when another node is fetching it at this moment.")
    ApMailbox fetchNow(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user) {
        return fetching.fetchNow(clientId, user);
    }

    @PostMapping(path = "/inbound-mail", consumes = {"message/rfc822", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Hand in one raw RFC 5322 message to the AP mailbox (for providers whose mail arrives through a relay)",
            description = "201 when the message is new, whatever became of it (captured, a draft to key in, ignored or rejected, "
                    + "with the reason); 200 with the first outcome when the same message was handed in before.")
    ResponseEntity<InvoiceMails.Outcome> handIn(@PathVariable UUID clientId, @RequestBody(required = false) byte @Nullable [] raw,
                                                @AuthenticationPrincipal CurrentUser user) {
        if (raw == null || raw.length == 0) {
            throw BusinessRuleViolation.invalid("body", "The request body must be the raw message.");
        }
        InvoiceMails.Outcome outcome = mails.handIn(clientId, raw, user);
        return ResponseEntity.status(outcome.duplicate() ? 200 : 201).body(outcome);
    }

    @GetMapping("/inbound-mail")
    @Operation(summary = "Messages that reached the AP mailbox and what became of each, newest first; filter by status")
    CursorPage<InvoiceMailMessage> messages(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable InvoiceMailStatus status,
                                            @RequestParam(required = false) @Nullable String cursor,
                                            @RequestParam(required = false) @Nullable Integer limit) {
        int size = CursorPage.limit(limit);
        String after = CursorPage.decode(cursor);
        Instant beforeAt = null;
        UUID beforeId = null;
        if (after != null) {
            try {
                String[] parts = after.split("/", 2);
                beforeAt = Instant.parse(parts[0]);
                beforeId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
            }
        }
        return CursorPage.of(mails.messages(clientId, status, beforeAt, beforeId, size + 1), size, m -> m.receivedAt() + "/" + m.id());
    }

    @GetMapping("/inbound-mail/{mailId}")
    @Operation(summary = "One message: what became of it, why, and its files")
    InvoiceMailMessage message(@PathVariable UUID clientId, @PathVariable UUID mailId) {
        return mails.message(clientId, mailId);
    }

    @GetMapping("/inbound-mail/{mailId}/raw")
    @Operation(summary = "The message exactly as it arrived, as a download (never rendered)")
    ResponseEntity<byte[]> raw(@PathVariable UUID clientId, @PathVariable UUID mailId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + mailId + ".eml\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(mails.raw(clientId, mailId));
    }

    @GetMapping("/inbound-mail/{mailId}/documents/{number}")
    @Operation(summary = "A kept file of the message: a PDF is shown in the browser (sandboxed), anything else downloaded")
    ResponseEntity<byte[]> document(@PathVariable UUID clientId, @PathVariable UUID mailId, @PathVariable int number,
                                    @RequestParam(defaultValue = "false") boolean download) {
        return file(mails.document(clientId, mailId, number), download);
    }

    @PostMapping(path = "/inbound-mail/{mailId}/invoice", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Key in the invoice a mailed PDF carries (the provider's AP staff); the draft's work item is done")
    Invoice keyIn(@PathVariable UUID clientId, @PathVariable UUID mailId, @Valid @RequestBody CaptureInvoice command,
                  @AuthenticationPrincipal CurrentUser user) {
        return mails.keyIn(clientId, mailId, command, user);
    }

    @GetMapping("/invoices/{invoiceId}/mail")
    @Operation(summary = "The messages an invoice came from, with their files (its e-invoice, or the PDF it was keyed in from)")
    List<InvoiceMailMessage> ofInvoice(@PathVariable UUID clientId, @PathVariable UUID invoiceId) {
        return mails.ofInvoice(clientId, invoiceId);
    }

    /**
     * A file whose first bytes are a PDF's is shown inline as application/pdf (nosniff, so a browser never
     * reads it as anything else; a sandbox would stop the browsers' PDF viewers); every other file is a
     * download under a sandbox.
     */
    static ResponseEntity<byte[]> file(MailDocumentFile file, boolean download) {
        boolean inline = file.pdf() && !download;
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.filename(), StandardCharsets.UTF_8).build();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(inline ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff");
        if (!inline) {
            response.header("Content-Security-Policy", "sandbox");
        }
        return response.body(file.content());
    }
}
