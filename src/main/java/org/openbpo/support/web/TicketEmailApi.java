package org.openbpo.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openbpo.support.CustomerReplies;
import org.openbpo.support.EmailIntake;
import org.openbpo.support.TicketEmail;
import org.openbpo.support.Reply;
import org.openbpo.support.ReplyToCustomer;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/clients/{clientId}/support/tickets/{itemId}")
@Tag(name = "Ticket emails", description = "The customer's emails on a ticket, and agents answering them in the client's name")
class TicketEmailApi {

    private final CustomerReplies replies;
    private final EmailIntake intake;

    TicketEmailApi(CustomerReplies replies, EmailIntake intake) {
        this.replies = replies;
        this.intake = intake;
    }

    @PostMapping("/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Answer the ticket's customer by email (agents)",
            description = "Recorded as a client-visible comment; sent by SMTP after the request commits, threaded and signed.")
    Reply reply(@PathVariable UUID clientId, @PathVariable long itemId, @Valid @RequestBody ReplyToCustomer command,
                @AuthenticationPrincipal CurrentUser user) {
        return replies.reply(clientId, itemId, command, user);
    }

    @GetMapping("/replies")
    @Operation(summary = "The ticket's replies and whether each has gone out")
    List<Reply> replies(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user) {
        return replies.of(clientId, itemId, user);
    }

    @GetMapping("/emails")
    @Operation(summary = "The customer's emails on the ticket: text without quoted history, HTML only sanitised")
    List<TicketEmail> emails(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user) {
        return intake.emailsOf(clientId, itemId, user);
    }
}
