package org.openbpo.quality;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * A step of a service-credit rule: when the target is missed by at least {@code missedBy} (in the
 * KPI's own unit: percentage points, minutes, hours), {@code percent} of the service line's fees
 * for the period are credited. A tier of 0 applies to any miss.
 */
public record CreditTier(@NotNull @DecimalMin("0") BigDecimal missedBy,
                         @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal percent) {
}
