package org.openbpo.workforce;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One stretch of working time on a weekday, in the centre's time zone. {@code closes} 00:00 means
 * the end of the day: a night shift is two intervals, before and after midnight. The calendar, not
 * this record, checks the order, because only it knows the interval's position for the error.
 */
public record ShiftInterval(
        @NotNull DayOfWeek weekday,
        @NotNull @Schema(example = "08:00") LocalTime opens,
        @NotNull @Schema(example = "17:00", description = "00:00 means the end of the day") LocalTime closes) {

    boolean runsToMidnight() {
        return closes.equals(LocalTime.MIDNIGHT);
    }

    boolean covers(LocalTime time) {
        return !time.isBefore(opens) && (runsToMidnight() || time.isBefore(closes));
    }
}
