package org.openbpo.billing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Usage measured outside the work engine (call minutes from a telephony export, agent hours from a
 * timesheet), for the month {@code period} (YYYY-MM). {@code sourceId} identifies it at its source:
 * the same source id again records nothing. A month already closed for billing is refused.
 */
public record RecordUsage(@NotBlank @Size(max = 40) String serviceLine,
                          @NotBlank @Size(max = 40) String unit,
                          @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal quantity,
                          @NotBlank @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be a month, YYYY-MM") String period,
                          @Nullable Instant occurredAt,
                          @NotBlank @Size(max = 200) String sourceId) {
}
