package org.openbpo.payroll.domain;

import java.math.BigDecimal;

/** Rates are kept as exact fractions and written as the percentages the statutes use. */
public final class Rates {

    private Rates() {
    }

    public static BigDecimal fromPercent(BigDecimal percent) {
        return percent.movePointLeft(2);
    }

    public static String asPercent(BigDecimal fraction) {
        BigDecimal percent = fraction.movePointRight(2).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + "%";
    }
}
