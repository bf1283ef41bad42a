package org.openbpo.contracts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

public record KpiTarget(@NotBlank String serviceLine, @NotNull Kpi kpi, @NotNull BigDecimal target) {
}
