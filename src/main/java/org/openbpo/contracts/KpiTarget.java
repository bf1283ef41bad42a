package org.openbpo.contracts;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** A KPI target in the KPI's unit (percent, 1–5 score, minutes, hours), stored as numeric(12, 4). */
public record KpiTarget(@NotBlank String serviceLine, @NotNull Kpi kpi,
                        @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 4, message = "must be below 100000000 with at most 4 decimals")
                        BigDecimal target) {

    /** The first value a target cannot take. */
    public static final BigDecimal LIMIT = new BigDecimal("100000000");
}
