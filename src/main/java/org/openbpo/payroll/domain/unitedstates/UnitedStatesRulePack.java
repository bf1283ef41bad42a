package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.PackData;
import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.RulePack;

import java.util.Objects;

/** US federal payroll for one calendar year, read from {@code US-<year>.properties}. */
public record UnitedStatesRulePack(PackInfo info, FederalIncomeTaxRules incomeTax, FicaRules fica, FutaRules futa)
        implements RulePack {

    public UnitedStatesRulePack {
        Objects.requireNonNull(incomeTax, "incomeTax");
        Objects.requireNonNull(fica, "fica");
        Objects.requireNonNull(futa, "futa");
        for (var frequency : info.lastPeriods().keySet()) {
            if (!incomeTax.periodsPerYear().containsKey(frequency)) {
                throw new IllegalArgumentException(info.id() + " has no Worksheet 1A line 1b for " + frequency);
            }
        }
    }

    public static UnitedStatesRulePack from(PackData data) {
        var usd = Country.US.currency();
        return new UnitedStatesRulePack(PackInfo.from(data), FederalIncomeTaxRules.from(data, usd),
                FicaRules.from(data, usd), FutaRules.from(data, usd));
    }
}
