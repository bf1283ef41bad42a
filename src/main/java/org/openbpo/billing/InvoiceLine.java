package org.openbpo.billing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of an invoice. A usage line's {@code quantity} is the exact sum of its {@code records}
 * usage records (drill down with its line number); {@code billedQuantity} is what was charged after
 * the prepaid bank; {@code amount} is rounded once, half up, to the currency's minor unit.
 */
public record InvoiceLine(int lineNo, LineKind kind, String serviceLine, @Nullable String unit, String description,
                          BigDecimal quantity, BigDecimal billedQuantity, BigDecimal amount, String taxName,
                          BigDecimal taxPercent, long records, @Nullable UUID reference, @Nullable Integer correctsLine) {
}
