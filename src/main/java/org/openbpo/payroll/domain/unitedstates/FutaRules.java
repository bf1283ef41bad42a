package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.PackData;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * FUTA of one year (reference 1.5): 6.0% less the credit for timely state unemployment tax (up to
 * 5.4%), plus the credit reduction of the employer's state, on the first 7,000 of wages.
 */
public record FutaRules(BigDecimal grossRate, BigDecimal maximumCredit, BigDecimal creditReduction, Money wageBase) {

    public BigDecimal netRate() {
        return grossRate.subtract(maximumCredit).add(creditReduction);
    }

    static FutaRules from(PackData data, Currency usd) {
        return new FutaRules(data.rate("futa.rate"), data.rate("futa.maximumCredit"), data.rate("futa.creditReduction"),
                data.money("futa.wageBase", usd));
    }
}
