package org.openbpo.payroll.domain.india;

import org.openbpo.payroll.domain.PackData;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * EPF administration charges (A/c 2, reference 3.1): the employer pays each month a rate of the month's
 * EPF wages, at least a minimum per establishment, or a lower minimum when the establishment is
 * non-functional (no EPF wages that month). The reference gives no rounding; the pack's is applied before
 * the minimum.
 */
public record EpfAdministration(BigDecimal rate, Money minimum, Money nonFunctionalMinimum, RupeeRounding rounding) {

    static EpfAdministration from(PackData data, Currency inr) {
        return new EpfAdministration(data.rate("epf.adminRate"), data.money("epf.adminMinimum", inr),
                data.money("epf.adminMinimumNonFunctional", inr), data.choice("epf.adminRounding", RupeeRounding.class));
    }

    /** The charge for one establishment's month of EPF wages. */
    public Money charge(Money epfWages) {
        if (!epfWages.isPositive()) {
            return nonFunctionalMinimum;
        }
        return rounding.apply(epfWages.times(rate)).max(minimum);
    }
}
