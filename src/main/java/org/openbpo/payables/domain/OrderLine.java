package org.openbpo.payables.domain;

import java.math.BigDecimal;

/** A purchase order line as matching sees it: ordered, received and already invoiced. */
public record OrderLine(int lineNo, BigDecimal quantity, BigDecimal unitPrice, BigDecimal received, BigDecimal invoiced) {
}
