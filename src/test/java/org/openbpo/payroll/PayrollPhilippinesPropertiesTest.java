package org.openbpo.payroll;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.payroll.PayrollFixtures.filipino;
import static org.openbpo.payroll.PayrollFixtures.pay;
import static org.openbpo.payroll.PayrollFixtures.php;

class PayrollPhilippinesPropertiesTest {

    private static final List<String> CONTRIBUTIONS = List.of("SSS_EE", "PHILHEALTH_EE", "PAGIBIG_EE", "SSS_ER", "SSS_EC",
            "PHILHEALTH_ER", "PAGIBIG_ER");

    @Property(tries = 300)
    void twoCutOffsCarryExactlyTheMonth(@ForAll("salaries") Money basic) {
        GrossToNet month = pay("2025", PayFrequency.MONTHLY, 3, basic, filipino(basic.toPlainString()));
        GrossToNet first = pay("2025", PayFrequency.SEMIMONTHLY, 5, basic, filipino(basic.toPlainString()));
        GrossToNet second = pay("2025", PayFrequency.SEMIMONTHLY, 6, basic, filipino(basic.toPlainString()));
        for (String code : CONTRIBUTIONS) {
            assertThat(first.line(code).amount().plus(second.line(code).amount())).as(code).isEqualTo(month.line(code).amount());
        }
    }

    @Property(tries = 300)
    void contributionsStayWithinTheirFloorsAndCeilings(@ForAll("salaries") Money basic) {
        GrossToNet month = pay("2025", PayFrequency.MONTHLY, 1, basic, filipino(basic.toPlainString()));
        assertThat(month.line("SSS_EE").amount()).isBetween(php("250.00"), php("1750.00"));
        assertThat(month.line("PHILHEALTH_EE").amount().plus(month.line("PHILHEALTH_ER").amount()))
                .isBetween(php("500.00"), php("5000.00"));
        assertThat(month.line("PAGIBIG_EE").amount()).isLessThanOrEqualTo(php("200.00"));
        assertThat(month.line("PAGIBIG_ER").amount()).isLessThanOrEqualTo(php("200.00"));
    }

    @Property(tries = 300)
    void withholdingIsNeverNegativeAndNeverFallsAsPayRises(@ForAll("frequencies") PayFrequency frequency,
                                                           @ForAll("salaries") Money pay, @ForAll("salaries") Money more) {
        Money less = pay("2025", frequency, 1, pay, filipino("30000.00")).line("WTAX").amount();
        Money most = pay("2025", frequency, 1, pay.plus(more), filipino("30000.00")).line("WTAX").amount();
        assertThat(less.isNegative()).isFalse();
        assertThat(most).isGreaterThanOrEqualTo(less);
    }

    @Property(tries = 100)
    void theSameInputsGiveTheSameResult(@ForAll("salaries") Money basic) {
        GrossToNet first = pay("2025", PayFrequency.SEMIMONTHLY, 7, basic, filipino(basic.toPlainString()));
        assertThat(pay("2025", PayFrequency.SEMIMONTHLY, 7, basic, filipino(basic.toPlainString())).toString())
                .isEqualTo(first.toString());
    }

    @Provide
    Arbitrary<Money> salaries() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("200000")).ofScale(2).map(amount -> php(amount.toPlainString()));
    }

    @Provide
    Arbitrary<PayFrequency> frequencies() {
        return Arbitraries.of(PayFrequency.DAILY, PayFrequency.WEEKLY, PayFrequency.SEMIMONTHLY, PayFrequency.MONTHLY);
    }
}
