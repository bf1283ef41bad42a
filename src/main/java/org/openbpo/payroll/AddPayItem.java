package org.openbpo.payroll;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.domain.PayItem;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An earning (taxable pay) or a deduction (after tax) for an employee: recurring from {@code startsOn}
 * (to {@code endsOn}), or one-off, paid by the first run that covers {@code startsOn} (an off-cycle run if
 * {@code offCycle}).
 */
public record AddPayItem(@NotNull PayItem.Kind kind,
                         @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be UPPER_SNAKE_CASE") String code,
                         @NotBlank @Size(max = 200) String description,
                         @NotNull @DecimalMin(value = "0.01", message = "must be positive") BigDecimal amount,
                         boolean recurring, boolean offCycle, @NotNull LocalDate startsOn, @Nullable LocalDate endsOn) {

    /** A one-off earning paid by the regular run that covers {@code startsOn}. */
    public static AddPayItem oneOffEarning(String code, String description, BigDecimal amount, LocalDate startsOn) {
        return new AddPayItem(PayItem.Kind.EARNING, code, description, amount, false, false, startsOn, null);
    }

    /** A deduction after tax taken every period from {@code startsOn}. */
    public static AddPayItem recurringDeduction(String code, String description, BigDecimal amount, LocalDate startsOn) {
        return new AddPayItem(PayItem.Kind.DEDUCTION, code, description, amount, true, false, startsOn, null);
    }
}
