package org.openbpo.payroll.domain.philippines;

import org.openbpo.shared.money.Money;

/**
 * 13th-month pay (PD 851): a twelfth of the basic salary earned in the calendar year, paid by 24
 * December, rounded to the centavo half up. It is exempt from tax together with the year's other
 * benefits up to the pack's ceiling (see {@link PhilippinesPayroll}).
 */
public final class ThirteenthMonthPay {

    private ThirteenthMonthPay() {
    }

    public static Money of(Money basicSalaryEarnedInYear) {
        if (basicSalaryEarnedInYear.isNegative()) {
            throw new IllegalArgumentException("Basic salary earned cannot be negative");
        }
        return basicSalaryEarnedInYear.dividedBy(12).roundedHalfUp();
    }
}
