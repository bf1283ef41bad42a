package org.openbpo.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.billing.AddOneOffFee;
import org.openbpo.billing.DefinePricePlan;
import org.openbpo.billing.OneOffFee;
import org.openbpo.billing.PricePlan;
import org.openbpo.billing.PricePlans;
import org.openbpo.contracts.Contracts;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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

@RestController
@RequestMapping("/api/v1/clients/{clientId}")
@Tag(name = "Billing: price plans", description = "Prices per contract and service line, versioned by month; one-off fees")
class PricePlanApi {

    private final PricePlans plans;
    private final Contracts contracts;

    PricePlanApi(PricePlans plans, Contracts contracts) {
        this.plans = plans;
        this.contracts = contracts;
    }

    @GetMapping("/price-plans")
    @Operation(summary = "Every version of the client's price plans, by service line and month")
    List<PricePlan> list(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable UUID contractId) {
        return plans.of(clientId, contractId);
    }

    @GetMapping("/price-plans/{planId}")
    @Operation(summary = "One price plan version")
    PricePlan get(@PathVariable UUID clientId, @PathVariable UUID planId) {
        return plans.get(clientId, planId);
    }

    @PostMapping("/price-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Put a price plan version in force from the first day of a month; an overlapping one is refused (409)")
    PricePlan define(@PathVariable UUID clientId, @Valid @RequestBody DefinePricePlan command, @AuthenticationPrincipal CurrentUser user) {
        contracts.get(clientId, command.contractId()); // another client's contract is not found, whoever asks
        BillingStaff.require(user, "set prices");
        return plans.define(clientId, command);
    }

    @GetMapping("/one-off-fees")
    @Operation(summary = "The one-off fees of a month (?period=2026-03)")
    List<OneOffFee> fees(@PathVariable UUID clientId, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth period) {
        return plans.oneOffFees(clientId, period.atDay(1));
    }

    @PostMapping("/one-off-fees")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Charge a fee once on a month's invoice; the same sourceKey again returns the first fee")
    OneOffFee addFee(@PathVariable UUID clientId, @Valid @RequestBody AddOneOffFee command, @AuthenticationPrincipal CurrentUser user) {
        contracts.get(clientId, command.contractId());
        BillingStaff.require(user, "charge one-off fees");
        return plans.addOneOffFee(clientId, command);
    }
}
