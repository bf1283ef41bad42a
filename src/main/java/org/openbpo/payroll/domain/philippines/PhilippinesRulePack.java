package org.openbpo.payroll.domain.philippines;

import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.PackData;
import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.Rates;
import org.openbpo.payroll.domain.RulePack;
import org.openbpo.shared.money.Money;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Philippine withholding and contributions for one year, read from {@code PH-<year>.properties}: the
 * BIR table of each pay frequency, the annual tax table of the year-end adjustment, and the ceiling up
 * to which 13th-month pay and other benefits are exempt.
 */
public record PhilippinesRulePack(PackInfo info, Map<PayFrequency, WithholdingTable> withholding,
                                  ContributionRules contributions, WithholdingTable annual, Money benefitsCeiling)
        implements RulePack {

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
        List<WithholdingTable.Row> annual = new ArrayList<>();
        for (List<String> row : data.rows("wtax.ANNUAL", 3)) {
            annual.add(new WithholdingTable.Row(data.money("wtax.ANNUAL", row.get(0), php),
                    data.money("wtax.ANNUAL", row.get(1), php), Rates.fromPercent(data.decimal("wtax.ANNUAL", row.get(2)))));
        }
        return new PhilippinesRulePack(info, tables, ContributionRules.from(data, php),
                new WithholdingTable("NIRC s.24(A)(2) annual tax (TRAIN, 2023 onwards)", annual),
                data.money("benefits.exemptCeiling", php));
    }
}
