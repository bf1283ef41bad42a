package org.openbpo.payroll.domain.india;

import org.openbpo.payroll.domain.Rates;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.money.Money;
import org.openbpo.shared.money.UnroundedMoney;

import java.math.BigDecimal;
import java.util.List;

/**
 * The year's income tax on salary under the new regime (reference 3.1): standard deduction, slabs,
 * rebate u/s 87A with marginal relief, surcharge with marginal relief at each threshold, 4% cess.
 * Intermediate amounts are exact; only the year's total is rounded, by the pack's rule.
 */
final class NewRegimeTax {

    private NewRegimeTax() {
    }

    static Money annualTax(NewRegimeRules rules, Money salary, boolean resident, Workings.Builder workings) {
        Money income = salary.minus(rules.standardDeduction()).atLeastZero();
        UnroundedMoney tax = slabTax(rules, income);
        workings.add("estimated salary for the year", salary)
                .add("standard deduction", rules.standardDeduction())
                .add("total income (salary − standard deduction, not below 0)", income)
                .add("tax on the slabs", tax);

        UnroundedMoney afterRebate = rebate(rules, income, tax, resident, workings);
        UnroundedMoney surcharge = surcharge(rules, income, afterRebate, workings);
        UnroundedMoney beforeCess = afterRebate.plus(surcharge);
        UnroundedMoney cess = beforeCess.times(rules.cess());
        UnroundedMoney total = beforeCess.plus(cess);
        Money rounded = rules.annualRounding().apply(total);
        workings.add("tax + surcharge", beforeCess)
                .add("Health and Education Cess (" + Rates.asPercent(rules.cess()) + ")", cess)
                .add("tax for the year, exact", total)
                .add("tax for the year, rounded " + rules.annualRounding().describe(), rounded);
        return rounded;
    }

    static UnroundedMoney slabTax(NewRegimeRules rules, Money income) {
        UnroundedMoney tax = UnroundedMoney.zero(income.currency());
        List<NewRegimeRules.Step> slabs = rules.slabs();
        for (int i = 0; i < slabs.size(); i++) {
            Money from = slabs.get(i).from();
            Money upTo = i + 1 < slabs.size() ? income.min(slabs.get(i + 1).from()) : income;
            tax = tax.plus(upTo.minus(from).atLeastZero().times(slabs.get(i).rate()));
        }
        return tax;
    }

    /** 87A: full rebate up to the income limit; just above it, tax may not exceed the income over the limit. */
    private static UnroundedMoney rebate(NewRegimeRules rules, Money income, UnroundedMoney tax, boolean resident,
                                         Workings.Builder workings) {
        if (!resident) {
            workings.add("rebate u/s 87A", "none: not resident");
            return tax;
        }
        if (income.compareTo(rules.rebateIncomeLimit()) <= 0) {
            UnroundedMoney rebate = tax.min(rules.rebateMaximum().exact());
            workings.add("rebate u/s 87A (income ≤ " + rules.rebateIncomeLimit().toPlainString() + ": lesser of tax and "
                    + rules.rebateMaximum().toPlainString() + ")", rebate);
            return tax.minus(rebate);
        }
        Money overLimit = income.minus(rules.rebateIncomeLimit());
        UnroundedMoney relief = tax.minus(overLimit).atLeastZero();
        workings.add("income over the 87A limit", overLimit)
                .add("87A marginal relief (tax − income over the limit, not below 0)", relief);
        return tax.minus(relief);
    }

    /**
     * The surcharge of the highest threshold the income exceeds, less marginal relief: tax plus
     * surcharge may not exceed the tax and surcharge on the threshold itself plus the income over it.
     */
    private static UnroundedMoney surcharge(NewRegimeRules rules, Money income, UnroundedMoney tax, Workings.Builder workings) {
        List<NewRegimeRules.Step> thresholds = rules.surcharges();
        int band = -1;
        for (int i = 0; i < thresholds.size(); i++) {
            if (income.isGreaterThan(thresholds.get(i).from())) {
                band = i;
            }
        }
        if (band < 0) {
            workings.add("surcharge", "none: income not over " + thresholds.getFirst().from().toPlainString());
            return UnroundedMoney.zero(income.currency());
        }
        Money threshold = thresholds.get(band).from();
        BigDecimal rate = thresholds.get(band).rate();
        BigDecimal rateBelow = band == 0 ? BigDecimal.ZERO : thresholds.get(band - 1).rate();
        UnroundedMoney surcharge = tax.times(rate);
        UnroundedMoney atThreshold = slabTax(rules, threshold).times(BigDecimal.ONE.add(rateBelow));
        UnroundedMoney cap = atThreshold.plus(income.minus(threshold));
        UnroundedMoney relief = tax.plus(surcharge).minus(cap).atLeastZero();
        workings.add("surcharge threshold exceeded", threshold)
                .percent("surcharge rate", rate)
                .add("surcharge before relief", surcharge)
                .add("tax and surcharge at the threshold (surcharge " + Rates.asPercent(rateBelow) + ")", atThreshold)
                .add("cap (that + income over the threshold)", cap)
                .add("surcharge marginal relief", relief)
                .add("surcharge", surcharge.minus(relief));
        return surcharge.minus(relief);
    }
}
