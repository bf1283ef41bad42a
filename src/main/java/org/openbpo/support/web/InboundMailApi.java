package org.openbpo.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.support.EmailIntake;
import org.openbpo.support.InboundMessage;
import org.openbpo.support.IntakeOutcome;
import org.openbpo.support.IntakeStatus;
import org.openbpo.support.MailboxStatus;
import org.openbpo.support.SupportChannels;
import org.openbpo.support.mail.MailboxPoller;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/support")
@Tag(name = "Inbound email", description = "Mail reaching a client's channel: handed in by a relay, or fetched from its mailbox")
class InboundMailApi {

    private final EmailIntake intake;
    private final SupportChannels channels;
    private final MailboxPoller poller;

    InboundMailApi(EmailIntake intake, SupportChannels channels, MailboxPoller poller) {
        this.intake = intake;
        this.channels = channels;
        this.poller = poller;
    }

    @PostMapping(path = "/inbound", consumes = {"message/rfc822", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Hand in one raw RFC 5322 message (for providers whose mail arrives through a relay)",
            description = "201 when the message is new (whatever became of it: a ticket, a comment, ignored or rejected, "
                    + "with the reason); 200 with the first outcome when the same message was handed in before.")
    ResponseEntity<IntakeOutcome> handIn(@PathVariable UUID clientId, @RequestBody byte[] raw,
                                         @AuthenticationPrincipal CurrentUser user) {
        if (raw.length == 0) {
            throw BusinessRuleViolation.invalid("body", "The request body must be the raw message.");
        }
        IntakeOutcome outcome = intake.handIn(clientId, raw, user);
        return ResponseEntity.status(outcome.duplicate() ? 200 : 201).body(outcome);
    }

    @GetMapping("/inbound")
    @Operation(summary = "Messages that reached the client's channel and what became of them, oldest first; filter by status")
    CursorPage<InboundMessage> messages(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable IntakeStatus status,
                                        @RequestParam(required = false) @Nullable String cursor,
                                        @RequestParam(required = false) @Nullable Integer limit,
                                        @AuthenticationPrincipal CurrentUser user) {
        int size = CursorPage.limit(limit);
        String after = CursorPage.decode(cursor);
        UUID afterId;
        try {
            afterId = after == null ? null : UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
        }
        return CursorPage.of(intake.messages(clientId, status, afterId, size + 1, user), size, m -> m.id().toString());
    }

    @GetMapping("/inbound/{messageId}/raw")
    @Operation(summary = "The message exactly as it arrived, as a download (never rendered)")
    ResponseEntity<byte[]> raw(@PathVariable UUID clientId, @PathVariable UUID messageId, @AuthenticationPrincipal CurrentUser user) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + messageId + ".eml\"")
                .body(intake.raw(clientId, messageId, user));
    }

    @GetMapping("/mailbox")
    @Operation(summary = "How fetching the client's IMAP mailbox goes")
    MailboxStatus mailbox(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user) {
        return channels.mailbox(clientId, user);
    }

    @PostMapping("/mailbox/fetches")
    @Operation(summary = "Fetch the client's mailbox now (administrators and operations managers)",
            description = "409 when another node is fetching it at this moment.")
    MailboxStatus fetchNow(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user) {
        channels.mailbox(clientId, user);
        if (!(user.has(Role.ADMINISTRATOR) || user.has(Role.OPERATIONS_MANAGER))) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only administrators and operations managers fetch mailboxes.");
        }
        if (!poller.poll(clientId)) {
            throw BusinessRuleViolation.conflict("mailbox-busy", "Another node is fetching this mailbox right now.");
        }
        return channels.mailbox(clientId, user);
    }
}
