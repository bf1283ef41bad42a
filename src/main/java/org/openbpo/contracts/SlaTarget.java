package org.openbpo.contracts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;

/**
 * What the provider promises for one service line and priority: a first response and a
 * resolution within business time, or (back office) a turnaround in business days with a cut-off.
 * At {@code warningShare} of the target consumed the engine escalates.
 */
public record SlaTarget(@NotBlank String serviceLine, @NotNull Priority priority,
                        @Nullable @Min(1) @Max(525_600) Integer firstResponseMinutes,
                        @Nullable @Min(1) @Max(525_600) Integer resolutionMinutes,
                        @Nullable @Min(0) @Max(250) Integer turnaroundDays,
                        @Nullable LocalTime cutOff,
                        @Nullable @DecimalMin(value = "0.05") @DecimalMax(value = "0.99") BigDecimal warningShare) {

    public SlaTarget {
        if (resolutionMinutes == null && turnaroundDays == null) {
            throw BusinessRuleViolation.invalid("slaTargets.resolutionMinutes",
                    "a target needs a resolution time or a turnaround in business days");
        }
        if (warningShare == null) {
            warningShare = new BigDecimal("0.800");
        }
    }

    public @Nullable Duration resolution() {
        return resolutionMinutes == null ? null : Duration.ofMinutes(resolutionMinutes);
    }

    public @Nullable Duration firstResponse() {
        return firstResponseMinutes == null ? null : Duration.ofMinutes(firstResponseMinutes);
    }
}
