package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.PackData;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.Rates;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Pub 15-T Worksheet 1A data of one year: periods per year, line 1g and the annual tables; and the optional
 * flat rate for supplemental wages (Pub 15 section 7), when the pack has one.
 */
public record FederalIncomeTaxRules(Map<PayFrequency, Integer> periodsPerYear, Map<FilingStatus, Money> line1g,
                                    Map<FilingStatus, WithholdingSchedule> standard,
                                    Map<FilingStatus, WithholdingSchedule> checkbox, Rounding rounding,
                                    @org.jspecify.annotations.Nullable BigDecimal supplementalFlatRate) {

    /** How the amount to withhold is rounded (reference 1.2). */
    public enum Rounding { CENTS, WHOLE_DOLLARS }

    public FederalIncomeTaxRules {
        periodsPerYear = Map.copyOf(periodsPerYear);
        line1g = Map.copyOf(line1g);
        standard = Map.copyOf(standard);
        checkbox = Map.copyOf(checkbox);
        for (FilingStatus status : FilingStatus.values()) {
            if (!line1g.containsKey(status) || !standard.containsKey(status) || !checkbox.containsKey(status)) {
                throw new IllegalArgumentException("Worksheet 1A data is missing for " + status);
            }
        }
    }

    static FederalIncomeTaxRules from(PackData data, Currency usd) {
        Map<PayFrequency, Integer> periods = new EnumMap<>(PayFrequency.class);
        for (PayFrequency frequency : PayFrequency.values()) {
            if (data.has("fit.periodsPerYear." + frequency)) {
                periods.put(frequency, data.whole("fit.periodsPerYear." + frequency));
            }
        }
        Map<FilingStatus, Money> line1g = new EnumMap<>(FilingStatus.class);
        Map<FilingStatus, WithholdingSchedule> standard = new EnumMap<>(FilingStatus.class);
        Map<FilingStatus, WithholdingSchedule> checkbox = new EnumMap<>(FilingStatus.class);
        for (FilingStatus status : FilingStatus.values()) {
            line1g.put(status, data.money("fit.line1g." + status, usd));
            standard.put(status, schedule(data, "fit.standard." + status, "STANDARD " + status, usd));
            checkbox.put(status, schedule(data, "fit.checkbox." + status, "Step 2 checkbox " + status, usd));
        }
        return new FederalIncomeTaxRules(periods, line1g, standard, checkbox,
                data.choice("fit.rounding", Rounding.class),
                data.has("fit.supplemental.flatRate") ? Rates.fromPercent(data.decimal("fit.supplemental.flatRate")) : null);
    }

    private static WithholdingSchedule schedule(PackData data, String key, String name, Currency usd) {
        List<WithholdingSchedule.Row> rows = new ArrayList<>();
        for (List<String> row : data.rows(key, 3)) {
            rows.add(new WithholdingSchedule.Row(data.money(key, row.get(0), usd), data.money(key, row.get(1), usd),
                    Rates.fromPercent(data.decimal(key, row.get(2)))));
        }
        return new WithholdingSchedule(name, rows);
    }
}
