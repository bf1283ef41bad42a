package org.openbpo.payroll.domain.unitedkingdom;

import org.openbpo.payroll.domain.PackData;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.Rates;
import org.openbpo.shared.money.Money;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Class 1 NIC data of one tax year: thresholds per published earnings period (WEEKLY, MONTHLY,
 * ANNUAL), which of them each pay frequency uses and at what multiple, and the category letters.
 */
public record NiRules(Map<String, Map<String, Money>> thresholds, Map<String, Money> lowerEarningsLimits,
                      Map<PayFrequency, EarningsPeriod> periods, Map<String, NiCategory> categories) {

    /** The published thresholds a pay frequency uses, times a multiple (fortnightly = weekly × 2). */
    public record EarningsPeriod(String published, int multiple) {
    }

    static final List<String> NAMES = List.of("PT", "ST", "FUST", "IZUST", "UEL", "UST", "AUST", "VUST");
    static final String ANNUAL = "ANNUAL";

    public NiRules {
        thresholds = Map.copyOf(thresholds);
        lowerEarningsLimits = Map.copyOf(lowerEarningsLimits);
        periods = Map.copyOf(periods);
        categories = Map.copyOf(categories);
        for (var set : thresholds.values()) {
            if (!set.keySet().containsAll(NAMES)) {
                throw new IllegalArgumentException("NIC thresholds need all of " + NAMES);
            }
        }
        for (var period : periods.values()) {
            if (!thresholds.containsKey(period.published())) {
                throw new IllegalArgumentException("No NIC thresholds are published for " + period.published());
            }
        }
        for (var category : categories.values()) {
            if (!NAMES.contains(category.employerThreshold())) {
                throw new IllegalArgumentException("Category " + category.letter() + " names an unknown threshold");
            }
        }
    }

    /** The thresholds of a pay frequency's earnings period, or the annual ones for a director. */
    public Map<String, Money> thresholdsFor(PayFrequency frequency, boolean director) {
        if (director) {
            return thresholds.get(ANNUAL);
        }
        EarningsPeriod period = periods.get(frequency);
        Map<String, Money> scaled = new LinkedHashMap<>();
        thresholds.get(period.published()).forEach((name, amount) -> scaled.put(name, amount.times(period.multiple())));
        return scaled;
    }

    static NiRules from(PackData data, Currency gbp) {
        Map<String, Map<String, Money>> thresholds = new TreeMap<>();
        Map<String, Money> lels = new TreeMap<>();
        for (String published : List.of("WEEKLY", "MONTHLY", ANNUAL)) {
            String key = "ni.thresholds." + published;
            Map<String, Money> set = new LinkedHashMap<>();
            for (List<String> row : data.rows(key, 2)) {
                set.put(row.get(0), data.money(key, row.get(1), gbp));
            }
            thresholds.put(published, set);
            lels.put(published, data.money("ni.lel." + published, gbp));
        }
        Map<PayFrequency, EarningsPeriod> periods = new TreeMap<>();
        for (PayFrequency frequency : PayFrequency.values()) {
            String key = "ni.period." + frequency;
            if (data.has(key)) {
                List<String> words = data.words(key);
                periods.put(frequency, new EarningsPeriod(words.get(0), Integer.parseInt(words.get(1))));
            }
        }
        Map<String, NiCategory> categories = new TreeMap<>();
        for (char letter = 'A'; letter <= 'Z'; letter++) {
            String key = "ni.category." + letter;
            if (data.has(key)) {
                List<String> words = data.words(key);
                categories.put(String.valueOf(letter), new NiCategory(String.valueOf(letter),
                        Rates.fromPercent(data.decimal(key, words.get(0))), Rates.fromPercent(data.decimal(key, words.get(1))),
                        words.get(2), Rates.fromPercent(data.decimal(key, words.get(3)))));
            }
        }
        return new NiRules(thresholds, lels, periods, categories);
    }
}
