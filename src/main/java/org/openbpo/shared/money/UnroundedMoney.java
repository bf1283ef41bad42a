package org.openbpo.shared.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact intermediate amount, at whatever scale the arithmetic produced: a rate times wages, a
 * share of an annual figure. It becomes {@link Money} only through a method that names its rounding,
 * so every rounding in the code base is visible where the rule that demands it is cited.
 */
public record UnroundedMoney(BigDecimal amount, Currency currency) implements Comparable<UnroundedMoney> {

    /**
     * Division keeps 40 significant digits. A quotient that terminates within them is exact; one
     * that does not is a rational whose distance from any rounding boundary (a half minor unit) is
     * far larger than 10^-40 for the denominators payroll uses (pay periods, months), so rounding it
     * afterwards gives the same result as rounding the exact rational.
     */
    public static final MathContext DIVISION = new MathContext(40, RoundingMode.HALF_EVEN);

    public UnroundedMoney {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Money.minorDigits(currency);
        // One representation per number, so equal amounts are equal records and print alike.
        amount = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
    }

    public static UnroundedMoney zero(Currency currency) {
        return new UnroundedMoney(BigDecimal.ZERO, currency);
    }

    public UnroundedMoney plus(UnroundedMoney other) {
        same(other.currency);
        return new UnroundedMoney(amount.add(other.amount), currency);
    }

    public UnroundedMoney plus(Money other) {
        return plus(other.exact());
    }

    public UnroundedMoney minus(UnroundedMoney other) {
        return plus(other.negate());
    }

    public UnroundedMoney minus(Money other) {
        return minus(other.exact());
    }

    public UnroundedMoney negate() {
        return new UnroundedMoney(amount.negate(), currency);
    }

    public UnroundedMoney times(BigDecimal factor) {
        return new UnroundedMoney(amount.multiply(factor), currency);
    }

    public UnroundedMoney times(long whole) {
        return times(BigDecimal.valueOf(whole));
    }

    /** The quotient to 40 significant digits; see {@link #DIVISION} for why that is as good as exact. */
    public UnroundedMoney dividedBy(BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw new ArithmeticException("Division of money by zero");
        }
        return new UnroundedMoney(amount.divide(divisor, DIVISION), currency);
    }

    public UnroundedMoney dividedBy(long divisor) {
        return dividedBy(BigDecimal.valueOf(divisor));
    }

    public UnroundedMoney max(UnroundedMoney other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public UnroundedMoney min(UnroundedMoney other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public UnroundedMoney atLeastZero() {
        return isNegative() ? zero(currency) : this;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(UnroundedMoney other) {
        same(other.currency);
        return amount.compareTo(other.amount);
    }

    public int compareTo(Money other) {
        return compareTo(other.exact());
    }

    /** Nearest minor unit, a half rounded away from zero (e.g. IRS Pub 15-T: 370.125 → 370.13). */
    public Money roundedHalfUp() {
        return rounded(RoundingMode.HALF_UP);
    }

    /** Nearest minor unit, a half or less disregarded (e.g. UK NICs, SSCR 2001 reg. 12(1)). */
    public Money roundedHalfDown() {
        return rounded(RoundingMode.HALF_DOWN);
    }

    /** Up to the next minor unit (towards positive infinity), e.g. HMRC free pay "round up to the next penny". */
    public Money roundedUp() {
        return rounded(RoundingMode.CEILING);
    }

    /** Down to the minor unit (towards negative infinity), e.g. HMRC tax due "rounded down to the penny". */
    public Money roundedDown() {
        return rounded(RoundingMode.FLOOR);
    }

    /** Drops digits beyond the minor unit (towards zero). */
    public Money truncated() {
        return rounded(RoundingMode.DOWN);
    }

    /** Nearest whole unit (dollar, rupee), a half rounded up. */
    public Money roundedHalfUpToWholeUnits() {
        return toWholeUnits(RoundingMode.HALF_UP);
    }

    /** Down to a whole unit (towards negative infinity), e.g. HMRC taxable pay "rounded down to whole £". */
    public Money roundedDownToWholeUnits() {
        return toWholeUnits(RoundingMode.FLOOR);
    }

    /** Up to a whole unit (towards positive infinity), e.g. HMRC band limits "rounded up to the next £". */
    public Money roundedUpToWholeUnits() {
        return toWholeUnits(RoundingMode.CEILING);
    }

    /** Nearest multiple of ten units, a half rounded up (e.g. India s.288B). */
    public Money roundedHalfUpToTens() {
        BigDecimal tens = amount.movePointLeft(1).setScale(0, RoundingMode.HALF_UP).movePointRight(1);
        return new Money(tens, currency);
    }

    /** Keeps {@code decimals} places and drops the rest (towards zero), e.g. HMRC "to 4 d.p.". */
    public UnroundedMoney truncatedTo(int decimals) {
        return new UnroundedMoney(amount.setScale(decimals, RoundingMode.DOWN), currency);
    }

    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString() + " (unrounded)";
    }

    private Money rounded(RoundingMode mode) {
        return new Money(amount.setScale(Money.minorDigits(currency), mode), currency);
    }

    private Money toWholeUnits(RoundingMode mode) {
        return new Money(amount.setScale(0, mode), currency);
    }

    private void same(Currency other) {
        if (!currency.equals(other)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other);
        }
    }
}
