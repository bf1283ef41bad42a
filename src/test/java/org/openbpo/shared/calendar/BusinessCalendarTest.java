package org.openbpo.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openbpo.shared.calendar.Calendars.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.error.BusinessRuleViolation;

class BusinessCalendarTest {

    private static final Duration EIGHT_HOURS = Duration.ofHours(8);

    @Nested
    class UkClient {

        @Test
        void ticketRaisedFridayAfternoonIsDueMondayAfternoon() {
            assertThat(UK_CLIENT.add(london("2025-01-10T16:00"), EIGHT_HOURS)).isEqualTo(london("2025-01-13T15:30"));
        }

        @Test
        void ticketRaisedOnABankHolidayStartsCountingNextMorning() {
            Instant earlyMay = london("2025-05-05T10:00");

            assertThat(UK_CLIENT.isOpen(earlyMay)).isFalse();
            assertThat(UK_CLIENT.nextOpening(earlyMay)).isEqualTo(london("2025-05-06T09:00"));
            assertThat(UK_CLIENT.add(earlyMay, EIGHT_HOURS)).isEqualTo(london("2025-05-06T17:00"));
        }

        @Test
        void easterWeekendSkipsGoodFridayAndEasterMonday() {
            assertThat(UK_CLIENT.add(london("2025-04-17T16:00"), EIGHT_HOURS)).isEqualTo(london("2025-04-22T15:30"));
            assertThat(UK_CLIENT.businessTimeBetween(london("2025-04-17T17:30"), london("2025-04-22T09:00"))).isZero();
        }

        @Test
        void clocksGoingForwardInLateMarchDoNotShortenTheWorkingDay() {
            Instant fridayBefore = london("2025-03-28T16:00");
            Instant mondayAfter = london("2025-03-31T15:30");

            assertThat(UK_CLIENT.add(fridayBefore, EIGHT_HOURS)).isEqualTo(mondayAfter);
            assertThat(UK_CLIENT.businessTimeBetween(fridayBefore, mondayAfter)).isEqualTo(EIGHT_HOURS);
            assertThat(Duration.between(fridayBefore, mondayAfter)).isEqualTo(Duration.ofHours(70).plusMinutes(30));
        }

        @Test
        void deadlineExactlyAtCloseIsTheCloseNotTheNextOpening() {
            assertThat(UK_CLIENT.add(london("2025-01-10T09:00"), Duration.ofMinutes(510))).isEqualTo(london("2025-01-10T17:30"));
        }

        @Test
        void closedAtNightAndAtWeekends() {
            assertThat(UK_CLIENT.isOpen(london("2025-01-10T09:00"))).isTrue();
            assertThat(UK_CLIENT.isOpen(london("2025-01-10T17:30"))).isFalse();
            assertThat(UK_CLIENT.isOpen(london("2025-01-11T12:00"))).isFalse();
            assertThat(UK_CLIENT.nextOpening(london("2025-01-10T18:00"))).isEqualTo(london("2025-01-13T09:00"));
        }

        @Test
        void christmasEveHalfDayOverridesTheWeeklyHours() {
            var calendar = UK_CLIENT.withOverride(LocalDate.parse("2025-12-24"), WorkingHours.parse("09:00-12:30"));

            assertThat(calendar.add(london("2025-12-24T11:00"), Duration.ofHours(2))).isEqualTo(london("2025-12-29T09:30"));
        }

        @Test
        void fiveHundredBusinessHoursInOneGoEqualsOneHundredTwentyFiveSmallSteps() {
            Instant start = london("2025-01-06T10:15");
            Instant stepped = start;
            for (int i = 0; i < 125; i++) {
                stepped = UK_CLIENT.add(stepped, Duration.ofHours(4));
            }

            assertThat(UK_CLIENT.add(start, Duration.ofHours(500))).isEqualTo(stepped);
            assertThat(UK_CLIENT.businessTimeBetween(start, stepped)).isEqualTo(Duration.ofHours(500));
        }
    }

