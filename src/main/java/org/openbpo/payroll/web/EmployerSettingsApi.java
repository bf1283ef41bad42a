package org.openbpo.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openbpo.payroll.EmployerSettings;
import org.openbpo.payroll.EmploymentAllowanceSetting;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payroll/employment-allowance")
@Tag(name = "Payroll: employer settings", description = "The client's payroll settings as an employer")
class EmployerSettingsApi {

    private final EmployerSettings settings;

    EmployerSettingsApi(EmployerSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "Whether the client's UK payroll claims the Employment Allowance (false until set)")
    EmploymentAllowanceSetting get(@PathVariable UUID clientId) {
        return settings.employmentAllowance(clientId);
    }

    @PutMapping
    @Operation(summary = "Set whether the client's UK payroll claims the Employment Allowance; payroll managers",
            description = "One company of a group of connected companies may claim, and not a payroll whose only employee is a "
                    + "director. The tax liabilities report takes each period's claim off the employer NICs.")
    EmploymentAllowanceSetting set(@PathVariable UUID clientId, @Valid @RequestBody EmploymentAllowanceSetting setting,
                                   @AuthenticationPrincipal CurrentUser user) {
        return settings.setEmploymentAllowance(clientId, setting, user);
    }
}
