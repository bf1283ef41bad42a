package org.openbpo.payables.domain;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** A purchase order line as matching sees it: ordered, its tax rate (null when none is stated), received and already invoiced. */
public record OrderLine(int lineNo, BigDecimal quantity, BigDecimal unitPrice, @Nullable BigDecimal taxPercent, BigDecimal received,
                        BigDecimal invoiced) {
}
