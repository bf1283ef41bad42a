package org.openbpo.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;
import org.openbpo.quality.CreditRule;
import org.openbpo.quality.CreditRules;
import org.openbpo.quality.FigureItems;
import org.openbpo.quality.Scorecard;
import org.openbpo.quality.ScorecardFigure;
import org.openbpo.quality.Scorecards;
import org.openbpo.quality.SetCreditRule;
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
@RequestMapping("/api/v1/clients/{clientId}/contracts/{contractId}")
@Tag(name = "Scorecards", description = "A contract's KPI targets against what was measured, per month, with service credits")
class ScorecardApi {

    private final Scorecards scorecards;
    private final CreditRules creditRules;

    ScorecardApi(Scorecards scorecards, CreditRules creditRules) {
        this.scorecards = scorecards;
        this.creditRules = creditRules;
    }

    @GetMapping("/scorecards/current")
    @Operation(summary = "The scorecard of the client's current month, live")
    Scorecard current(@PathVariable UUID clientId, @PathVariable UUID contractId, @AuthenticationPrincipal CurrentUser user) {
        return scorecards.score(clientId, contractId, scorecards.currentPeriod(clientId)).seenBy(user);
    }

    @GetMapping("/scorecards")
    @Operation(summary = "The months signed off, newest first")
    List<YearMonth> signedOff(@PathVariable UUID clientId, @PathVariable UUID contractId) {
        return scorecards.signedOff(clientId, contractId);
    }

    @GetMapping("/scorecards/{period}")
    @Operation(summary = "The scorecard of one month (yyyy-MM), live until the month is signed off; a client's people see "
            + "it signed off by the service team")
    Scorecard score(@PathVariable UUID clientId, @PathVariable UUID contractId,
                    @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth period, @AuthenticationPrincipal CurrentUser user) {
        return scorecards.score(clientId, contractId, period).seenBy(user);
    }

    @GetMapping("/scorecards/{period}/items")
    @Operation(summary = "The work items behind one figure (SLA, HANDLE_TIME, BACKLOG, PENDING_CLIENT, ACCURACY, CSAT) of a service line")
    FigureItems items(@PathVariable UUID clientId, @PathVariable UUID contractId,
                      @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth period, @RequestParam ScorecardFigure figure,
                      @RequestParam String serviceLine, @RequestParam(required = false) @Nullable Priority priority,
                      @RequestParam(required = false) @Nullable Boolean slaMet) {
        return scorecards.items(clientId, contractId, period, figure, serviceLine, priority, slaMet);
    }

    @PostMapping("/scorecards/{period}/sign-off")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign the month off: the scorecard is frozen and its credits are published to billing")
    Scorecard signOff(@PathVariable UUID clientId, @PathVariable UUID contractId,
                      @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth period, @AuthenticationPrincipal CurrentUser user) {
        return scorecards.signOff(clientId, contractId, period, user).seenBy(user);
    }

    @GetMapping("/credit-rules")
    @Operation(summary = "Every version of the contract's service-credit rules")
    List<CreditRule> creditRules(@PathVariable UUID clientId, @PathVariable UUID contractId) {
        return creditRules.all(clientId, contractId);
    }

    @PostMapping("/credit-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Set what a missed KPI target costs on a service line, from a month on (a new version)")
    CreditRule setCreditRule(@PathVariable UUID clientId, @PathVariable UUID contractId, @Valid @RequestBody SetCreditRule command,
                             @AuthenticationPrincipal CurrentUser user) {
        return creditRules.set(clientId, contractId, command, user);
    }
}
