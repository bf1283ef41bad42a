package org.openbpo.payables;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * Records a purchase order the client placed; its lines are numbered from 1 in the order given. A
 * line's {@code taxPercent} is the tax its goods bear (20 for 20% VAT): an invoice matching the order
 * is approved by it only with the tax its lines imply at these rates; a line without one implies none.
 */
public record RaisePurchaseOrder(@NotBlank @Size(max = 60) String number, @NotBlank @Size(max = 40) String vendor,
                                 @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
                                 boolean receiptRequired,
                                 @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines) {

    public record Line(@NotBlank @Size(max = 300) String description,
                       @NotNull @Positive @Digits(integer = 14, fraction = 4) BigDecimal quantity,
                       @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal unitPrice,
                       @Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal taxPercent) {

        /** A line bearing no tax. */
        public Line(String description, BigDecimal quantity, BigDecimal unitPrice) {
            this(description, quantity, unitPrice, null);
        }
    }
}
