package org.openbpo.payroll.domain.unitedkingdom;

import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.PayPeriod;
import org.openbpo.payroll.domain.Rates;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.money.Money;
import org.openbpo.shared.money.UnroundedMoney;

import java.util.Map;

/**
 * Class 1 NICs by the exact percentage method (reference 2.5): the period's thresholds, employee
 * and employer computed separately, each rounded to the nearest penny with a half penny or less
 * disregarded (SSCR 2001 reg. 12(1)). Directors use the annual earnings period: NICs due on the
 * year's earnings to date, less NICs already paid.
 */
final class NationalInsurance {

    private NationalInsurance() {
    }

    static PayLine employee(PackInfo info, NiRules rules, PayPeriod period, Money pay, NiCategory category,
                            UnitedKingdomEmployee employee) {
        Earnings earnings = earnings(rules, period, pay, employee);
        Money pt = earnings.thresholds().get("PT");
        Money uel = earnings.thresholds().get("UEL");
        Money mainBand = earnings.amount().min(uel).minus(pt).atLeastZero();
        Money aboveUel = earnings.amount().minus(uel).atLeastZero();
        UnroundedMoney exact = mainBand.times(category.employeeMainRate()).plus(aboveUel.times(category.employeeUpperRate()));
        Workings.Builder workings = earnings.workings()
                .add("PT primary threshold", pt)
                .add("UEL upper earnings limit", uel)
                .add("earnings from PT to UEL", mainBand)
                .percent("rate from PT to UEL", category.employeeMainRate())
                .add("earnings above UEL", aboveUel)
                .percent("rate above UEL", category.employeeUpperRate())
                .add("exact", exact);
        Money due = settle(exact, employee.director(), employee.employeeNiToDate(), workings);
        info.flagIfUnverified(workings, "ni.period." + period.frequency());
        return new PayLine("NI_EE", due, earnings.amount(), "Class 1 employee NICs " + info.taxYear() + ", category "
                + category.letter() + ", exact percentage method, " + earnings.describe(), workings.build());
    }

    static PayLine employer(PackInfo info, NiRules rules, PayPeriod period, Money pay, NiCategory category,
                            UnitedKingdomEmployee employee) {
        Earnings earnings = earnings(rules, period, pay, employee);
        Money threshold = earnings.thresholds().get(category.employerThreshold());
        Money above = earnings.amount().minus(threshold).atLeastZero();
        UnroundedMoney exact = above.times(category.employerRate());
        Workings.Builder workings = earnings.workings()
                .add(category.employerThreshold() + " (0% up to it)", threshold)
                .add("earnings above " + category.employerThreshold(), above)
                .percent("employer rate", category.employerRate())
                .add("exact", exact);
        Money due = settle(exact, employee.director(), employee.employerNiToDate(), workings);
        info.flagIfUnverified(workings, "ni.period." + period.frequency());
        return new PayLine("NI_ER", due, earnings.amount(), "Class 1 employer NICs " + info.taxYear() + ", category "
                + category.letter() + ", " + Rates.asPercent(category.employerRate()) + " above "
                + category.employerThreshold() + ", " + earnings.describe(), workings.build());
    }

    private record Earnings(Money amount, Map<String, Money> thresholds, Workings.Builder workings, String describe) {
    }

    private static Earnings earnings(NiRules rules, PayPeriod period, Money pay, UnitedKingdomEmployee employee) {
        Map<String, Money> thresholds = rules.thresholdsFor(period.frequency(), employee.director());
        Workings.Builder workings = Workings.builder().add("NIable pay this period", pay);
        if (employee.director()) {
            Money toDate = employee.niablePayToDate().plus(pay);
            workings.add("NIable pay to date before this period", employee.niablePayToDate())
                    .add("earnings for the annual earnings period (to date including this period)", toDate);
            return new Earnings(toDate, thresholds, workings, "director, annual earnings period");
        }
        NiRules.EarningsPeriod published = rules.periods().get(period.frequency());
        workings.add("earnings period", published.published() + (published.multiple() == 1 ? "" : " × " + published.multiple()));
        return new Earnings(pay, thresholds, workings, period.frequency() + " earnings period");
    }

    /** Rounds the exact NICs; for a director, deducts what the year to date already paid (never below 0). */
    private static Money settle(UnroundedMoney exact, boolean director, Money paidToDate, Workings.Builder workings) {
        Money due = exact.roundedHalfDown();
        workings.add("rounded to the penny, ½p or less disregarded", due);
        if (!director) {
            return due;
        }
        Money thisPeriod = due.minus(paidToDate).atLeastZero();
        workings.add("NICs to date before this period", paidToDate).add("this period (due − paid, not below 0)", thisPeriod);
        return thisPeriod;
    }
}
