package org.openbpo.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BusinessCalendarPropertiesTest {

    @Property(tries = 300)
    void deadlineIsNeverBeforeTheStart(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant start,
                                       @ForAll("businessTimes") Duration businessTime) {
        assertThat(calendar.add(start, businessTime)).isAfterOrEqualTo(start);
    }

    @Property(tries = 300)
    void businessTimeUpToTheDeadlineIsWhatWasAdded(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant start,
                                                   @ForAll("businessTimes") Duration businessTime) {
        assertThat(calendar.businessTimeBetween(start, calendar.add(start, businessTime))).isEqualTo(businessTime);
    }

    @Property(tries = 300)
    void addingInTwoStepsEqualsAddingOnce(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant start,
                                          @ForAll("businessTimes") Duration first, @ForAll("businessTimes") Duration second) {
        assertThat(calendar.add(calendar.add(start, first), second)).isEqualTo(calendar.add(start, first.plus(second)));
    }

    /** Small steps never skip a week, so they check the week-skipping shortcut. */
    @Property(tries = 100)
    void addingInSmallStepsEqualsAddingOnce(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant start,
                                            @ForAll("businessTimes") Duration businessTime) {
        Duration step = Duration.ofHours(3);
        Instant stepped = start;
        Duration left = businessTime;
        while (left.compareTo(step) > 0) {
            stepped = calendar.add(stepped, step);
            left = left.minus(step);
        }
        assertThat(calendar.add(stepped, left)).isEqualTo(calendar.add(start, businessTime));
    }

    @Property(tries = 300)
    void aDeadlineFallsInWorkingTime(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant start,
                                     @ForAll("businessTimes") Duration businessTime) {
        Assume.that(!businessTime.isZero());
        assertThat(calendar.isOpen(calendar.add(start, businessTime).minusNanos(1))).isTrue();
    }

    @Property(tries = 300)
    void businessTimeAddsUpAcrossAnIntermediateMoment(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant a,
                                                      @ForAll("moments") Instant b, @ForAll("moments") Instant c) {
        List<Instant> sorted = Stream.of(a, b, c).sorted().toList();
        assertThat(calendar.businessTimeBetween(sorted.get(0), sorted.get(1)).plus(calendar.businessTimeBetween(sorted.get(1), sorted.get(2))))
                .isEqualTo(calendar.businessTimeBetween(sorted.get(0), sorted.get(2)));
    }

    @Property(tries = 300)
    void holidaysAreNeverCounted(@ForAll("calendars") BusinessCalendar calendar, @ForAll("dates") LocalDate holiday,
                                 @ForAll("moments") Instant a, @ForAll("moments") Instant b) {
        Assume.that(!calendar.overrides().containsKey(holiday));
        Instant from = a.isBefore(b) ? a : b;
        Instant to = a.isBefore(b) ? b : a;
        Instant dayStart = clamp(holiday.atStartOfDay(calendar.zone()).toInstant(), from, to);
        Instant dayEnd = clamp(holiday.plusDays(1).atStartOfDay(calendar.zone()).toInstant(), from, to);
        BusinessCalendar withHoliday = calendar.withHolidays(List.of(holiday));

        assertThat(withHoliday.businessTimeBetween(from, to))
                .isEqualTo(calendar.businessTimeBetween(from, to).minus(calendar.businessTimeBetween(dayStart, dayEnd)));
        assertThat(withHoliday.isOpen(holiday.atTime(12, 0).atZone(calendar.zone()).toInstant())).isFalse();
    }

    @Property(tries = 300)
    void nextOpeningIsOpenAndNoBusinessTimeLiesBeforeIt(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant at) {
        Instant opening = calendar.nextOpening(at);

        assertThat(opening).isAfterOrEqualTo(at);
        assertThat(calendar.isOpen(opening)).isTrue();
        assertThat(calendar.businessTimeBetween(at, opening)).isZero();
    }

    @Property(tries = 300)
    void aroundTheClockBusinessTimeIsElapsedTime(@ForAll("moments") Instant a, @ForAll("moments") Instant b) {
        assertThat(Calendars.ALWAYS_LONDON.businessTimeBetween(a, b)).isEqualTo(Duration.between(a, b));
    }

    @Property(tries = 300)
    void aroundTheClockDeadlineIsElapsedTime(@ForAll("moments") Instant start, @ForAll("businessTimes") Duration businessTime) {
        assertThat(Calendars.ALWAYS_LONDON.add(start, businessTime)).isEqualTo(start.plus(businessTime));
    }

    @Property(tries = 200)
    void resultsAreDeterministic(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant start,
                                 @ForAll("businessTimes") Duration businessTime) {
        var rebuilt = new BusinessCalendar(calendar.zone(), calendar.week(), calendar.holidays(), calendar.overrides());

        assertThat(rebuilt).isEqualTo(calendar);
        assertThat(rebuilt.add(start, businessTime)).isEqualTo(calendar.add(start, businessTime));
        assertThat(rebuilt.businessDate(start)).isEqualTo(calendar.businessDate(start));
    }

    private static Instant clamp(Instant value, Instant low, Instant high) {
        return value.isBefore(low) ? low : value.isAfter(high) ? high : value;
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return CalendarArbitraries.calendars();
    }

    @Provide
    Arbitrary<Instant> moments() {
        return CalendarArbitraries.moments();
    }

    @Provide
    Arbitrary<Duration> businessTimes() {
        return CalendarArbitraries.businessTimes();
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return CalendarArbitraries.dates();
    }
}
