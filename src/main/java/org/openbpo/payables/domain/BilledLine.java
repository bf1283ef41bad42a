package org.openbpo.payables.domain;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** An invoice line as matching sees it; {@code amount} is the line's amount before tax, as the invoice bills it. */
public record BilledLine(int lineNo, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, @Nullable Integer orderLine) {
}
