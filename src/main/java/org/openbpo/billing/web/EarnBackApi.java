package org.openbpo.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openbpo.billing.EarnBack;
import org.openbpo.billing.EarnBacks;
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
@RequestMapping("/api/v1/clients/{clientId}/earn-backs")
@Tag(name = "Billing: service credits", description = "Credits owed as a percentage of a service line's monthly fees")
class EarnBackApi {

    private final EarnBacks earnBacks;

    EarnBackApi(EarnBacks earnBacks) {
        this.earnBacks = earnBacks;
    }

    @GetMapping
    @Operation(summary = "Earn-backs of earlier credits charged in the months from ?from to ?to (YYYY-MM), and the invoice carrying each")
    List<EarnBack> list(@PathVariable UUID clientId, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                        @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        return earnBacks.of(clientId, from.atDay(1), to.atEndOfMonth());
    }
}
