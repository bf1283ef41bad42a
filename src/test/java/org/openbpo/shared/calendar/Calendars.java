package org.openbpo.shared.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/** Realistic calendars of the demo clients, shared by the calendar and SLA clock tests. */
final class Calendars {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    /** England and Wales bank holidays, 2025 and 2026. */
    static final List<LocalDate> UK_BANK_HOLIDAYS = dates(
            "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
            "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28");

    /** A UK insurer's customer service: Monday to Friday 09:00-17:30, closed on bank holidays. */
    static final BusinessCalendar UK_CLIENT = BusinessCalendar
            .mondayToFriday(LONDON, WorkingHours.parse("09:00-17:30"))
            .withHolidays(UK_BANK_HOLIDAYS);

    /** A US retailer's accounts payable: Monday to Friday 08:00-17:00, closed Thanksgiving and Christmas. */
    static final BusinessCalendar US_CLIENT = BusinessCalendar
            .mondayToFriday(CHICAGO, WorkingHours.parse("08:00-17:00"))
            .withHolidays(dates("2025-07-04", "2025-11-27", "2025-12-25"));

    /** An offshore centre in Pune: weekdays with a lunch break, and a Saturday half day. */
    static final BusinessCalendar INDIA_CENTRE = BusinessCalendar
            .mondayToFriday(KOLKATA, WorkingHours.parse("09:30-13:30, 14:30-18:30"))
            .withHours(DayOfWeek.SATURDAY, WorkingHours.parse("09:30-13:30"))
            .withHolidays(dates("2025-08-15", "2025-10-02"));

    static final BusinessCalendar ALWAYS_LONDON = BusinessCalendar.always(LONDON);

    static Instant local(String dateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(dateTime), zone).toInstant();
    }

    static Instant london(String dateTime) {
        return local(dateTime, LONDON);
    }

    private static List<LocalDate> dates(String... dates) {
        return Arrays.stream(dates).map(LocalDate::parse).toList();
    }

    private Calendars() {
    }
}
