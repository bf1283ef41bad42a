package org.openbpo.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.shared.secret.SecretAnswers;
import org.openbpo.support.Call;
import org.openbpo.support.CallEvent;
import org.openbpo.support.LogCall;
import org.openbpo.support.PhoneCalls;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Phone", description = "The call log, and the webhook the client's telephony (CTI) posts call events to")
class PhoneApi {

    private final PhoneCalls calls;

    PhoneApi(PhoneCalls calls) {
        this.calls = calls;
    }

    @PostMapping("/hooks/cti/{clientCode}")
    @Operation(summary = "A call started or ended (the client's telephony, authenticated by the X-CTI-Secret header)")
    Call event(@PathVariable String clientCode, @RequestHeader(name = "X-CTI-Secret", required = false) @Nullable String secret,
               @Valid @RequestBody CallEvent event) {
        return calls.receive(clientCode, secret, event);
    }

    @PostMapping("/api/v1/clients/{clientId}/support/cti-secret")
    @Operation(summary = "Issue a new secret for the client's telephony (provider administrators); shown once")
    PhoneCalls.CtiSecret secret(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user, HttpServletRequest http) {
        http.setAttribute(SecretAnswers.REQUEST_ATTRIBUTE, Boolean.TRUE);
        return calls.issueSecret(clientId, user);
    }

    @PostMapping("/api/v1/clients/{clientId}/support/calls")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Log a finished call the telephony did not report")
    Call log(@PathVariable UUID clientId, @Valid @RequestBody LogCall command, @AuthenticationPrincipal CurrentUser user) {
        return calls.log(clientId, command, user);
    }

    @GetMapping("/api/v1/clients/{clientId}/support/calls")
    @Operation(summary = "The client's call log, newest first")
    CursorPage<Call> list(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable String cursor,
                          @RequestParam(required = false) @Nullable Integer limit, @AuthenticationPrincipal CurrentUser user) {
        int size = CursorPage.limit(limit);
        String before = CursorPage.decode(cursor);
        Instant beforeAt;
        try {
            beforeAt = before == null ? Instant.parse("9999-12-31T00:00:00Z") : Instant.parse(before);
        } catch (DateTimeParseException e) {
            throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
        }
        return CursorPage.of(calls.page(clientId, beforeAt, size + 1, user), size, call -> call.startedAt().toString());
    }

    @GetMapping("/api/v1/clients/{clientId}/support/calls/{callId}")
    Call get(@PathVariable UUID clientId, @PathVariable UUID callId, @AuthenticationPrincipal CurrentUser user) {
        return calls.get(clientId, callId, user);
    }

    @GetMapping("/api/v1/clients/{clientId}/support/tickets/{itemId}/calls")
    @Operation(summary = "The calls about one ticket, oldest first")
    List<Call> ofTicket(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user) {
        return calls.ofTicket(clientId, itemId, user);
    }
}
