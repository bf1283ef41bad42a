package org.openbpo.payables.domain;

import java.math.BigDecimal;

/** How far an invoice may differ from its order and receipts and still match, in percent. */
public record Tolerances(BigDecimal pricePercent, BigDecimal quantityPercent) {

    public static final Tolerances EXACT = new Tolerances(BigDecimal.ZERO, BigDecimal.ZERO);
}
