package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.PayPeriod;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.money.Money;
import org.openbpo.shared.money.UnroundedMoney;

/**
 * Federal income tax withholding by IRS Pub 15-T Worksheet 1A, the percentage method for automated
 * payroll systems with a Form W-4 from 2020 or later (reference 1.2). Line numbers are the worksheet's.
 * Intermediate lines are carried exactly; only the amount to withhold is rounded (reference 1.2).
 */
final class Worksheet1A {

    private Worksheet1A() {
    }

    static PayLine withholding(PackInfo info, FederalIncomeTaxRules rules, PayPeriod period, Money wages, FormW4 w4) {
        Workings.Builder workings = Workings.builder();
        Money zero = Money.zero(wages.currency());
        FilingStatus status = w4.filingStatus();
        int periods = rules.periodsPerYear().get(period.frequency());

        // Step 1: adjust the employee's payment amount to an annual wage.
        Money line1c = wages.times(periods);
        Money line1e = line1c.plus(w4.step4aOtherIncome());
        Money line1g = w4.step2Checked() ? zero : rules.line1g().get(status);
        Money line1h = w4.step4bDeductions().plus(line1g);
        Money line1i = line1e.minus(line1h).atLeastZero();
        workings.add("1a wages this period", wages)
                .add("1b pay periods per year", periods)
                .add("1c annual wages (1a × 1b)", line1c)
                .add("1d Step 4(a) other income", w4.step4aOtherIncome())
                .add("1e (1c + 1d)", line1e)
                .add("1f Step 4(b) deductions", w4.step4bDeductions())
                .add("1g " + (w4.step2Checked() ? "Step 2 checked: 0" : status + " standard deduction not in the table"), line1g)
                .add("1h (1f + 1g)", line1h)
                .add("1i adjusted annual wage (1e − 1h, not below 0)", line1i);
        if (!w4.step2Checked()) {
            info.flagIfUnverified(workings, "fit.line1g." + status);
        }

        // Step 2: tentative withholding from the annual table of the filing status.
        WithholdingSchedule table = (w4.step2Checked() ? rules.checkbox() : rules.standard()).get(status);
        WithholdingSchedule.Row row = table.rowFor(line1i.exact());
        UnroundedMoney line2d = line1i.minus(row.atLeast()).exact();
        UnroundedMoney line2e = line2d.times(row.rate());
        UnroundedMoney line2f = line2e.plus(row.tentative());
        UnroundedMoney line2g = line2f.dividedBy(periods);
        workings.add("2a row amount A", row.atLeast())
                .add("2b tentative amount C", row.tentative())
                .percent("2c percentage D", row.rate())
                .add("2d (1i − 2a)", line2d)
                .add("2e (2d × 2c)", line2e)
                .add("2f annual tentative withholding (2b + 2e)", line2f)
                .approximately("2g tentative withholding per period (2f ÷ 1b)", line2g);
        info.flagIfUnverified(workings, (w4.step2Checked() ? "fit.checkbox." : "fit.standard.") + status);

        // Step 3: tax credits, spread over the pay periods.
        UnroundedMoney line3b = w4.step3Credits().dividedBy(periods);
        UnroundedMoney line3c = line2g.minus(line3b).atLeastZero();
        workings.add("3a Step 3 credits (annual)", w4.step3Credits())
                .approximately("3b (3a ÷ 1b)", line3b)
                .approximately("3c (2g − 3b, not below 0)", line3c);

        // Step 4: extra withholding, then the one rounding the method allows.
        UnroundedMoney line4b = line3c.plus(w4.step4cExtraWithholding());
        Money withhold = rules.rounding() == FederalIncomeTaxRules.Rounding.WHOLE_DOLLARS
                ? line4b.roundedHalfUpToWholeUnits()
                : line4b.roundedHalfUp();
        workings.add("4a Step 4(c) extra withholding", w4.step4cExtraWithholding())
                .approximately("4b (3c + 4a)", line4b)
                .add("rounding", rules.rounding() == FederalIncomeTaxRules.Rounding.WHOLE_DOLLARS
                        ? "to the whole dollar, half up" : "to the cent, half up")
                .add("withhold", withhold);
        if (rules.rounding() == FederalIncomeTaxRules.Rounding.WHOLE_DOLLARS) {
            info.flagIfUnverified(workings, "fit.rounding");
        }

        String rule = "IRS Pub 15-T " + info.taxYear() + " Worksheet 1A (Form W-4 2020 or later), " + table.describe(row);
        return new PayLine("FIT", withhold, wages, rule, workings.build());
    }
}
