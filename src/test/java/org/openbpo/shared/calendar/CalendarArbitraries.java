package org.openbpo.shared.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for property tests: real client calendars and random ones in zones with awkward clock changes. */
final class CalendarArbitraries {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final int DAYS = 730;

    static Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.oneOf(
                Arbitraries.of(Calendars.UK_CLIENT, Calendars.US_CLIENT, Calendars.INDIA_CENTRE, Calendars.ALWAYS_LONDON),
                randomCalendars());
    }

    static Arbitrary<Instant> moments() {
        long from = FIRST.atStartOfDay(ZoneId.of("UTC")).toEpochSecond();
        return Arbitraries.longs().between(from, from + DAYS * 86_400L).map(Instant::ofEpochSecond);
    }

    static Arbitrary<Duration> businessTimes() {
        return Arbitraries.longs().between(0, 500 * 3600L).map(Duration::ofSeconds).edgeCases(e -> e.add(Duration.ZERO));
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, DAYS).map(FIRST::plusDays);
    }

    static Arbitrary<WorkingHours> workingHours() {
        // Boundaries on the quarter hour; 96 is 24:00. Distinct sorted boundaries pair up into ordered intervals.
        return Arbitraries.integers().between(0, 3).flatMap(count -> Arbitraries.integers().between(0, 96)
                .set().ofSize(2 * count)
                .map(set -> {
                    List<Integer> quarters = set.stream().sorted().toList();
                    var intervals = new ArrayList<WorkingInterval>();
                    for (int i = 0; i < quarters.size(); i += 2) {
                        intervals.add(new WorkingInterval(quarter(quarters.get(i)), quarter(quarters.get(i + 1))));
                    }
                    return new WorkingHours(intervals);
                }));
    }

    private static Arbitrary<BusinessCalendar> randomCalendars() {
        Arbitrary<ZoneId> zones = Arbitraries.of("Europe/London", "America/Chicago", "Asia/Kolkata", "Australia/Sydney",
                "America/St_Johns", "Pacific/Chatham", "Europe/Berlin", "UTC").map(ZoneId::of);
        Arbitrary<List<WorkingHours>> weeks = workingHours().list().ofSize(7)
                .filter(days -> days.stream().anyMatch(hours -> !hours.isClosed()));
        return Combinators.combine(zones, weeks, dates().set().ofMaxSize(20), Arbitraries.maps(dates(), workingHours()).ofMaxSize(3))
                .as((zone, days, holidays, overrides) -> {
                    var week = new EnumMap<DayOfWeek, WorkingHours>(DayOfWeek.class);
                    for (DayOfWeek day : DayOfWeek.values()) {
                        week.put(day, days.get(day.ordinal()));
                    }
                    return new BusinessCalendar(zone, week, new TreeSet<>(holidays), new TreeMap<>(overrides));
                });
    }

    private static LocalTime quarter(int quarter) {
        return quarter == 96 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(quarter * 900L);
    }

    private CalendarArbitraries() {
    }
}
