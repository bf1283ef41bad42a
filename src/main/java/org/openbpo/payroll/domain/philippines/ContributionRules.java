package org.openbpo.payroll.domain.philippines;

import org.openbpo.payroll.domain.PackData;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.Currency;

/** SSS with EC, PhilHealth and Pag-IBIG of one year, and the employer's semi-monthly policy (reference 4.2). */
public record ContributionRules(Sss sss, PhilHealth philHealth, PagIbig pagIbig, SemiMonthlySplit semiMonthly) {

    public record Sss(BigDecimal employeeRate, BigDecimal employerRate, Money minimumCredit, Money maximumCredit,
                      Money creditStep, Money firstBracketTop, Money mpfFrom, Money ecLow, Money ecHigh, Money ecHighFrom) {
    }

    public record PhilHealth(BigDecimal rate, Money floor, Money ceiling, BigDecimal employeeShare) {
    }

    public record PagIbig(BigDecimal employeeLowRate, BigDecimal employeeHighRate, Money lowRateUpTo,
                          BigDecimal employerRate, Money maximumFundSalary) {
    }

    /** Which semi-monthly cut-off carries the month's contributions. */
    public enum SemiMonthlySplit { HALVES, SECOND_CUTOFF }

    static ContributionRules from(PackData data, Currency php) {
        return new ContributionRules(
                new Sss(data.rate("sss.employeeRate"), data.rate("sss.employerRate"), data.money("sss.minimumCredit", php),
                        data.money("sss.maximumCredit", php), data.money("sss.creditStep", php),
                        data.money("sss.firstBracketTop", php), data.money("sss.mpfFrom", php), data.money("sss.ec.low", php),
                        data.money("sss.ec.high", php), data.money("sss.ec.highFrom", php)),
                new PhilHealth(data.rate("philhealth.rate"), data.money("philhealth.floor", php),
                        data.money("philhealth.ceiling", php), data.rate("philhealth.employeeShare")),
                new PagIbig(data.rate("pagibig.employeeRate.low"), data.rate("pagibig.employeeRate.high"),
                        data.money("pagibig.lowRateUpTo", php), data.rate("pagibig.employerRate"),
                        data.money("pagibig.maximumFundSalary", php)),
                data.choice("contributions.semimonthly", SemiMonthlySplit.class));
    }
}
