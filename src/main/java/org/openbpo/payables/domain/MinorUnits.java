package org.openbpo.payables.domain;

import org.openbpo.shared.error.BusinessRuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Amounts kept as whole minor units of their currency. */
public final class MinorUnits {

    private MinorUnits() {
    }

    /** An amount given by a person or a file: it must not have more decimals than the currency. */
    public static long exact(BigDecimal amount, String currency, String field) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        try {
            return amount.setScale(digits).movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw BusinessRuleViolation.invalid(field, amount.toPlainString() + " has more decimals than " + currency + " allows.");
        }
    }

    /** A line's amount, quantity times unit price, rounded half-up to the minor unit as invoices print it. */
    public static long lineAmountRoundedHalfUp(BigDecimal quantity, BigDecimal unitPrice, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return quantity.multiply(unitPrice).setScale(digits, RoundingMode.HALF_UP).movePointRight(digits).longValueExact();
    }

    /** An early-payment discount, rounded down so the vendor is never paid less than its terms allow. */
    public static long discountRoundedDown(long amountMinor, BigDecimal percent) {
        return BigDecimal.valueOf(amountMinor).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
    }

    public static BigDecimal decimal(long minor, String currency) {
        return BigDecimal.valueOf(minor, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
