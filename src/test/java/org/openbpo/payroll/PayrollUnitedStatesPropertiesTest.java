package org.openbpo.payroll;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.unitedstates.FilingStatus;
import org.openbpo.payroll.domain.unitedstates.FormW4;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.payroll.PayrollFixtures.american;
import static org.openbpo.payroll.PayrollFixtures.pay;
import static org.openbpo.payroll.PayrollFixtures.usd;

class PayrollUnitedStatesPropertiesTest {

    @Property(tries = 500)
    void noPeriodsTaxIsNegative(@ForAll("forms") FormW4 w4, @ForAll("wages") Money wages, @ForAll("wages") Money toDate,
                                @ForAll("frequencies") PayFrequency frequency) {
        GrossToNet result = pay("2026", frequency, 1, wages, american(w4, toDate.times(20).toPlainString()));
        assertThat(result.employee()).allSatisfy(line -> assertThat(line.amount().isNegative()).as(line.code()).isFalse());
        assertThat(result.employer()).allSatisfy(line -> assertThat(line.amount().isNegative()).as(line.code()).isFalse());
    }

    @Property(tries = 300)
    void moreWagesNeverWithholdLess(@ForAll("forms") FormW4 w4, @ForAll("wages") Money wages, @ForAll("wages") Money more,
                                    @ForAll("frequencies") PayFrequency frequency) {
        Money less = pay("2026", frequency, 1, wages, american(w4, "0")).line("FIT").amount();
        Money most = pay("2026", frequency, 1, wages.plus(more), american(w4, "0")).line("FIT").amount();
        assertThat(most).isGreaterThanOrEqualTo(less);
    }

    @Property(tries = 100)
    void aYearOfSocialSecurityStopsAtTheWageBase(@ForAll("wages") Money biweekly) {
        Money toDate = usd("0");
        Money base = usd("0");
        Money tax = usd("0");
        for (int period = 1; period <= 26; period++) {
            GrossToNet result = pay("2026", PayFrequency.BIWEEKLY, period, biweekly,
                    american(PayrollFixtures.w4(FilingStatus.SINGLE), toDate.toPlainString()));
            base = base.plus(result.line("SS").base());
            tax = tax.plus(result.line("SS").amount());
            toDate = toDate.plus(biweekly);
        }
        Money expectedBase = toDate.min(usd("184500"));
        assertThat(base).isEqualTo(expectedBase);
        // Each period rounds to the cent: the year is within half a cent a period of 6.2% of the base.
        BigDecimal exact = expectedBase.amount().multiply(new BigDecimal("0.062"));
        assertThat(tax.amount().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.13"));
    }

    @Property(tries = 200)
    void theSameInputsGiveTheSameResult(@ForAll("forms") FormW4 w4, @ForAll("wages") Money wages) {
        GrossToNet first = pay("2026", PayFrequency.WEEKLY, 7, wages, american(w4, "1000.00"));
        GrossToNet second = pay("2026", PayFrequency.WEEKLY, 7, wages, american(w4, "1000.00"));
        assertThat(second).isEqualTo(first);
        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(first.net()).isEqualTo(first.gross().minus(first.employee().stream().map(PayLine::amount)
                .reduce(usd("0"), Money::plus)));
    }

    @Provide
    Arbitrary<Money> wages() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("40000")).ofScale(2).map(amount -> usd(amount.toPlainString()));
    }

    @Provide
    Arbitrary<PayFrequency> frequencies() {
        return Arbitraries.of(PayFrequency.WEEKLY, PayFrequency.BIWEEKLY, PayFrequency.SEMIMONTHLY, PayFrequency.MONTHLY,
                PayFrequency.DAILY);
    }

    @Provide
    Arbitrary<FormW4> forms() {
        Arbitrary<Money> annual = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60000")).ofScale(2)
                .map(amount -> usd(amount.toPlainString()));
        Arbitrary<Money> extra = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("500")).ofScale(2)
                .map(amount -> usd(amount.toPlainString()));
        return Combinators.combine(Arbitraries.of(FilingStatus.class), Arbitraries.of(true, false), annual, annual, annual, extra)
                .as(FormW4::new);
    }
}
