package org.openbpo.payables;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A vendor's credit note as captured: the vendor gives {@code amount} back (tax included), set
 * against its open invoices in the next payment proposals. {@code invoiceNumber} is the invoice the
 * vendor says it credits, when it says; it must be one of the vendor's invoices.
 */
public record CaptureCreditNote(@NotBlank @Size(max = 40) String vendor,
                                @NotBlank @Size(max = 60) String number,
                                @NotNull LocalDate creditDate,
                                @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
                                @NotNull @Positive BigDecimal amount,
                                @Nullable @Size(max = 60) String invoiceNumber,
                                @Nullable @Size(max = 500) String reason) {
}
