package org.openbpo.shared.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import org.openbpo.shared.error.BusinessRuleViolation;

/** The working intervals of one day, in order and not overlapping; none means the day is closed. */
public record WorkingHours(List<WorkingInterval> intervals) {

    private static final WorkingHours CLOSED = new WorkingHours(List.of());
    private static final WorkingHours ALL_DAY = new WorkingHours(List.of(new WorkingInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));

    public WorkingHours {
        intervals = List.copyOf(intervals);
        for (int i = 1; i < intervals.size(); i++) {
            if (intervals.get(i).startsBeforeEndOf(intervals.get(i - 1))) {
                throw BusinessRuleViolation.invalid("workingHours",
                        "working intervals must be in order and must not overlap: " + intervals);
            }
        }
    }

    public static WorkingHours closed() {
        return CLOSED;
    }

    public static WorkingHours allDay() {
        return ALL_DAY;
    }

    public static WorkingHours of(WorkingInterval... intervals) {
        return new WorkingHours(List.of(intervals));
    }

    /** Parses {@code "09:00-12:30, 13:30-18:00"}; an empty text is a closed day. */
    public static WorkingHours parse(String text) {
        if (text.isBlank()) {
            return CLOSED;
        }
        return new WorkingHours(Arrays.stream(text.split(",")).map(WorkingInterval::parse).toList());
    }

    public boolean isClosed() {
        return intervals.isEmpty();
    }

    /** Nominal working time of the day, ignoring clock changes. */
    public Duration total() {
        Duration total = Duration.ZERO;
        for (WorkingInterval interval : intervals) {
            total = total.plus(interval.length());
        }
        return total;
    }

    @Override
    public String toString() {
        return isClosed() ? "closed" : intervals.toString();
    }
}
