package org.openbpo.payables;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** Changes a client's payables settings; the originator is the account payment runs pay from. */
public record UpdateSettings(@NotNull @DecimalMin("0") @DecimalMax("50") BigDecimal priceTolerancePercent,
                             @NotNull @DecimalMin("0") @DecimalMax("50") BigDecimal quantityTolerancePercent,
                             @NotNull @Min(0) @Max(366) Integer duplicateWindowDays,
                             @Nullable @Size(max = 70) String originatorName,
                             @Nullable @Size(max = 35) String originatorId,
                             @Nullable @Valid BankDetails originatorAccount,
                             @Nullable @Size(max = 23) String originatorBank) {
}
