package org.openbpo.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.Metering;
import org.openbpo.billing.PrepaidAllowance;
import org.openbpo.billing.RecordUsage;
import org.openbpo.billing.UsageRecord;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.openbpo.billing.UsageSummary;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/usage")
@Tag(name = "Usage", description = "Billable units metered from completed work")
class UsageApi {

    private final Metering metering;
    private final Invoicing invoicing;
    private final Clients clients;

    UsageApi(Metering metering, Invoicing invoicing, Clients clients) {
        this.metering = metering;
        this.invoicing = invoicing;
        this.clients = clients;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record usage measured outside the work engine; a month closed for billing is refused (409)")
    UsageRecord record(@PathVariable UUID clientId, @Valid @RequestBody RecordUsage command, @AuthenticationPrincipal CurrentUser user) {
        clients.get(clientId);
        BillingStaff.require(user, "record usage");
        return metering.record(clientId, command);
    }

    @GetMapping("/allowances")
    @Operation(summary = "Prepaid banks in a month so far: allowance, carried in, used, remaining, overage (?period=2026-03)")
    List<PrepaidAllowance> allowances(@PathVariable UUID clientId,
                                      @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth period) {
        return invoicing.allowances(clientId, period.atDay(1));
    }

    @GetMapping
    @Operation(summary = "Units per service line in a month (default: the current one is not assumed; give ?period=2026-03)")
    List<UsageSummary> summary(@PathVariable UUID clientId, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth period) {
        return metering.summary(clientId, period.atDay(1));
    }
}
