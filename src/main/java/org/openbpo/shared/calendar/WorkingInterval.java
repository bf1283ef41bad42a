package org.openbpo.shared.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

import org.openbpo.shared.error.BusinessRuleViolation;

/**
 * One stretch of working time within a day, in local wall-clock time, {@code from} inclusive and
 * {@code to} exclusive. A {@code to} of 00:00 means midnight at the end of the day (24:00), so that a
 * 24-hour day is expressible without overnight intervals.
 */
public record WorkingInterval(LocalTime from, LocalTime to) {

    private static final long DAY_NANOS = Duration.ofDays(1).toNanos();

    public WorkingInterval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.toNanoOfDay() >= endNanos(to)) {
            throw BusinessRuleViolation.invalid("workingInterval", "a working interval must start before it ends: " + from + "-" + to);
        }
    }

    public static WorkingInterval between(LocalTime from, LocalTime to) {
        return new WorkingInterval(from, to);
    }

    /** Parses {@code "09:00-17:30"}; {@code "24:00"} is accepted as the end of the day. */
    public static WorkingInterval parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw BusinessRuleViolation.invalid("workingInterval", "expected HH:MM-HH:MM, got " + text);
        }
        String end = parts[1].trim();
        return new WorkingInterval(LocalTime.parse(parts[0].trim()), end.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(end));
    }

    public boolean endsAtMidnight() {
        return to.equals(LocalTime.MIDNIGHT);
    }

    /** Nominal length; the real length differs on a day when the clocks change. */
    public Duration length() {
        return Duration.ofNanos(endNanos(to) - from.toNanoOfDay());
    }

    boolean startsBeforeEndOf(WorkingInterval previous) {
        return from.toNanoOfDay() < endNanos(previous.to);
    }

    private static long endNanos(LocalTime to) {
        return to.equals(LocalTime.MIDNIGHT) ? DAY_NANOS : to.toNanoOfDay();
    }

    @Override
    public String toString() {
        return from + "-" + (endsAtMidnight() ? "24:00" : to.toString());
    }
}
