package org.openbpo.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.DefinePayGroup;
import org.openbpo.payroll.PayGroup;
import org.openbpo.payroll.PayGroups;
import org.openbpo.payroll.domain.PaySchedule;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Clients;
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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payroll/pay-groups")
@Tag(name = "Payroll: pay groups", description = "Pay groups, their schedules, cut-offs and pay dates on the client's calendar")
class PayGroupApi {

    private final PayGroups groups;
    private final Clients clients;

    PayGroupApi(PayGroups groups, Clients clients) {
        this.groups = groups;
        this.clients = clients;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a pay group on the client's payroll service line")
    PayGroup define(@PathVariable UUID clientId, @Valid @RequestBody DefinePayGroup command, @AuthenticationPrincipal CurrentUser user) {
        return groups.define(clientId, command, user);
    }

    @GetMapping
    @Operation(summary = "The client's pay groups")
    List<PayGroup> all(@PathVariable UUID clientId) {
        return groups.of(clientId);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One pay group")
    PayGroup get(@PathVariable UUID clientId, @PathVariable String code) {
        return groups.get(clientId, code);
    }

    @org.springframework.web.bind.annotation.PutMapping("/{code}/funding-account")
    @Operation(summary = "Name the account the group's net pay leaves from (the bank files' originator); payroll managers")
    org.openbpo.payroll.FundingAccount setFunding(@PathVariable UUID clientId, @PathVariable String code,
                                                  @Valid @RequestBody org.openbpo.payroll.SetFundingAccount command,
                                                  @AuthenticationPrincipal CurrentUser user) {
        return groups.setFundingAccount(clientId, code, command, user);
    }

    @GetMapping("/{code}/funding-account")
    @Operation(summary = "The group's funding account, masked")
    org.openbpo.payroll.FundingAccount funding(@PathVariable UUID clientId, @PathVariable String code) {
        return groups.fundingAccount(clientId, code);
    }

    @GetMapping("/{code}/schedule")
    @Operation(summary = "The next periods: days, cut-off, pay date (a business day of the client's calendar), tax year and period",
            description = "From the day given, or from the client's today in its own time zone.")
    List<PaySchedule.Period> schedule(@PathVariable UUID clientId, @PathVariable String code,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                      @RequestParam(required = false) @Nullable Integer count) {
        int periods = count == null ? 6 : count;
        if (periods < 1 || periods > 60) {
            throw BusinessRuleViolation.invalid("count", "count must be between 1 and 60");
        }
        return groups.upcoming(clientId, code, from == null ? clients.today(clientId) : from, periods);
    }
}
