package org.openbpo.workforce;

import org.openbpo.shared.error.BusinessRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a centre works: weekly intervals (several a day allowed) and the dates it is closed.
 * Field names in errors point at the offending interval as the caller sent it ({@code weeklyShifts[2]}).
 */
public record ShiftCalendar(List<ShiftInterval> weeklyShifts, List<LocalDate> holidays) {

    private static final Comparator<ShiftInterval> IN_WEEK_ORDER =
            Comparator.comparing(ShiftInterval::weekday).thenComparing(ShiftInterval::opens);

    public ShiftCalendar {
        for (int i = 0; i < weeklyShifts.size(); i++) {
            ShiftInterval shift = weeklyShifts.get(i);
            if (shift == null) {
                throw BusinessRuleViolation.invalid("weeklyShifts[" + i + "]", "must not be null");
            }
            if (!shift.runsToMidnight() && !shift.opens().isBefore(shift.closes())) {
                throw BusinessRuleViolation.invalid("weeklyShifts[" + i + "].closes",
                        "must be after opens (" + shift.opens() + "); use 00:00 for the end of the day");
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weeklyShifts.size(); i++) {
            order.add(i);
        }
        List<ShiftInterval> given = weeklyShifts;
        order.sort(Comparator.comparing(given::get, IN_WEEK_ORDER));
        for (int n = 1; n < order.size(); n++) {
            ShiftInterval previous = given.get(order.get(n - 1));
            ShiftInterval current = given.get(order.get(n));
            if (previous.weekday() == current.weekday()
                    && (previous.runsToMidnight() || current.opens().isBefore(previous.closes()))) {
                throw BusinessRuleViolation.invalid("weeklyShifts[" + order.get(n) + "]", "overlaps the "
                        + previous.weekday() + " shift " + previous.opens() + "-" + previous.closes());
            }
        }
        weeklyShifts = order.stream().map(given::get).toList();
        for (int i = 0; i < holidays.size(); i++) {
            if (holidays.get(i) == null) {
                throw BusinessRuleViolation.invalid("holidays[" + i + "]", "must not be null");
            }
        }
        holidays = holidays.stream().distinct().sorted().toList();
    }

    /** Whether the centre is working at this wall-clock time in its own zone; holidays close the whole date. */
    /** Whether the centre works at that moment, on its own wall clock in {@code zone}. */
    public boolean isOpen(Instant at, ZoneId zone) {
        return isOpen(at.atZone(zone).toLocalDateTime());
    }

    public boolean isOpen(LocalDateTime local) {
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        return weeklyShifts.stream()
                .anyMatch(shift -> shift.weekday() == local.getDayOfWeek() && shift.covers(local.toLocalTime()));
    }
}
