package org.openbpo.payables;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Records goods received against one order line. */
public record ReceiveGoods(@NotNull @Positive Integer line, @NotNull @Positive BigDecimal quantity, @NotNull LocalDate receivedOn) {
}
