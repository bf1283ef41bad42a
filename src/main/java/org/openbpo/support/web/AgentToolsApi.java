package org.openbpo.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openbpo.support.BulkAction;
import org.openbpo.support.BulkTicketActions;
import org.openbpo.support.Macro;
import org.openbpo.support.Macros;
import org.openbpo.support.WriteMacro;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.WorkItem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/support")
@Tag(name = "Agent tools", description = "Macros and canned replies, bulk actions on tickets")
class AgentToolsApi {

    private final Macros macros;
    private final BulkTicketActions bulk;

    AgentToolsApi(Macros macros, BulkTicketActions bulk) {
        this.macros = macros;
        this.bulk = bulk;
    }

    @PostMapping("/macros")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a macro (team leads and up); placeholders are checked")
    Macro write(@PathVariable UUID clientId, @Valid @RequestBody WriteMacro command, @AuthenticationPrincipal CurrentUser user) {
        return macros.write(clientId, command, user);
    }

    @PutMapping("/macros/{macroId}")
    @Operation(summary = "Rewrite a macro (team leads and up); placeholders are checked, the old text is audited")
    Macro rewrite(@PathVariable UUID clientId, @PathVariable UUID macroId, @Valid @RequestBody WriteMacro command,
                  @AuthenticationPrincipal CurrentUser user) {
        return macros.rewrite(clientId, macroId, command, user);
    }

    @GetMapping("/macros")
    List<Macro> list(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user) {
        return macros.of(clientId, user);
    }

    @GetMapping("/tickets/{itemId}/macros/{macroId}")
    @Operation(summary = "Preview a macro's text for a ticket")
    Map<String, String> preview(@PathVariable UUID clientId, @PathVariable long itemId, @PathVariable UUID macroId,
                                @AuthenticationPrincipal CurrentUser user) {
        return Map.of("body", macros.render(clientId, macroId, itemId, user));
    }

    @PostMapping("/tickets/{itemId}/macros/{macroId}")
    @Operation(summary = "Apply a macro: answer the customer and move the ticket on if the macro says so")
    WorkItem apply(@PathVariable UUID clientId, @PathVariable long itemId, @PathVariable UUID macroId,
                   @AuthenticationPrincipal CurrentUser user) {
        return macros.apply(clientId, macroId, itemId, user);
    }

    @PostMapping("/tickets/bulk")
    @Operation(summary = "Assign, move or close several tickets; each is changed and audited on its own and reported")
    List<BulkAction.Result> bulk(@PathVariable UUID clientId, @Valid @RequestBody BulkAction command,
                                 @AuthenticationPrincipal CurrentUser user) {
        return bulk.apply(clientId, command, user);
    }
}
