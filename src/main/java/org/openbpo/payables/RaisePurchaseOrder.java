package org.openbpo.payables;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** Records a purchase order the client placed; its lines are numbered from 1 in the order given. */
public record RaisePurchaseOrder(@NotBlank @Size(max = 60) String number, @NotBlank @Size(max = 40) String vendor,
                                 @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
                                 boolean receiptRequired,
                                 @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines) {

    public record Line(@NotBlank @Size(max = 300) String description, @NotNull @Positive BigDecimal quantity,
                       @NotNull @DecimalMin("0") BigDecimal unitPrice) {
    }
}
