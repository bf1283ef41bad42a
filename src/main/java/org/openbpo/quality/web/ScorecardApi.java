package org.openbpo.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openbpo.quality.Scorecard;
import org.openbpo.quality.Scorecards;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/contracts/{contractId}/scorecards")
@Tag(name = "Scorecards", description = "A contract's KPI targets against what was measured, per month")
class ScorecardApi {

    private final Scorecards scorecards;

    ScorecardApi(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/{period}")
    @Operation(summary = "The scorecard of one month (yyyy-MM), live until the month is signed off")
    Scorecard score(@PathVariable UUID clientId, @PathVariable UUID contractId,
                    @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth period) {
        return scorecards.score(clientId, contractId, period);
    }
}
