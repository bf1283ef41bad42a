package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.Rates;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;

/**
 * Social Security and Medicare (reference 1.5). Each line is rate × its wages this period, rounded
 * to the cent half up; employer lines are computed on the same wages, separately from the employee's.
 */
final class Fica {

    private Fica() {
    }

    /** Wages up to the wage base: what is left of the base after the wages paid to date. */
    static Money socialSecurityWages(FicaRules rules, Money wages, Money wagesToDate) {
        Money leftOfBase = rules.socialSecurityWageBase().minus(wagesToDate).atLeastZero();
        return wages.min(leftOfBase);
    }

    static PayLine socialSecurity(String code, String year, FicaRules rules, Money wages, Money wagesToDate) {
        Money taxable = socialSecurityWages(rules, wages, wagesToDate);
        Workings.Builder workings = Workings.builder()
                .add("wages this period", wages)
                .add("wages to date before this period", wagesToDate)
                .add("wage base", rules.socialSecurityWageBase())
                .add("wage base left (base − wages to date, not below 0)", rules.socialSecurityWageBase().minus(wagesToDate).atLeastZero())
                .add("Social Security wages (lesser of wages and base left)", taxable);
        Money tax = charge(workings, rules.socialSecurityRate(), taxable);
        return new PayLine(code, tax, taxable, (code.endsWith("_ER") ? "Employer " : "Employee ")
                + "Social Security " + year + ": " + pct(rules.socialSecurityRate()) + " of wages up to the wage base "
                + rules.socialSecurityWageBase().toPlainString(), workings.build());
    }

    static PayLine medicare(String code, String year, FicaRules rules, Money wages) {
        Workings.Builder workings = Workings.builder().add("Medicare wages this period (no wage base)", wages);
        Money tax = charge(workings, rules.medicareRate(), wages);
        return new PayLine(code, tax, wages, (code.endsWith("_ER") ? "Employer " : "Employee ") + "Medicare " + year
                + ": " + pct(rules.medicareRate()) + " of all wages", workings.build());
    }

    /** Employee only, on wages this employer paid in the year beyond the threshold; no employer match. */
    static PayLine additionalMedicare(String year, FicaRules rules, Money wages, Money wagesToDate) {
        Money threshold = rules.additionalMedicareThreshold();
        Money overAfter = wagesToDate.plus(wages).minus(threshold).atLeastZero();
        Money overBefore = wagesToDate.minus(threshold).atLeastZero();
        Money taxable = overAfter.minus(overBefore);
        Workings.Builder workings = Workings.builder()
                .add("wages to date before this period", wagesToDate)
                .add("wages to date after this period", wagesToDate.plus(wages))
                .add("threshold", threshold)
                .add("over the threshold after this period", overAfter)
                .add("over the threshold before this period", overBefore)
                .add("wages charged this period (difference)", taxable);
        Money tax = charge(workings, rules.additionalMedicareRate(), taxable);
        return new PayLine("ADDL_MEDICARE", tax, taxable, "Additional Medicare Tax " + year + ": "
                + pct(rules.additionalMedicareRate()) + " of wages paid by this employer in the calendar year over "
                + threshold.toPlainString() + ", whatever the filing status", workings.build());
    }

    static Money charge(Workings.Builder workings, BigDecimal rate, Money taxable) {
        var exact = taxable.times(rate);
        Money tax = exact.roundedHalfUp();
        workings.percent("rate", rate).add("exact (wages × rate)", exact).add("rounded to the cent, half up", tax);
        return tax;
    }

    static String pct(BigDecimal rate) {
        return Rates.asPercent(rate);
    }
}
