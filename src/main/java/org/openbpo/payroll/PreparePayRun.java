package org.openbpo.payroll;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * Prepares a pay run of a pay group for the period ending on {@code periodEnd}: REGULAR (salaries, hours,
 * recurring and one-off items) or OFF_CYCLE (only one-off items marked off-cycle: a bonus, a correction,
 * retro pay), taxed in the same tax period.
 */
public record PreparePayRun(@NotBlank String payGroup, @NotNull LocalDate periodEnd, PayRun.@Nullable Kind kind) {
}
