package org.openbpo.payroll.domain.india;

import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.PayRequest;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.money.Money;
import org.openbpo.shared.money.UnroundedMoney;

import java.util.ArrayList;
import java.util.List;

/**
 * Gross to net for an Indian employee: TDS on salary under s.192 at the average rate, and EPF. The
 * employer estimates the year's salary (paid so far, this month's, and the regular salary of the
 * months after it) and its tax, and deducts, each month, what is left of the year's tax over the
 * months left (reference 3.1). Employee EPF does not reduce tax under the new regime.
 */
public final class IndiaPayroll {

    private IndiaPayroll() {
    }

    public static GrossToNet calculate(IndiaRulePack pack, PayRequest request, IndianEmployee employee) {
        PackInfo info = pack.info();
        info.requirePeriod(request.period());
        Money salary = request.gross();
        PayLine tds = tds(info, pack.incomeTax(), request.period().number(), salary, employee);
        Money epfWages = employee.epfWages() == null ? salary : employee.epfWages();
        var fund = ProvidentFund.contributions(info, pack.providentFund(), epfWages, employee.epfOnActualWages(),
                employee.pensionMember());
        List<PayLine> deducted = new ArrayList<>(List.of(tds, fund.employee()));
        return GrossToNet.of(info.country(), info.taxYear(), salary, deducted, fund.employer());
    }

    private static PayLine tds(PackInfo info, NewRegimeRules rules, int month, Money salary, IndianEmployee employee) {
        int monthsLeft = 12 - month + 1;
        Workings.Builder workings = Workings.builder()
                .add("month of the financial year (April = 1)", month)
                .add("months left including this one", monthsLeft)
                .add("salary this month", salary)
                .add("salary to date before this month", employee.salaryToDate());
        Money annual;
        if (employee.annualSalary() != null) {
            // What was paid, what this month pays (a bonus included), and the regular salary for the months after it:
            // a bonus is taxed in the year it is paid, and someone who joined mid-year is not taxed on months never worked.
            Money rest = employee.annualSalary().times(monthsLeft - 1).dividedBy(12).roundedHalfUp();
            annual = employee.salaryToDate().plus(salary).plus(rest);
            workings.add("annual salary", employee.annualSalary())
                    .add("regular salary for the months after this one (a twelfth of the annual × " + (monthsLeft - 1) + ")", rest)
                    .add("salary for the year", "estimated: salary to date + this month + the months after it");
        } else {
            annual = employee.salaryToDate().plus(salary.times(monthsLeft));
            workings.add("salary for the year", "projected: salary to date + this month × months left");
        }
        Money annualTax = NewRegimeTax.annualTax(rules, annual, employee.resident(), workings);
        Money left = annualTax.minus(employee.tdsToDate());
        UnroundedMoney exact = left.dividedBy(monthsLeft);
        Money rounded = rules.tdsRounding().apply(exact);
        Money tds = rounded.atLeastZero();
        workings.add("TDS to date before this month", employee.tdsToDate())
                .add("tax left for the year", left)
                .approximately("tax left ÷ months left", exact)
                .add("rounded " + rules.tdsRounding().describe(), rounded)
                .add("TDS this month (not below 0)", tds);
        info.flagIfUnverified(workings, "tax.annualRounding");
        info.flagIfUnverified(workings, "tds.rounding");
        return new PayLine("TDS", tds, salary, "TDS on salary u/s 192, new regime " + info.taxYear()
                + ": (tax for the year − TDS to date) ÷ months left", workings.build());
    }
}
