package org.openbpo.payables;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * Registers a vendor. Bank details given here are not yet payable: like any change, they wait
 * for a second person's approval. Payment terms are net days with an optional early-payment
 * discount (2/10 net 30: discountPercent 2, discountDays 10, termsDays 30).
 */
public record RegisterVendor(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}", message = "must be 1 to 40 letters, digits, dots, dashes or underscores") String code,
                             @NotBlank @Size(max = 140) String name,
                             @Nullable @Size(max = 40) String taxId,
                             @NotEmpty @Size(max = 10) List<@Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String> currencies,
                             @Min(0) @Max(365) int termsDays,
                             @Nullable @DecimalMin("0") @DecimalMax("50") BigDecimal discountPercent,
                             @Nullable @Min(0) @Max(365) Integer discountDays,
                             @Nullable @Size(max = 254) String email,
                             @Nullable @Valid BankDetails bank) {
}
