package org.openbpo.payroll.domain.philippines;

import java.util.Map;
import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.Rates;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * The month's SSS (with EC), PhilHealth and Pag-IBIG contributions (reference 4.2), and the share
 * of them this pay carries. Each line's workings show the monthly figure and the share.
 */
final class Contributions {

    private Contributions() {
    }

    record Lines(List<PayLine> employee, List<PayLine> employer) {
    }

    static Lines of(PackInfo info, ContributionRules rules, PhilippineEmployee employee, ContributionShare share) {
        ContributionRules.Sss sss = rules.sss();
        Money credit = monthlySalaryCredit(sss, employee.sssBase());
        Workings sssWorkings = sssWorkings(info, sss, employee.sssBase(), credit);
        Money sssEmployee = credit.times(sss.employeeRate()).roundedHalfUp();
        Money sssEmployer = credit.times(sss.employerRate()).roundedHalfUp();
        Money ec = credit.isLessThan(sss.ecHighFrom()) ? sss.ecLow() : sss.ecHigh();

        ContributionRules.PhilHealth health = rules.philHealth();
        Money premiumBase = employee.basicMonthly().max(health.floor()).min(health.ceiling());
        Money premium = premiumBase.times(health.rate()).roundedHalfUp();
        Money healthEmployee = premium.times(health.employeeShare()).roundedDown();
        Money healthEmployer = premium.minus(healthEmployee);
        Workings healthWorkings = Workings.builder()
                .add("monthly basic salary", employee.basicMonthly())
                .add("floor", health.floor()).add("ceiling", health.ceiling())
                .add("premium base (basic salary within floor and ceiling)", premiumBase)
                .percent("premium rate", health.rate())
                .add("monthly premium (rounded to the centavo, half up)", premium)
                .add("employee share (" + Rates.asPercent(health.employeeShare()) + ", rounded down)", healthEmployee)
                .add("employer share (premium − employee share)", healthEmployer)
                .addAll(flag(info, "philhealth.rate")).build();

        ContributionRules.PagIbig fund = rules.pagIbig();
        Money compensation = employee.pagIbigBase();
        Money fundSalary = compensation.min(fund.maximumFundSalary());
        BigDecimal employeeRate = compensation.compareTo(fund.lowRateUpTo()) <= 0 ? fund.employeeLowRate() : fund.employeeHighRate();
        Money fundEmployee = fundSalary.times(employeeRate).roundedHalfUp();
        Money fundEmployer = fundSalary.times(fund.employerRate()).roundedHalfUp();
        Workings fundWorkings = Workings.builder()
                .add("monthly compensation", compensation)
                .add("maximum fund salary", fund.maximumFundSalary())
                .add("fund salary (lesser of the two)", fundSalary)
                .percent("employee rate (" + Rates.asPercent(fund.employeeLowRate()) + " up to "
                        + fund.lowRateUpTo().toPlainString() + ", else " + Rates.asPercent(fund.employeeHighRate()) + ")", employeeRate)
                .percent("employer rate", fund.employerRate())
                .add("monthly employee contribution", fundEmployee)
                .add("monthly employer contribution", fundEmployer).build();

        String sssRule = " of the monthly salary credit " + credit.toPlainString() + " (RA 11199, 2025 schedule)";
        return new Lines(
                List.of(line("SSS_EE", sssEmployee, credit, "SSS employee " + Rates.asPercent(sss.employeeRate()) + sssRule, sssWorkings, share),
                        line("PHILHEALTH_EE", healthEmployee, premiumBase, "PhilHealth employee share of "
                                + Rates.asPercent(health.rate()) + " of basic salary within " + health.floor().toPlainString()
                                + "–" + health.ceiling().toPlainString(), healthWorkings, share),
                        line("PAGIBIG_EE", fundEmployee, fundSalary, "Pag-IBIG employee " + Rates.asPercent(employeeRate)
                                + " of the fund salary (HDMF Circular 460)", fundWorkings, share)),
                List.of(line("SSS_ER", sssEmployer, credit, "SSS employer " + Rates.asPercent(sss.employerRate()) + sssRule, sssWorkings, share),
                        line("SSS_EC", ec, credit, "Employees' Compensation: " + sss.ecLow().toPlainString() + " below an MSC of "
                                + sss.ecHighFrom().toPlainString() + ", else " + sss.ecHigh().toPlainString(), sssWorkings, share),
                        line("PHILHEALTH_ER", healthEmployer, premiumBase, "PhilHealth employer share of "
                                + Rates.asPercent(health.rate()) + " of basic salary", healthWorkings, share),
                        line("PAGIBIG_ER", fundEmployer, fundSalary, "Pag-IBIG employer " + Rates.asPercent(fund.employerRate())
                                + " of the fund salary (HDMF Circular 460)", fundWorkings, share)));
    }

    /** MSC = minimum + step × whole steps of (compensation − (first bracket top − step)), within minimum and maximum. */
    static Money monthlySalaryCredit(ContributionRules.Sss sss, Money compensation) {
        BigDecimal steps = compensation.minus(sss.firstBracketTop().minus(sss.creditStep())).amount()
                .divideToIntegralValue(sss.creditStep().amount()).max(BigDecimal.ZERO);
        Money credit = sss.minimumCredit().plus(sss.creditStep().times(steps.longValueExact()));
        return credit.min(sss.maximumCredit());
    }

    private static Workings sssWorkings(PackInfo info, ContributionRules.Sss sss, Money compensation, Money credit) {
        return Workings.builder()
                .add("monthly compensation", compensation)
                .add("monthly salary credit (" + sss.minimumCredit().toPlainString() + " below "
                        + sss.firstBracketTop().toPlainString() + ", then steps of " + sss.creditStep().toPlainString()
                        + ", at most " + sss.maximumCredit().toPlainString() + ")", credit)
                .add("regular SS part of the credit", credit.min(sss.mpfFrom()))
                .add("MPF part of the credit (above " + sss.mpfFrom().toPlainString() + ")", credit.minus(sss.mpfFrom()).atLeastZero())
                .percent("employee rate", sss.employeeRate())
                .percent("employer rate", sss.employerRate())
                .add("monthly employee contribution", credit.times(sss.employeeRate()).roundedHalfUp())
                .add("monthly employer contribution", credit.times(sss.employerRate()).roundedHalfUp())
                .add("monthly EC", credit.isLessThan(sss.ecHighFrom()) ? sss.ecLow() : sss.ecHigh())
                .addAll(flag(info, "sss.mpfFrom", "sss.ec.highFrom")).build();
    }

    private static PayLine line(String code, Money monthly, Money base, String rule, Workings monthlyWorkings,
                                ContributionShare share) {
        Money thisPay = share.of(monthly);
        Workings workings = Workings.builder().addAll(monthlyWorkings.steps())
                .add("this month's " + code, monthly)
                .add("share carried by this pay", share.name())
                .add("amount this pay", thisPay).build();
        return new PayLine(code, thisPay, base, rule, workings);
    }

    /** The unverified notes of these keys, and of the pack's year if the pack carries a year forward. */
    private static Map<String, String> flag(PackInfo info, String... keys) {
        Workings.Builder flags = Workings.builder();
        for (String key : keys) {
            info.flagIfUnverified(flags, key);
        }
        info.flagIfUnverified(flags, "taxYear");
        return flags.build().steps();
    }
}
