package org.openbpo.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openbpo.billing.Metering;
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

    UsageApi(Metering metering) {
        this.metering = metering;
    }

    @GetMapping
    @Operation(summary = "Units per service line in a month (default: the current one is not assumed; give ?period=2026-03)")
    List<UsageSummary> summary(@PathVariable UUID clientId, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth period) {
        return metering.summary(clientId, period.atDay(1));
    }
}
