package org.openbpo.payables.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.openbpo.payables.ApprovalLimit;
import org.openbpo.payables.PayablesSettings;
import org.openbpo.payables.PayablesSetup;
import org.openbpo.payables.UpdateSettings;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payables")
@Tag(name = "Payables: settings", description = "Tolerances, duplicate window, the paying account and approvers' limits")
class SettingsApi {

    record SetLimit(@NotBlank String currency, @NotNull @Positive BigDecimal maximum) {
    }

    private final PayablesSetup setup;

    SettingsApi(PayablesSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/settings")
    @Operation(summary = "The client's payables settings (the paying account masked)")
    PayablesSettings settings(@PathVariable UUID clientId) {
        return setup.settings(clientId);
    }

    @PutMapping("/settings")
    @Operation(summary = "Change the client's payables settings")
    PayablesSettings update(@PathVariable UUID clientId, @Valid @RequestBody UpdateSettings command, @AuthenticationPrincipal CurrentUser user) {
        return setup.update(clientId, command, user);
    }

    @GetMapping("/approval-limits")
    @Operation(summary = "The client's approvers and how much each may approve per currency")
    List<ApprovalLimit> limits(@PathVariable UUID clientId) {
        return setup.limits(clientId);
    }

    @PutMapping("/approval-limits/{userId}")
    @Operation(summary = "Set how much one of the client's approvers may approve on one invoice")
    ApprovalLimit setLimit(@PathVariable UUID clientId, @PathVariable UUID userId, @Valid @RequestBody SetLimit limit,
                           @AuthenticationPrincipal CurrentUser user) {
        return setup.setLimit(clientId, userId, limit.currency(), limit.maximum(), user);
    }
}
