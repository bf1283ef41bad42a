package org.openbpo.payroll.domain.philippines;

import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.PackData;
import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.Rates;
import org.openbpo.payroll.domain.RulePack;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Philippine withholding and contributions for one year, read from {@code PH-<year>.properties}. */
public record PhilippinesRulePack(PackInfo info, Map<PayFrequency, WithholdingTable> withholding,
                                  ContributionRules contributions) implements RulePack {

    public PhilippinesRulePack {
        withholding = Map.copyOf(withholding);
        if (!withholding.keySet().equals(info.lastPeriods().keySet())) {
            throw new IllegalArgumentException(info.id() + " needs a withholding table for each of its pay frequencies");
        }
    }

    public static PhilippinesRulePack from(PackData data) {
        var php = Country.PH.currency();
        PackInfo info = PackInfo.from(data);
        Map<PayFrequency, WithholdingTable> tables = new EnumMap<>(PayFrequency.class);
        for (PayFrequency frequency : info.lastPeriods().keySet()) {
            String key = "wtax." + frequency;
            List<WithholdingTable.Row> rows = new ArrayList<>();
            for (List<String> row : data.rows(key, 3)) {
                rows.add(new WithholdingTable.Row(data.money(key, row.get(0), php), data.money(key, row.get(1), php),
                        Rates.fromPercent(data.decimal(key, row.get(2)))));
            }
            tables.put(frequency, new WithholdingTable("BIR RR 11-2018 Annex E " + frequency.name().toLowerCase(), rows));
        }
        return new PhilippinesRulePack(info, tables, ContributionRules.from(data, php));
    }
}
