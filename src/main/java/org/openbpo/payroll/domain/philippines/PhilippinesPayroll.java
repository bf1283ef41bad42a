package org.openbpo.payroll.domain.philippines;

import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.PayPeriod;
import org.openbpo.payroll.domain.PayRequest;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.money.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * Gross to net for a Philippine employee: the month's mandatory contributions (as far as this pay
 * carries them), then withholding tax by the BIR table of the pay frequency on the compensation left
 * after them and after non-taxable items (reference 4.1). Minimum-wage earners are exempt.
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
        Money taxable = request.gross().minus(contributed).minus(employee.nonTaxable()).atLeastZero();
        Workings.Builder workings = Workings.builder()
                .add("gross compensation this pay", request.gross())
                .add("employee SSS, PhilHealth and Pag-IBIG this pay", contributed)
                .add("non-taxable compensation this pay", employee.nonTaxable())
                .add("taxable compensation (not below 0)", taxable);
        pack.info().flagIfUnverified(workings, "taxYear");
        String year = pack.info().taxYear();
        if (employee.minimumWageEarner()) {
            workings.add("minimum wage earner", "exempt from withholding tax on compensation");
            return new PayLine("WTAX", Money.zero(taxable.currency()), taxable, "Minimum wage earner: exempt from income tax"
                    + " (NIRC s.24(A)(2) as amended by TRAIN; RR 11-2018), " + year, workings.build());
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
}
