package org.openbpo.payables.domain;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** An invoice line as matching sees it. */
public record BilledLine(int lineNo, BigDecimal quantity, BigDecimal unitPrice, @Nullable Integer orderLine) {
}
