package org.openbpo.payroll;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** Defines a pay group and its schedule. Frequencies: WEEKLY, BIWEEKLY, SEMIMONTHLY, MONTHLY, FOUR_WEEKLY. */
public record DefinePayGroup(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}") String code,
                             @NotBlank @Size(max = 120) String name,
                             @NotBlank String country,
                             @NotBlank String frequency,
                             @NotBlank String serviceLine,
                             @NotNull LocalDate anchorPeriodEnd,
                             @Nullable @Min(0) @Max(31) Integer payOffsetDays,
                             @Nullable @Min(0) @Max(20) Integer cutOffDays) {
}
