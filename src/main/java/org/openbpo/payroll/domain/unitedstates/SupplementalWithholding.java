package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.PayPeriod;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.money.Money;

/**
 * Federal income tax on supplemental wages paid separately from regular wages (IRS Pub 15 section 7): the
 * optional flat rate of the rule pack ({@code fit.supplemental.flatRate}, 22% for 2025 and 2026) times the
 * payment, rounded half up to the cent. The flat rate may be used only if income tax was withheld from the
 * employee's regular wages; OpenBPO knows the current year's, so with nothing withheld this year the payment
 * is taxed by the aggregate method (Worksheet 1A on the payment) and the workings say why. An employee whose
 * W-4 claims exemption keeps no withholding (the payslip zeroes the line, as for regular wages). Not applied:
 * the mandatory 37% on supplemental wages over $1 million in a year (supplemental wages to date are not kept
 * apart from regular wages), so the workings flag payments to employees paid over $1 million.
 */
final class SupplementalWithholding {

    private static final Money MILLION = Money.of("1000000.00", "USD");

    private SupplementalWithholding() {
    }

    static PayLine withholding(PackInfo info, FederalIncomeTaxRules rules, PayPeriod period, Money wages, UnitedStatesEmployee employee) {
        if (rules.supplementalFlatRate() == null || !employee.incomeTaxToDate().isPositive()) {
            PayLine aggregate = Worksheet1A.withholding(info, rules, period, wages, employee.w4());
            Workings.Builder workings = Workings.builder().add("supplemental wages", wages)
                    .add("method", rules.supplementalFlatRate() == null ? "the " + info.taxYear() + " pack has no flat rate: aggregate method"
                            : "no federal income tax withheld from regular wages this year: the flat rate may not be used (Pub 15 section 7); "
                            + "aggregate method")
                    .addAll(aggregate.workings().steps());
            return new PayLine(aggregate.code(), aggregate.amount(), aggregate.base(), aggregate.rule() + " (supplemental wages, aggregate method)",
                    workings.build());
        }
        Money withhold = wages.times(rules.supplementalFlatRate()).roundedHalfUp();
        Workings.Builder workings = Workings.builder()
                .add("supplemental wages paid separately (off-cycle)", wages)
                .add("federal income tax withheld from regular wages this year", employee.incomeTaxToDate())
                .percent("optional flat rate", rules.supplementalFlatRate())
                .add("withhold (wages × rate, to the cent, half up)", withhold);
        info.flagIfUnverified(workings, "fit.supplemental.flatRate");
        if (employee.wagesToDate().plus(wages).compareTo(MILLION) > 0) {
            workings.add("check", "wages this year pass $1 million: supplemental wages over $1 million are withheld at the mandatory "
                    + "37% rate, which OpenBPO does not apply; review by hand");
        }
        return new PayLine("FIT", withhold, wages, "IRS Pub 15 (" + info.taxYear() + ") section 7, supplemental wages: optional flat rate "
                + org.openbpo.payroll.domain.Rates.asPercent(rules.supplementalFlatRate()), workings.build());
    }
}