    @Nested
    class BackOfficeTurnaround {

        private final LocalTime twoPm = LocalTime.of(14, 0);

        @Test
        void receivedBeforeCutOffCountsThatDayAsDayZero() {
            assertThat(UK_CLIENT.addBusinessDays(london("2025-01-06T11:00"), 2, twoPm)).isEqualTo(london("2025-01-08T17:30"));
            assertThat(UK_CLIENT.addBusinessDays(london("2025-01-06T07:45"), 0, twoPm)).isEqualTo(london("2025-01-06T17:30"));
        }

        @Test
        void receivedAfterCutOffStartsTheNextBusinessDay() {
            assertThat(UK_CLIENT.addBusinessDays(london("2025-01-06T14:00"), 2, twoPm)).isEqualTo(london("2025-01-09T17:30"));
        }

        @Test
        void receivedAtTheWeekendOrOnABankHolidayStartsOnTheNextBusinessDay() {
            assertThat(UK_CLIENT.addBusinessDays(london("2025-01-11T10:00"), 2, twoPm)).isEqualTo(london("2025-01-15T17:30"));
            assertThat(UK_CLIENT.addBusinessDays(london("2025-04-17T15:00"), 1, twoPm)).isEqualTo(london("2025-04-23T17:30"));
        }

        @Test
        void businessDateOfLateOrWeekendWorkIsTheNextOpening() {
            assertThat(UK_CLIENT.businessDate(london("2025-01-10T08:00"))).isEqualTo(LocalDate.parse("2025-01-10"));
            assertThat(UK_CLIENT.businessDate(london("2025-01-10T18:00"))).isEqualTo(LocalDate.parse("2025-01-13"));
            assertThat(UK_CLIENT.businessDate(london("2025-01-12T10:00"))).isEqualTo(LocalDate.parse("2025-01-13"));
        }

        @Test
        void negativeTurnaroundIsRejected() {
            assertThatThrownBy(() -> UK_CLIENT.addBusinessDays(london("2025-01-06T11:00"), -1, twoPm))
                    .isInstanceOf(BusinessRuleViolation.class);
        }
    }

    @Nested
    class UsClient {

        @Test
        void thanksgivingIsNotCounted() {
            assertThat(US_CLIENT.add(local("2025-11-26T15:00", CHICAGO), Duration.ofHours(4)))
                    .isEqualTo(local("2025-11-28T10:00", CHICAGO));
        }

        @Test
        void clocksGoingForwardInMarchKeepLocalOfficeHours() {
            Instant due = US_CLIENT.add(local("2025-03-07T16:00", CHICAGO), Duration.ofHours(4));

            assertThat(due).isEqualTo(local("2025-03-10T11:00", CHICAGO)).isEqualTo(Instant.parse("2025-03-10T16:00:00Z"));
        }
    }

    @Nested
    class IndiaCentre {

        @Test
        void saturdayHalfDayAndLunchBreakAreHonoured() {
            assertThat(INDIA_CENTRE.add(local("2025-01-10T17:30", KOLKATA), Duration.ofHours(6)))
                    .isEqualTo(local("2025-01-13T10:30", KOLKATA));
            assertThat(INDIA_CENTRE.isOpen(local("2025-01-13T14:00", KOLKATA))).isFalse();
            assertThat(INDIA_CENTRE.nextOpening(local("2025-01-13T14:00", KOLKATA))).isEqualTo(local("2025-01-13T14:30", KOLKATA));
        }

        @Test
        void aWeekHasFortyFourHours() {
            assertThat(INDIA_CENTRE.businessTimeBetween(local("2025-01-06T00:00", KOLKATA), local("2025-01-13T00:00", KOLKATA)))
                    .isEqualTo(Duration.ofHours(44));
        }
    }

    @Nested
    class AroundTheClock {

