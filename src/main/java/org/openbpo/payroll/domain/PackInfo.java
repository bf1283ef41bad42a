package org.openbpo.payroll.domain;

import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.Collections;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * What every rule pack says about itself: country, tax year, the pay frequencies the country's
 * tables have with the last period number a year can hold, and which of its values are unverified.
 */
public record PackInfo(Country country, String taxYear, Map<PayFrequency, Integer> lastPeriods,
                       SequencedMap<String, String> unverified) {

    public PackInfo {
        Objects.requireNonNull(country, "country");
        if (!taxYear.matches("\\d{4}(-\\d{2})?")) {
            throw new IllegalArgumentException("A tax year is written 2026 or 2025-26, not '" + taxYear + "'");
        }
        if (lastPeriods.isEmpty() || lastPeriods.values().stream().anyMatch(last -> last < 1)) {
            throw new IllegalArgumentException("Rule pack " + country + " " + taxYear + " needs its pay frequencies");
        }
        lastPeriods = Map.copyOf(lastPeriods);
        unverified = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(unverified));
    }

    public static PackInfo from(PackData data) {
        Map<PayFrequency, Integer> lastPeriods = new EnumMap<>(PayFrequency.class);
        for (PayFrequency frequency : PayFrequency.values()) {
            if (data.has("frequency." + frequency)) {
                lastPeriods.put(frequency, data.whole("frequency." + frequency));
            }
        }
        return new PackInfo(data.choice("country", Country.class), data.text("taxYear"), lastPeriods, data.unverified());
    }

    public String id() {
        return country + " " + taxYear;
    }

    /** Refuses a frequency the country's tables do not have, or a period the year cannot hold. */
    public void requirePeriod(PayPeriod period) {
        Integer last = lastPeriods.get(period.frequency());
        if (last == null) {
            throw BusinessRuleViolation.invalid("frequency", id() + " has no " + period.frequency()
                    + " tables; use one of " + new TreeSet<>(lastPeriods.keySet()));
        }
        if (period.number() > last) {
            throw BusinessRuleViolation.invalid("period", "A " + period.frequency() + " period of " + id()
                    + " is numbered 1 to " + last + ", not " + period.number());
        }
    }

    /** Writes into the workings that a line used a value the reference marks unverified, and why. */
    public void flagIfUnverified(Workings.Builder workings, String key) {
        String why = unverified.get(key);
        if (why != null) {
            workings.add("unverified " + key, why);
        }
    }
}
