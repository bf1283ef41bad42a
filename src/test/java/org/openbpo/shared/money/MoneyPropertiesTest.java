package org.openbpo.shared.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyPropertiesTest {

    private static final Currency GBP = Currency.getInstance("GBP");
    private static final BigDecimal HALF_PENNY = new BigDecimal("0.005");
    private static final BigDecimal PENNY = new BigDecimal("0.01");

    @Property
    void addingIsCommutativeAndAssociative(@ForAll("pounds") Money a, @ForAll("pounds") Money b, @ForAll("pounds") Money c) {
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
        assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
    }

    @Property
    void subtractingUndoesAdding(@ForAll("pounds") Money a, @ForAll("pounds") Money b) {
        assertThat(a.plus(b).minus(b)).isEqualTo(a);
        assertThat(a.negate().negate()).isEqualTo(a);
    }

    @Property
    void everyAmountIsAtTheMinorUnit(@ForAll("pounds") Money a, @ForAll("pounds") Money b) {
        assertThat(a.plus(b).amount().scale()).isEqualTo(2);
        assertThat(a.times(7).amount().scale()).isEqualTo(2);
    }

    @Property
    void multiplyingByARateIsExact(@ForAll("pounds") Money a, @ForAll("rates") BigDecimal rate) {
        assertThat(a.times(rate).amount()).isEqualByComparingTo(a.amount().multiply(rate));
    }

    @Property
    void multiplyingDistributesOverAdding(@ForAll("pounds") Money a, @ForAll("pounds") Money b, @ForAll("rates") BigDecimal rate) {
        assertThat(a.plus(b).times(rate)).isEqualTo(a.times(rate).plus(b.times(rate)));
    }

    @Property
    void halfUpIsWithinHalfAPennyAndNeverUnder(@ForAll("unrounded") UnroundedMoney x) {
        BigDecimal difference = x.roundedHalfUp().amount().subtract(x.amount());
        assertThat(difference.abs()).isLessThanOrEqualTo(HALF_PENNY);
        if (difference.abs().compareTo(HALF_PENNY) == 0) {
            assertThat(x.roundedHalfUp().amount().abs()).isGreaterThan(x.amount().abs());
        }
    }

    @Property
    void halfDownDisregardsAHalfPennyOrLess(@ForAll("unrounded") UnroundedMoney x) {
        BigDecimal difference = x.roundedHalfDown().amount().subtract(x.amount());
        assertThat(difference.abs()).isLessThanOrEqualTo(HALF_PENNY);
        boolean exactlyHalf = x.amount().remainder(PENNY).abs().compareTo(HALF_PENNY) == 0;
        if (exactlyHalf) {
            assertThat(x.roundedHalfDown().amount().abs()).isLessThan(x.amount().abs());
        } else {
            assertThat(x.roundedHalfDown()).isEqualTo(x.roundedHalfUp());
        }
    }

    @Property
    void directedRoundingsKeepTheirDirection(@ForAll("unrounded") UnroundedMoney x) {
        assertThat(x.roundedUp().amount()).isGreaterThanOrEqualTo(x.amount());
        assertThat(x.roundedUp().amount().subtract(x.amount())).isLessThan(PENNY);
        assertThat(x.roundedDown().amount()).isLessThanOrEqualTo(x.amount());
        assertThat(x.amount().subtract(x.roundedDown().amount())).isLessThan(PENNY);
        assertThat(x.truncated().amount().abs()).isLessThanOrEqualTo(x.amount().abs());
        assertThat(x.roundedDownToWholeUnits().amount()).isLessThanOrEqualTo(x.amount());
        assertThat(x.roundedUpToWholeUnits().amount()).isGreaterThanOrEqualTo(x.amount());
    }

    @Property
    void roundingMoneyChangesNothing(@ForAll("pounds") Money a) {
        UnroundedMoney x = a.exact();
        assertThat(x.roundedHalfUp()).isEqualTo(a);
        assertThat(x.roundedHalfDown()).isEqualTo(a);
        assertThat(x.roundedUp()).isEqualTo(a);
        assertThat(x.roundedDown()).isEqualTo(a);
        assertThat(x.truncated()).isEqualTo(a);
    }

    @Property
    void dividingThenMultiplyingGivesBackThePennies(@ForAll("pounds") Money a, @ForAll("divisors") int divisor) {
        assertThat(a.dividedBy(divisor).times(divisor).roundedHalfUp()).isEqualTo(a);
    }

    @Property
    void equalAmountsAreEqualWhateverTheirScale(@ForAll("pounds") Money a) {
        UnroundedMoney padded = new UnroundedMoney(a.amount().setScale(6), GBP);
        assertThat(padded).isEqualTo(a.exact());
        assertThat(padded.toPlainString()).isEqualTo(a.exact().toPlainString());
    }

    @Provide
    Arbitrary<Money> pounds() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), new BigDecimal("1000000"))
                .ofScale(2).map(amount -> new Money(amount, GBP));
    }

    @Provide
    Arbitrary<UnroundedMoney> unrounded() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-100000"), new BigDecimal("100000"))
                .ofScale(5).map(amount -> new UnroundedMoney(amount, GBP));
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(4);
    }

    @Provide
    Arbitrary<Integer> divisors() {
        return Arbitraries.of(2, 3, 4, 7, 12, 13, 24, 26, 52, 260);
    }
}
