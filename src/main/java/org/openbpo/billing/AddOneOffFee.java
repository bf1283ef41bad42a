package org.openbpo.billing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.UUID;

/** Charges a fee once, on the invoice of {@code period} (YYYY-MM); the same {@code sourceKey} again adds nothing. */
public record AddOneOffFee(@NotNull UUID contractId,
                           @NotBlank @Size(max = 40) String serviceLine,
                           @NotBlank @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be a month, YYYY-MM") String period,
                           @NotBlank @Size(max = 200) String description,
                           @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal amount,
                           @NotBlank @Size(max = 200) String sourceKey) {
}
