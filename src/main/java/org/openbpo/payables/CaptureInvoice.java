package org.openbpo.payables;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A vendor invoice as captured. {@code total} is what the vendor asks for, tax included; lines,
 * when given, add up to {@code total - tax}. An invoice against a purchase order names the order
 * and, per line, the order line it bills. Without a due date the vendor's terms decide it.
 */
public record CaptureInvoice(@NotBlank @Size(max = 40) String vendor,
                             @NotBlank @Size(max = 60) String number,
                             @NotNull LocalDate invoiceDate,
                             @Nullable LocalDate dueDate,
                             @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
                             @NotNull @Positive BigDecimal total,
                             @Nullable @DecimalMin("0") BigDecimal tax,
                             @Nullable @Size(max = 60) String purchaseOrder,
                             @Nullable @Size(max = 32) String expenseAccount,
                             @Nullable @Size(max = 500) List<@Valid @NotNull Line> lines) {

    public record Line(@NotBlank @Size(max = 300) String description, @NotNull @Positive BigDecimal quantity,
                       @NotNull @DecimalMin("0") BigDecimal unitPrice, @Nullable @Positive Integer orderLine) {
    }

    public CaptureInvoice {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
