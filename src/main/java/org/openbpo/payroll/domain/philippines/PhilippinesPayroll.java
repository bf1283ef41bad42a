package org.openbpo.payroll.domain.philippines;

import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.PayPeriod;
import org.openbpo.payroll.domain.PayRequest;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * Gross to net for a Philippine employee: the month's mandatory contributions (as far as this pay
 * carries them), then withholding tax by the BIR table of the pay frequency on the compensation left
 * after them and after non-taxable items (reference 4.1). 13th-month pay and other benefits are
 * exempt up to the year's ceiling, counting those paid earlier in the year; the excess is taxed. The
 * year's last pay makes the year-end adjustment: the annual tax on the year's taxable compensation
 * less what was withheld. Minimum-wage earners are exempt.
 */
public final class PhilippinesPayroll {

    private PhilippinesPayroll() {
    }

    public static GrossToNet calculate(PhilippinesRulePack pack, PayRequest request, PhilippineEmployee employee) {
        PackInfo info = pack.info();
        info.requirePeriod(request.period());
        ContributionShare share = employee.contributionShare() != null ? employee.contributionShare()
                : defaultShare(pack.contributions().semiMonthly(), request.period());
        var contributions = Contributions.of(info, pack.contributions(), employee, share);
        Money contributed = contributions.employee().stream().map(PayLine::amount)
                .reduce(Money.zero(request.gross().currency()), Money::plus);
        List<PayLine> deducted = new ArrayList<>();
        deducted.add(withholding(pack, request, employee, contributed));
        deducted.addAll(contributions.employee());
        return GrossToNet.of(info.country(), info.taxYear(), request.gross(), deducted, contributions.employer());
    }

    /** Monthly pay carries the month; semi-monthly pay per the employer's policy; weekly and daily pay none unless told. */
    static ContributionShare defaultShare(ContributionRules.SemiMonthlySplit policy, PayPeriod period) {
        boolean secondCutOff = period.number() % 2 == 0;
        return switch (period.frequency()) {
            case MONTHLY -> ContributionShare.FULL;
            case SEMIMONTHLY -> policy == ContributionRules.SemiMonthlySplit.HALVES
                    ? (secondCutOff ? ContributionShare.SECOND_HALF : ContributionShare.FIRST_HALF)
                    : (secondCutOff ? ContributionShare.FULL : ContributionShare.NONE);
            default -> ContributionShare.NONE;
        };
    }

    private static PayLine withholding(PhilippinesRulePack pack, PayRequest request, PhilippineEmployee employee,
                                       Money contributed) {
        PayFrequency frequency = request.period().frequency();
        if (employee.benefits().isGreaterThan(request.gross())) {
            throw BusinessRuleViolation.invalid("employee.benefits", "13th-month pay and other benefits of "
                    + employee.benefits().toPlainString() + " cannot exceed the gross pay of " + request.gross().toPlainString());
        }
        Money ceilingLeft = pack.benefitsCeiling().minus(employee.benefitsToDate()).atLeastZero();
        Money exemptBenefits = employee.benefits().min(ceilingLeft);
        Money taxable = request.gross().minus(contributed).minus(employee.nonTaxable()).minus(exemptBenefits).atLeastZero();
        Workings.Builder workings = Workings.builder()
                .add("gross compensation this pay", request.gross())
                .add("employee SSS, PhilHealth and Pag-IBIG this pay", contributed)
                .add("non-taxable compensation this pay (de minimis)", employee.nonTaxable());
        if (!employee.benefits().isZero() || !employee.benefitsToDate().isZero()) {
            workings.add("13th-month pay and other benefits this pay", employee.benefits())
                    .add("benefits earlier in the year", employee.benefitsToDate())
                    .add("yearly exempt ceiling", pack.benefitsCeiling())
                    .add("ceiling left this pay", ceilingLeft)
                    .add("exempt benefits this pay", exemptBenefits)
                    .add("taxable benefits this pay (above the ceiling)", employee.benefits().minus(exemptBenefits));
        }
        workings.add("taxable compensation (not below 0)", taxable);
        pack.info().flagIfUnverified(workings, "taxYear");
        String year = pack.info().taxYear();
        if (employee.minimumWageEarner()) {
            workings.add("minimum wage earner", "exempt from withholding tax on compensation");
            return new PayLine("WTAX", Money.zero(taxable.currency()), taxable, "Minimum wage earner: exempt from income tax"
                    + " (NIRC s.24(A)(2) as amended by TRAIN; RR 11-2018), " + year, workings.build());
        }
        if (employee.yearEnd() != null) {
            return yearEndAdjustment(pack, employee.yearEnd(), taxable, workings);
        }
        WithholdingTable table = pack.withholding().get(frequency);
        WithholdingTable.Row row = table.rowFor(taxable);
        Money excess = taxable.minus(row.from());
        var exact = excess.times(row.rate()).plus(row.fixed());
        Money tax = exact.roundedHalfUp();
        workings.add("bracket from", row.from())
                .add("fixed tax", row.fixed())
                .percent("rate on the excess", row.rate())
                .add("excess over the bracket", excess)
                .add("exact (fixed + rate × excess)", exact)
                .add("rounded to the centavo, half up", tax);
        return new PayLine("WTAX", tax, taxable, table.describe(row) + ", " + year, workings.build());
    }

    /**
     * The year's last pay withholds the year's tax on the year's taxable compensation (the annual table)
     * less what the earlier pays withheld; a negative result refunds the over-withholding.
     */
    private static PayLine yearEndAdjustment(PhilippinesRulePack pack, YearEnd yearEnd, Money taxable, Workings.Builder workings) {
        Money annualTaxable = yearEnd.taxableToDate().plus(taxable);
        WithholdingTable.Row row = pack.annual().rowFor(annualTaxable);
        Money excess = annualTaxable.minus(row.from());
        var exact = excess.times(row.rate()).plus(row.fixed());
        Money annualTax = exact.roundedHalfUp();
        Money tax = annualTax.minus(yearEnd.taxWithheldToDate());
        workings.add("taxable compensation earlier in the year", yearEnd.taxableToDate())
                .add("taxable compensation of the year", annualTaxable)
                .add("annual bracket from", row.from())
                .add("fixed tax", row.fixed())
                .percent("rate on the excess", row.rate())
                .add("excess over the bracket", excess)
                .add("tax due for the year (rounded to the centavo, half up)", annualTax)
                .add("withheld earlier in the year", yearEnd.taxWithheldToDate())
                .add(tax.isNegative() ? "refund of over-withholding" : "withheld this pay", tax);
        return new PayLine("WTAX", tax, annualTaxable, "Year-end adjustment: " + pack.annual().describe(row) + ", less tax "
                + "withheld in the year, " + pack.info().taxYear(), workings.build());
    }
}
