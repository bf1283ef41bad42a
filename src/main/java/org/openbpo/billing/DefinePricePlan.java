package org.openbpo.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Puts a version of a service line's price plan in force from the first day of a month. An
 * open-ended version before it ends where this one starts (a price change); a version that would
 * overlap another is refused. Amounts are in the contract's currency; omitted fees are zero.
 */
public record DefinePricePlan(@NotNull UUID contractId,
                              @NotBlank @Size(max = 40) String serviceLine,
                              @NotNull LocalDate effectiveFrom,
                              @Nullable LocalDate effectiveTo,
                              @NotBlank @Size(max = 40) String unit,
                              @NotNull Pricing pricing,
                              @NotEmpty @Size(max = 20) List<@Valid @NotNull Tier> tiers,
                              @Nullable @DecimalMin("0") BigDecimal monthlyFee,
                              @Nullable @DecimalMin("0") BigDecimal fteAgents,
                              @Nullable @DecimalMin("0") BigDecimal fteHours,
                              @Nullable @DecimalMin("0") BigDecimal fteHourlyRate,
                              @Nullable @DecimalMin("0") BigDecimal minimumCommitment,
                              @Nullable @DecimalMin("0") BigDecimal prepaidUnits,
                              @Nullable @DecimalMin("0") BigDecimal prepaidFee,
                              @Nullable Boolean rollover,
                              @NotBlank @Size(max = 40) String taxName,
                              @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal taxPercent,
                              @Nullable @Size(max = 500) String note) {

    static BigDecimal orZero(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
