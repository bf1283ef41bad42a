package org.openbpo.payroll.domain.india;

import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.PackData;
import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.RulePack;

/** India's new-regime TDS and EPF for one financial year, read from {@code IN-<year>.properties}. */
public record IndiaRulePack(PackInfo info, NewRegimeRules incomeTax, ProvidentFundRules providentFund,
                            EpfAdministration epfAdministration) implements RulePack {

    public static IndiaRulePack from(PackData data) {
        var inr = Country.IN.currency();
        return new IndiaRulePack(PackInfo.from(data), NewRegimeRules.from(data, inr), ProvidentFundRules.from(data, inr),
                EpfAdministration.from(data, inr));
    }
}
