package org.openbpo.quality.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** Mean and population variance of what several analysts gave, exact to four decimals. */
public final class Spreads {

    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

    private Spreads() {
    }

    public static BigDecimal mean(List<BigDecimal> values) {
        return sum(values).divide(BigDecimal.valueOf(values.size()), EXACT_ENOUGH);
    }

    public static BigDecimal variance(List<BigDecimal> values) {
        BigDecimal mean = mean(values);
        BigDecimal squares = values.stream().map(v -> v.subtract(mean).pow(2, EXACT_ENOUGH)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return squares.divide(BigDecimal.valueOf(values.size()), EXACT_ENOUGH);
    }

    public static BigDecimal rounded(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
