package org.openbpo.shared.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency at exactly that currency's minor unit (cents, pence, paise, centavos).
 * Arithmetic that stays on the minor unit (adding, subtracting, whole multiples) returns {@code Money};
 * anything that may leave it (rates, division) returns {@link UnroundedMoney}, which only becomes
 * {@code Money} again through a rounding method named after the rule the caller applies.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = minorDigits(currency);
        if (amount.scale() != scale) {
            try {
                amount = amount.setScale(scale);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(amount.toPlainString() + " has more decimals than " + currency
                        + " allows; round it by a named rule first");
            }
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(Decimals.parse(amount), Currency.getInstance(currency));
    }

    public static Money of(String amount, Currency currency) {
        return new Money(Decimals.parse(amount), currency);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money times(long whole) {
        return new Money(amount.multiply(BigDecimal.valueOf(whole)), currency);
    }

    /** Exact product; the caller rounds it by its rule. */
    public UnroundedMoney times(BigDecimal factor) {
        return exact().times(factor);
    }

    /** The quotient to 40 significant digits (see {@link UnroundedMoney#dividedBy}); the caller rounds it. */
    public UnroundedMoney dividedBy(BigDecimal divisor) {
        return exact().dividedBy(divisor);
    }

    public UnroundedMoney dividedBy(long divisor) {
        return dividedBy(BigDecimal.valueOf(divisor));
    }

    public UnroundedMoney exact() {
        return new UnroundedMoney(amount, currency);
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** This amount, or zero where it is negative. */
    public Money atLeastZero() {
        return isNegative() ? zero(currency) : this;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    /** The amount as a decimal string at the currency's scale, as the API shows it. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    static int minorDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(currency + " is not a currency money can be kept in");
        }
        return digits;
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }
}
