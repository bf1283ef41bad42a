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

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.payroll.PayrollFixtures.indian;
import static org.openbpo.payroll.PayrollFixtures.inr;
import static org.openbpo.payroll.PayrollFixtures.pay;

class PayrollIndiaPropertiesTest {

    /** TDS month by month, each spreading what is left over the months left, adds up to the year's tax. */
    @Property(tries = 200)
    void twelveMonthsOfTdsAddUpToTheYearsTax(@ForAll("monthlySalaries") Money monthly, @ForAll boolean projected) {
        Money annual = monthly.times(12);
        Money salaryToDate = inr("0");
        Money tdsToDate = inr("0");
        for (int month = 1; month <= 12; month++) {
            GrossToNet result = pay("2025-26", PayFrequency.MONTHLY, month, monthly,
                    indian(projected ? null : annual.toPlainString(), salaryToDate.toPlainString(), tdsToDate.toPlainString()));
            Money tds = result.line("TDS").amount();
            assertThat(tds.isNegative()).isFalse();
            tdsToDate = tdsToDate.plus(tds);
            salaryToDate = salaryToDate.plus(monthly);
        }
        assertThat(tdsToDate).isEqualTo(yearsTax(annual));
    }

    /** Marginal relief keeps the tax continuous: more salary never leaves less after tax. */
    @Property(tries = 300)
    void moreSalaryNeverLeavesLessAfterTax(@ForAll("annualSalaries") Money annual, @ForAll("raises") Money raise) {
        Money lower = yearsTax(annual);
        Money higher = yearsTax(annual.plus(raise));
        assertThat(higher).isGreaterThanOrEqualTo(lower);
        // Marginal relief caps tax before cess at the income over a threshold; the 4% cess comes on top, so a
        // raise can cost at most 104% of itself (plus a rupee of rounding), never more.
        assertThat(higher.minus(lower).amount()).isLessThanOrEqualTo(raise.amount().multiply(new BigDecimal("1.04")).add(BigDecimal.ONE));
    }

    /** The year's tax is what the last month deducts when it pays the whole year's salary and nothing was deducted before. */
    private static Money yearsTax(Money annual) {
        return pay("2025-26", PayFrequency.MONTHLY, 12, annual, indian(null, "0", "0")).line("TDS").amount();
    }

    @Provide
    Arbitrary<Money> monthlySalaries() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2),
                Arbitraries.bigDecimals().between(new BigDecimal("100000"), new BigDecimal("112000")).ofScale(2))
                .map(amount -> inr(amount.toPlainString()));
    }

    @Provide
    Arbitrary<Money> annualSalaries() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("30000000")).ofScale(2),
                Arbitraries.bigDecimals().between(new BigDecimal("1270000"), new BigDecimal("1350000")).ofScale(2),
                Arbitraries.bigDecimals().between(new BigDecimal("5000000"), new BigDecimal("5300000")).ofScale(2),
                Arbitraries.bigDecimals().between(new BigDecimal("10000000"), new BigDecimal("10300000")).ofScale(2),
                Arbitraries.bigDecimals().between(new BigDecimal("20000000"), new BigDecimal("20300000")).ofScale(2))
                .map(amount -> inr(amount.toPlainString()));
    }

    @Provide
    Arbitrary<Money> raises() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("200000")).ofScale(2).map(amount -> inr(amount.toPlainString()));
    }
}
