package org.openbpo.contracts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.calendar.BusinessCalendar;
import org.openbpo.shared.calendar.WorkingHours;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A business calendar as people write it: a time zone, hours per weekday such as
 * {@code "09:00-12:30,13:30-18:00"} (absent days are closed), holidays and special days.
 */
public record CalendarSpec(@NotBlank String zone, @NotNull Map<DayOfWeek, String> week,
                           @Nullable List<@NotNull LocalDate> holidays, @Nullable Map<LocalDate, String> specialDays) {

    public BusinessCalendar toCalendar() {
        // a region, never a fixed offset such as -05:00 or UTC+8, which would ignore the region's daylight saving
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw BusinessRuleViolation.invalid("calendar.zone", zone + " is not a time zone such as Europe/London");
        }
        var hours = new EnumMap<DayOfWeek, WorkingHours>(DayOfWeek.class);
        week.forEach((day, text) -> hours.put(day, hours("calendar.week." + day, text)));
        var special = new TreeMap<LocalDate, WorkingHours>();
        if (specialDays != null) {
            specialDays.forEach((date, text) -> special.put(date, hours("calendar.specialDays." + date, text)));
        }
        try {
            return new BusinessCalendar(ZoneId.of(zone), hours, new TreeSet<>(holidays == null ? List.of() : holidays), special);
        } catch (BusinessRuleViolation e) {
            throw BusinessRuleViolation.invalid(e.field() == null ? "calendar" : "calendar." + e.field(), e.getMessage());
        }
    }

    public static CalendarSpec mondayToFriday(String zone, String hours, List<LocalDate> holidays) {
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, hours);
        }
        return new CalendarSpec(zone, week, holidays, Map.of());
    }

    private static WorkingHours hours(String field, String text) {
        try {
            return WorkingHours.parse(text);
        } catch (BusinessRuleViolation e) {
            throw BusinessRuleViolation.invalid(field, e.getMessage());
        } catch (RuntimeException e) {
            throw BusinessRuleViolation.invalid(field, "'" + text + "' is not working hours such as 09:00-17:30");
        }
    }
}
