package org.openbpo.billing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** Units up to {@code upTo} (cumulative, within the month; null: no limit) cost {@code unitPrice} each. */
public record Tier(@Nullable @DecimalMin(value = "0", inclusive = false) BigDecimal upTo,
                   @NotNull @DecimalMin("0") BigDecimal unitPrice) {
}
