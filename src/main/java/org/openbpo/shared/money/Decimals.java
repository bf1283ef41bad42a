package org.openbpo.shared.money;

import java.math.BigDecimal;

/**
 * Decimal numbers as they come from outside: a request, a file, a form. {@code 1e99999999} is ten
 * characters, and rounding it to cents writes out a hundred million digits, seconds of CPU and
 * hundreds of megabytes for one field. Such numbers are refused where they are read, before any
 * arithmetic; whether a number is sensible for its field is that field's own rule.
 */
public final class Decimals {

    /** Digits either side of the point: far more than any amount, rate or quantity, few enough that arithmetic on it is instant. */
    public static final int MOST_DIGITS = 1_000;

    private Decimals() {
    }

    /** {@link BigDecimal#BigDecimal(String)}, also refusing a number too large or too fine to work with. */
    public static BigDecimal parse(String text) {
        BigDecimal value = new BigDecimal(text);
        if (!workable(value)) {
            throw new NumberFormatException(tooLarge(text));
        }
        return value;
    }

    /** Whether arithmetic on the number is cheap: at most {@link #MOST_DIGITS} digits before and after the point. */
    public static boolean workable(BigDecimal value) {
        return value.scale() <= MOST_DIGITS && (long) value.precision() - value.scale() <= MOST_DIGITS;
    }

    /** The reason a number is refused, for the field's problem. */
    public static String tooLarge(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "' is too large or has too many decimals";
    }
}
