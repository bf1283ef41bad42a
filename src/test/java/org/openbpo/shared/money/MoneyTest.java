package org.openbpo.shared.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void keepsTheCurrencysScale() {
        assertThat(Money.of("12", "USD").toPlainString()).isEqualTo("12.00");
        assertThat(Money.of("1200", "JPY").toPlainString()).isEqualTo("1200");
        assertThat(Money.of("12.500", "INR")).isEqualTo(Money.of("12.5", "INR"));
    }

    @Test
    void refusesDigitsBeyondTheMinorUnit() {
        assertThatThrownBy(() -> Money.of("12.345", "USD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named rule");
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "GBP")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsTiesTheWayEachRuleSays() {
        UnroundedMoney tie = Money.of("740.25", "USD").dividedBy(2);
        assertThat(tie.toPlainString()).isEqualTo("370.125");
        assertThat(tie.roundedHalfUp().toPlainString()).isEqualTo("370.13");
        assertThat(tie.roundedHalfDown().toPlainString()).isEqualTo("370.12");
        assertThat(tie.roundedUp().toPlainString()).isEqualTo("370.13");
        assertThat(tie.roundedDown().toPlainString()).isEqualTo("370.12");
        assertThat(tie.negate().roundedDown().toPlainString()).isEqualTo("-370.13");
        assertThat(tie.negate().truncated().toPlainString()).isEqualTo("-370.12");
    }

    @Test
    void roundsToWholeUnitsAndTens() {
        UnroundedMoney rupees = new UnroundedMoney(new BigDecimal("1249.50"), Currency.getInstance("INR"));
        assertThat(rupees.roundedHalfUpToWholeUnits().toPlainString()).isEqualTo("1250.00");
        assertThat(rupees.roundedDownToWholeUnits().toPlainString()).isEqualTo("1249.00");
        assertThat(rupees.roundedUpToWholeUnits().toPlainString()).isEqualTo("1250.00");
        assertThat(rupees.roundedHalfUpToTens().toPlainString()).isEqualTo("1250.00");
        assertThat(new UnroundedMoney(new BigDecimal("1244.99"), Currency.getInstance("INR")).roundedHalfUpToTens()
                .toPlainString()).isEqualTo("1240.00");
    }

    @Test
    void truncatesToAGivenNumberOfPlaces() {
        UnroundedMoney freePay = Money.of("2579", "GBP").dividedBy(12);
        assertThat(freePay.truncatedTo(4).toPlainString()).isEqualTo("214.9166");
        assertThat(freePay.truncatedTo(4).roundedUp().toPlainString()).isEqualTo("214.92");
    }
}
