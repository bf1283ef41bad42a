package org.openbpo.ledger.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Converts minor units of one currency into minor units of another at a rate. IAS 21 leaves
 * rounding to the entity's policy; ours is half-even to the target currency's minor unit, so
 * conversion differences do not drift one way over many lines.
 */
public final class Conversion {

    private Conversion() {
    }

    public static long atRate(long minorUnits, Currency from, Currency to, BigDecimal rate) {
        BigDecimal converted = BigDecimal.valueOf(minorUnits, digits(from)).multiply(rate)
                .setScale(digits(to), RoundingMode.HALF_EVEN);
        return converted.unscaledValue().longValueExact();
    }

    public static int digits(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /** Minor units as a plain decimal, "-1234.50" for -123450 USD; what journals and people read. */
    public static String decimal(long minorUnits, Currency currency) {
        return BigDecimal.valueOf(minorUnits, digits(currency)).toPlainString();
    }
}
