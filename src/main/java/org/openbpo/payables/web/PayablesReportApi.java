package org.openbpo.payables.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.openbpo.payables.Aging;
import org.openbpo.payables.CashForecast;
import org.openbpo.payables.PayablesReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payables/reports")
@Tag(name = "Payables: reports", description = "Aging by vendor and bucket, cash requirement forecast")
class PayablesReportApi {

    private final PayablesReports reports;

    PayablesReportApi(PayablesReports reports) {
        this.reports = reports;
    }

    @GetMapping("/aging")
    @Operation(summary = "Payables by vendor and bucket (current, 1-30, 31-60, 61-90, 90+ days past due) as of a day (default today)")
    Aging aging(@PathVariable UUID clientId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return reports.aging(clientId, asOf);
    }

    @GetMapping("/cash-forecast")
    @Operation(summary = "Cash needed per week from a day (default today), due and with open discounts taken")
    CashForecast forecast(@PathVariable UUID clientId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                          @RequestParam(required = false) @Nullable Integer weeks) {
        return reports.forecast(clientId, from, weeks);
    }
}
