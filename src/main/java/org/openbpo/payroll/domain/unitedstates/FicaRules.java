package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.PackData;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.Currency;

/** Social Security and Medicare of one year (reference 1.5); employee and employer rates are equal. */
public record FicaRules(BigDecimal socialSecurityRate, Money socialSecurityWageBase, BigDecimal medicareRate,
                        BigDecimal additionalMedicareRate, Money additionalMedicareThreshold) {

    static FicaRules from(PackData data, Currency usd) {
        return new FicaRules(data.rate("ss.rate"), data.money("ss.wageBase", usd), data.rate("medicare.rate"),
                data.rate("medicare.additional.rate"), data.money("medicare.additional.threshold", usd));
    }
}