        @Test
        void alwaysOpenCalendarCountsRealElapsedTime() {
            Instant start = london("2025-03-01T12:00");

            assertThat(ALWAYS_LONDON.isOpen(london("2025-12-25T03:00"))).isTrue();
            assertThat(ALWAYS_LONDON.add(start, Duration.ofHours(500))).isEqualTo(start.plus(Duration.ofHours(500)));
        }

        @Test
        void clockChangeDaysLastTwentyThreeAndTwentyFiveHours() {
            assertThat(ALWAYS_LONDON.businessTimeBetween(london("2025-03-30T00:00"), london("2025-03-31T00:00"))).hasHours(23);
            assertThat(ALWAYS_LONDON.businessTimeBetween(london("2025-10-26T00:00"), london("2025-10-27T00:00"))).hasHours(25);
        }
    }

    @Nested
    class ClockChangesInsideWorkingHours {

        private final LocalDate springForward = LocalDate.parse("2025-03-30");
        private final LocalDate fallBack = LocalDate.parse("2025-10-26");

        @Test
        void intervalReachingIntoTheGapStartsWhenTheClockPassesIt() {
            var calendar = UK_CLIENT.withOverride(springForward, WorkingHours.parse("01:30-03:00"));

            assertThat(calendar.nextOpening(london("2025-03-30T00:00"))).isEqualTo(Instant.parse("2025-03-30T01:00:00Z"));
            assertThat(calendar.businessTimeBetween(london("2025-03-30T00:00"), london("2025-03-31T00:00"))).hasHours(1);
        }

        @Test
        void intervalWhollyInsideTheGapIsClosed() {
            var calendar = UK_CLIENT.withOverride(springForward, WorkingHours.parse("01:10-01:50"));

            assertThat(calendar.isBusinessDay(springForward)).isFalse();
        }

        @Test
        void intervalAcrossTheRepeatedHourCoversItTwice() {
            var calendar = UK_CLIENT.withOverride(fallBack, WorkingHours.parse("01:00-02:00"));

            assertThat(calendar.businessTimeBetween(london("2025-10-26T00:00"), london("2025-10-27T00:00"))).hasHours(2);
        }

        @Test
        void touchingIntervalsStayTouchingInTheRepeatedHour() {
            var calendar = UK_CLIENT.withOverride(fallBack, WorkingHours.parse("00:00-01:30, 01:30-24:00"));

            assertThat(calendar.businessTimeBetween(london("2025-10-26T00:00"), london("2025-10-27T00:00"))).hasHours(25);
        }
    }

    @Nested
    class Validation {

        @Test
        void intervalMustStartBeforeItEnds() {
            assertThatThrownBy(() -> WorkingInterval.parse("17:30-09:00")).isInstanceOf(BusinessRuleViolation.class);
            assertThatThrownBy(() -> WorkingInterval.parse("09:00-09:00")).isInstanceOf(BusinessRuleViolation.class);
        }

        @Test
        void intervalsMustBeOrderedAndNotOverlap() {
            assertThatThrownBy(() -> WorkingHours.parse("13:30-18:00, 09:00-12:30")).isInstanceOf(BusinessRuleViolation.class);
            assertThatThrownBy(() -> WorkingHours.parse("09:00-13:00, 12:30-18:00")).isInstanceOf(BusinessRuleViolation.class);
            assertThat(WorkingHours.parse("09:00-12:30, 12:30-18:00").total()).hasHours(9);
        }

        @Test
        void aCalendarThatNeverOpensIsRejected() {
            assertThatThrownBy(() -> new BusinessCalendar(LONDON, Map.of(), new TreeSet<>(), new TreeMap<>()))
                    .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-week"));
        }

        @Test
        void negativeBusinessTimeIsRejected() {
            assertThatThrownBy(() -> UK_CLIENT.add(london("2025-01-06T10:00"), Duration.ofMinutes(-1)))
                    .isInstanceOf(BusinessRuleViolation.class);
        }
    }
}
