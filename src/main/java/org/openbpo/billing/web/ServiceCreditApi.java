package org.openbpo.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openbpo.billing.ServiceCredit;
import org.openbpo.billing.ServiceCredits;
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

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/service-credits")
@Tag(name = "Billing: service credits", description = "Credits owed as a percentage of a service line's monthly fees")
class ServiceCreditApi {

    record GrantCredit(@NotNull @DateTimeFormat(pattern = "yyyy-MM") YearMonth period,
                       @NotBlank @Size(max = 40) String serviceLine,
                       @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal percent,
                       @NotBlank @Size(max = 500) String reason,
                       @NotBlank @Size(max = 200) String sourceKey) {
    }

    private final ServiceCredits credits;
    private final Clients clients;

    ServiceCreditApi(ServiceCredits credits, Clients clients) {
        this.credits = credits;
        this.clients = clients;
    }

    @GetMapping
    @Operation(summary = "Credits granted for the months from ?from to ?to (YYYY-MM)")
    List<ServiceCredit> list(@PathVariable UUID clientId, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                             @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        return credits.of(clientId, from.atDay(1), to.atEndOfMonth());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Grant a credit of a percentage of a service line's fees for a month; the same sourceKey again returns the first")
    ServiceCredit grant(@PathVariable UUID clientId, @Valid @RequestBody GrantCredit request, @AuthenticationPrincipal CurrentUser user) {
        clients.get(clientId);
        BillingStaff.require(user, "grant service credits");
        return credits.grant(clientId, request.period(), request.serviceLine(), request.percent(), request.reason(), request.sourceKey());
    }
}
