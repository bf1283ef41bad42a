package org.openbpo.payroll.domain.unitedkingdom;

import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.PackData;
import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.RulePack;

/**
 * UK PAYE and Class 1 NICs for one tax year, read from {@code GB-<year>.properties}, with the employer's
 * Employment Allowance of the year.
 */
public record UnitedKingdomRulePack(PackInfo info, PayeRules paye, NiRules nationalInsurance,
                                    EmploymentAllowance employmentAllowance) implements RulePack {

    public UnitedKingdomRulePack {
        for (var frequency : info.lastPeriods().keySet()) {
            if (!nationalInsurance.periods().containsKey(frequency)) {
                throw new IllegalArgumentException(info.id() + " has no NIC earnings period for " + frequency);
            }
        }
    }

    public static UnitedKingdomRulePack from(PackData data) {
        var gbp = Country.GB.currency();
        return new UnitedKingdomRulePack(PackInfo.from(data), PayeRules.from(data, gbp), NiRules.from(data, gbp),
                new EmploymentAllowance(data.money("ni.employmentAllowance", gbp)));
    }
}
