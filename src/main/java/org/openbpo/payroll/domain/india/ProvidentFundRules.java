package org.openbpo.payroll.domain.india;

import org.openbpo.payroll.domain.PackData;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.Currency;

/** EPF, EPS and EDLI rates and the statutory wage ceiling (reference 3.1). */
public record ProvidentFundRules(BigDecimal employeeRate, BigDecimal employerRate, Money wageCeiling,
                                 BigDecimal pensionRate, BigDecimal insuranceRate, RupeeRounding rounding) {

    static ProvidentFundRules from(PackData data, Currency inr) {
        return new ProvidentFundRules(data.rate("epf.employeeRate"), data.rate("epf.employerRate"),
                data.money("epf.wageCeiling", inr), data.rate("eps.rate"), data.rate("edli.rate"),
                data.choice("epf.rounding", RupeeRounding.class));
    }
}
