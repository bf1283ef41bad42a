package org.openbpo.shared.calendar;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.openbpo.shared.error.BusinessRuleViolation;

/**
 * When a client (or a delivery centre) works: weekly hours in its time zone, whole-day holidays,
 * and per-date overrides with special hours. For a given date an override wins over a holiday,
 * which wins over the weekly hours, so a client can open for a half day on a bank holiday.
 *
 * <p>Clock changes. Working hours are wall-clock times; each boundary becomes the first instant at
 * which the local clock reaches that time. In a spring-forward gap that is the moment of the change
 * (09:30 that never happens means "as soon as the clock passes it"), so an interval partly in the
 * gap is shortened and one wholly inside it is empty. In a fall-back overlap it is the earlier of
 * the two instants, so the repeated hour belongs to an interval once and a 24x7 calendar counts the
 * real 25 hours. Because starts and ends follow the same rule, touching intervals stay touching.
 */
public record BusinessCalendar(
        ZoneId zone,
        Map<DayOfWeek, WorkingHours> week,
        NavigableSet<LocalDate> holidays,
        NavigableMap<LocalDate, WorkingHours> overrides) {

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        var days = new EnumMap<DayOfWeek, WorkingHours>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, Objects.requireNonNull(week.getOrDefault(day, WorkingHours.closed()), "hours"));
        }
        // A calendar that never opens would make every deadline infinite.
        if (days.values().stream().allMatch(WorkingHours::isClosed)) {
            throw BusinessRuleViolation.invalid("week", "a business calendar needs at least one working weekday");
        }
        week = Collections.unmodifiableMap(days);
        holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
        overrides = Collections.unmodifiableNavigableMap(new TreeMap<>(overrides));
    }

    public static BusinessCalendar always(ZoneId zone) {
        return weekly(zone, WorkingHours.allDay(), EnumSet.allOf(DayOfWeek.class));
    }

    public static BusinessCalendar weekly(ZoneId zone, WorkingHours hours, Set<DayOfWeek> days) {
        var week = new EnumMap<DayOfWeek, WorkingHours>(DayOfWeek.class);
        days.forEach(day -> week.put(day, hours));
        return new BusinessCalendar(zone, week, new TreeSet<>(), new TreeMap<>());
    }

    public static BusinessCalendar mondayToFriday(ZoneId zone, WorkingHours hours) {
        return weekly(zone, hours, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    public BusinessCalendar withHours(DayOfWeek day, WorkingHours hours) {
        var changed = new EnumMap<>(week);
        changed.put(day, hours);
        return new BusinessCalendar(zone, changed, holidays, overrides);
    }

    public BusinessCalendar withHolidays(Collection<LocalDate> dates) {
        var changed = new TreeSet<>(holidays);
        changed.addAll(dates);
        return new BusinessCalendar(zone, week, changed, overrides);
    }

    public BusinessCalendar withOverride(LocalDate date, WorkingHours hours) {
        var changed = new TreeMap<>(overrides);
        changed.put(date, hours);
        return new BusinessCalendar(zone, week, holidays, changed);
    }

    public WorkingHours hoursOn(LocalDate date) {
        WorkingHours special = overrides.get(date);
        if (special != null) {
            return special;
        }
        return holidays.contains(date) ? WorkingHours.closed() : week.get(date.getDayOfWeek());
    }

    public boolean isBusinessDay(LocalDate date) {
        return !openSpans(date).isEmpty();
    }

    public boolean isOpen(Instant at) {
        return openSpans(LocalDate.ofInstant(at, zone)).stream().anyMatch(span -> span.contains(at));
    }

    /** {@code at} itself when open, otherwise the next moment the calendar opens. */
    public Instant nextOpening(Instant at) {
        for (LocalDate date = LocalDate.ofInstant(at, zone); ; date = date.plusDays(1)) {
            for (Span span : openSpans(date)) {
                if (span.to().isAfter(at)) {
                    return latest(span.from(), at);
                }
            }
        }
    }

    /**
     * The business date work arriving at {@code at} belongs to: its own date while open or before the
     * day's opening, otherwise the date of the next opening (a Saturday email belongs to Monday).
     */
    public LocalDate businessDate(Instant at) {
        return LocalDate.ofInstant(nextOpening(at), zone);
    }

    /**
     * The moment {@code businessTime} of working time after {@code start} is used up. A deadline that
     * falls exactly on a close is that close, not the next opening; zero business time is {@code start}.
     */
    public Instant add(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw BusinessRuleViolation.invalid("businessTime", "business time to add must not be negative: " + businessTime);
        }
        if (businessTime.isZero()) {
            return start;
        }
        Duration left = businessTime;
        LocalDate date = LocalDate.ofInstant(start, zone);
        while (true) {
            for (Span span : openSpans(date)) {
                if (!span.to().isAfter(start)) {
                    continue;
                }
                Instant from = latest(span.from(), start);
                Duration available = Duration.between(from, span.to());
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
            date = date.plusDays(1);
            // Skip whole weeks, keeping strictly some time back so the deadline lands inside a day.
            // Most deadlines lie within a week, so the zone's next clock change is looked up only when
            // more than a week of working time is left.
            Duration week = nominalWeek();
            if (left.compareTo(week) > 0) {
                long weeks = Math.min(plainDaysFrom(date) / 7, left.minusNanos(1).dividedBy(week));
                if (weeks > 0) {
                    left = left.minus(week.multipliedBy(weeks));
                    date = date.plusWeeks(weeks);
                }
            }
        }
    }

    /** Working time between two moments; negative when {@code to} is before {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); ) {
            for (Span span : openSpans(date)) {
                Instant lo = latest(span.from(), from);
                Instant hi = span.to().isBefore(to) ? span.to() : to;
                if (hi.isAfter(lo)) {
                    total = total.plus(Duration.between(lo, hi));
                }
            }
            date = date.plusDays(1);
            long daysLeft = DAYS.between(date, last);
            long weeks = daysLeft < 7 ? 0 : Math.min(plainDaysFrom(date), daysLeft) / 7;
            if (weeks > 0) {
                total = total.plus(nominalWeek().multipliedBy(weeks));
                date = date.plusWeeks(weeks);
            }
        }
        return total;
    }

    /**
     * Back-office turnaround: work received before {@code cutOff} on a business day counts that day as
     * day 0, later work (or work received on a closed day) starts at the next business day. The
     * deadline is the close of business of the {@code days}-th business day after day 0.
     */
    public Instant addBusinessDays(Instant start, int days, LocalTime cutOff) {
        if (days < 0) {
            throw BusinessRuleViolation.invalid("days", "business days to add must not be negative: " + days);
        }
        LocalDate day = businessDate(start);
        boolean receivedThatDay = day.equals(LocalDate.ofInstant(start, zone));
        if (receivedThatDay && !LocalTime.ofInstant(start, zone).isBefore(cutOff)) {
            day = nextBusinessDay(day);
        }
        for (int i = 0; i < days; i++) {
            day = nextBusinessDay(day);
        }
        List<Span> spans = openSpans(day);
        return spans.getLast().to();
    }

    private LocalDate nextBusinessDay(LocalDate after) {
        LocalDate date = after.plusDays(1);
        while (!isBusinessDay(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    private List<Span> openSpans(LocalDate date) {
        List<WorkingInterval> intervals = hoursOn(date).intervals();
        var spans = new ArrayList<Span>(intervals.size());
        for (WorkingInterval interval : intervals) {
            Instant from = firstReaching(date, interval.from());
            Instant to = interval.endsAtMidnight() ? date.plusDays(1).atStartOfDay(zone).toInstant() : firstReaching(date, interval.to());
            if (to.isAfter(from)) {
                spans.add(new Span(from, to));
            }
        }
        return spans;
    }

    private Instant firstReaching(LocalDate date, LocalTime time) {
        LocalDateTime local = date.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant(); // the earlier offset in an overlap
    }

    /** Days from {@code date} on that have exactly the nominal weekly hours: no holiday, override or clock change. */
    private long plainDaysFrom(LocalDate date) {
        long days = Long.MAX_VALUE;
        LocalDate holiday = holidays.ceiling(date);
        if (holiday != null) {
            days = DAYS.between(date, holiday);
        }
        LocalDate special = overrides.ceilingKey(date);
        if (special != null) {
            days = Math.min(days, DAYS.between(date, special));
        }
        ZoneOffsetTransition change = zone.getRules().nextTransition(date.atStartOfDay(zone).toInstant().minusSeconds(1));
        if (change != null) {
            // The day before counts as touched too: its 24:00 end is the changing day's start.
            LocalDate before = change.getDateTimeBefore().toLocalDate();
            LocalDate after = change.getDateTimeAfter().toLocalDate();
            LocalDate changed = before.isBefore(after) ? before : after;
            days = Math.min(days, DAYS.between(date, changed) - 1);
        }
        return Math.max(days, 0);
    }

    private Duration nominalWeek() {
        Duration total = Duration.ZERO;
        for (WorkingHours hours : week.values()) { // a loop, not a stream: every SLA deadline asks this
            total = total.plus(hours.total());
        }
        return total;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Span(Instant from, Instant to) {
        boolean contains(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }
}
