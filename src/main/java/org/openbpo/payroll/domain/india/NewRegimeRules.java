package org.openbpo.payroll.domain.india;

import org.openbpo.payroll.domain.PackData;
import org.openbpo.payroll.domain.Rates;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The new-regime income tax of one financial year (reference 3.1). */
public record NewRegimeRules(List<Step> slabs, Money standardDeduction, Money rebateIncomeLimit, Money rebateMaximum,
                             List<Step> surcharges, BigDecimal cess, RupeeRounding annualRounding,
                             RupeeRounding tdsRounding) {

    /** From this amount on, this rate. */
    public record Step(Money from, BigDecimal rate) {
    }

    public NewRegimeRules {
        slabs = List.copyOf(slabs);
        surcharges = List.copyOf(surcharges);
        if (slabs.isEmpty() || !slabs.getFirst().from().isZero()) {
            throw new IllegalArgumentException("The slabs start at 0");
        }
        rising(slabs);
        rising(surcharges);
    }

    private static void rising(List<Step> steps) {
        for (int i = 1; i < steps.size(); i++) {
            if (!steps.get(i).from().isGreaterThan(steps.get(i - 1).from())) {
                throw new IllegalArgumentException("Slabs and surcharge thresholds must rise");
            }
        }
    }

    static NewRegimeRules from(PackData data, Currency inr) {
        return new NewRegimeRules(steps(data, "tax.slabs", inr), data.money("tax.standardDeduction", inr),
                data.money("tax.rebate.incomeLimit", inr), data.money("tax.rebate.maximum", inr),
                steps(data, "tax.surcharge", inr), data.rate("tax.cess"),
                data.choice("tax.annualRounding", RupeeRounding.class), data.choice("tds.rounding", RupeeRounding.class));
    }

    private static List<Step> steps(PackData data, String key, Currency inr) {
        List<Step> steps = new ArrayList<>();
        for (List<String> row : data.rows(key, 2)) {
            steps.add(new Step(data.money(key, row.get(0), inr), Rates.fromPercent(data.decimal(key, row.get(1)))));
        }
        return steps;
    }
}
