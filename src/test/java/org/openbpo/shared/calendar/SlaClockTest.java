package org.openbpo.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.openbpo.shared.calendar.Calendars.UK_CLIENT;
import static org.openbpo.shared.calendar.Calendars.london;
import static org.openbpo.shared.calendar.PauseReason.PENDING_CLIENT;
import static org.openbpo.shared.calendar.PauseReason.PENDING_THIRD_PARTY;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.error.BusinessRuleViolation;

/** A UK customer's ticket, raised Friday 16:00 with an 8-business-hour resolution target. */
class SlaClockTest {

    private final SlaClock raisedFridayAfternoon = SlaClock.start(Duration.ofHours(8), UK_CLIENT, london("2025-01-10T16:00"));

    @Test
    void isDueMondayAfternoon() {
        assertThat(raisedFridayAfternoon.dueAt()).contains(london("2025-01-13T15:30"));
        assertThat(raisedFridayAfternoon.remaining(london("2025-01-11T12:00"))).isEqualTo(Duration.ofHours(6).plusMinutes(30));
    }

    @Test
    void warnsTheTeamLeadOnceEightyPercentIsUsed() {
        assertThat(raisedFridayAfternoon.elapsedShare(london("2025-01-13T13:00"))).isCloseTo(0.6875, within(1e-9));
        assertThat(raisedFridayAfternoon.elapsedShare(london("2025-01-13T14:00"))).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void waitingOnTheClientDoesNotCount() {
        SlaClock paused = raisedFridayAfternoon.pause(london("2025-01-13T10:00"), PENDING_CLIENT);

        assertThat(paused.dueAt()).isEmpty();
        assertThat(paused.remaining(london("2025-01-14T10:00"))).isEqualTo(Duration.ofMinutes(330));

        SlaClock resumed = paused.resume(london("2025-01-14T11:00"));

        assertThat(resumed.dueAt()).contains(london("2025-01-14T16:30"));
        assertThat(resumed.pauses()).containsExactly(new Pause(london("2025-01-13T10:00"), london("2025-01-14T11:00"), PENDING_CLIENT));
    }

    @Test
    void isBreachedOnlyAfterTheDeadlinePasses() {
        assertThat(raisedFridayAfternoon.isBreached(london("2025-01-13T15:30"))).isFalse();
        assertThat(raisedFridayAfternoon.breachedAt(london("2025-01-13T15:31"))).contains(london("2025-01-13T15:30"));
        assertThat(raisedFridayAfternoon.remaining(london("2025-01-13T16:30"))).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void isBreachedOvernightWhenDueAtClose() {
        SlaClock dueFridayClose = SlaClock.start(Duration.ofHours(1), UK_CLIENT, london("2025-01-10T16:30"));

        assertThat(dueFridayClose.isBreached(london("2025-01-11T10:00"))).isTrue();
        assertThat(dueFridayClose.remaining(london("2025-01-11T10:00"))).isZero();
    }

    @Test
    void stoppedInTimeIsMetAndLateIsBreached() {
        assertThat(raisedFridayAfternoon.stop(london("2025-01-13T15:30")).outcome()).contains(SlaOutcome.MET);

        SlaClock late = raisedFridayAfternoon.stop(london("2025-01-13T16:00"));

        assertThat(late.outcome()).contains(SlaOutcome.BREACHED);
        assertThat(late.breachedAt(london("2025-02-01T00:00"))).contains(london("2025-01-13T15:30"));
        assertThat(late.consumedAt(london("2025-02-01T00:00"))).isEqualTo(Duration.ofMinutes(510));
        assertThat(late.dueAt()).isEmpty();
    }

    @Test
    void aBreachBeforeAPauseStaysOnRecord() {
        SlaClock pausedLate = raisedFridayAfternoon.pause(london("2025-01-13T16:00"), PENDING_THIRD_PARTY);

        assertThat(pausedLate.breachedAt(london("2025-01-14T10:00"))).contains(london("2025-01-13T15:30"));
        assertThat(pausedLate.resume(london("2025-01-14T10:00")).stop(london("2025-01-14T11:00")).outcome()).contains(SlaOutcome.BREACHED);
    }

    @Test
    void stoppingWhilePausedClosesThePause() {
        SlaClock stopped = raisedFridayAfternoon.pause(london("2025-01-13T10:00"), PENDING_CLIENT).stop(london("2025-01-20T10:00"));

        assertThat(stopped.outcome()).contains(SlaOutcome.MET);
        assertThat(stopped.pauses()).singleElement().extracting(Pause::to).isEqualTo(london("2025-01-20T10:00"));
    }

    @Test
    void pausingTwiceIsAConflict() {
        SlaClock paused = raisedFridayAfternoon.pause(london("2025-01-13T10:00"), PENDING_CLIENT);

        assertThatThrownBy(() -> paused.pause(london("2025-01-13T11:00"), PENDING_CLIENT))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("sla-clock-already-paused");
                    assertThat(e.status()).isEqualTo(409);
                });
    }

    @Test
    void resumingARunningClockIsAConflict() {
        assertThatThrownBy(() -> raisedFridayAfternoon.resume(london("2025-01-13T10:00")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("sla-clock-not-paused"));
    }

    @Test
    void aStoppedClockCannotChange() {
        SlaClock stopped = raisedFridayAfternoon.stop(london("2025-01-13T10:00"));

        assertThatThrownBy(() -> stopped.pause(london("2025-01-13T11:00"), PENDING_CLIENT))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("sla-clock-stopped"));
        assertThatThrownBy(() -> stopped.stop(london("2025-01-13T11:00"))).isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void theClockCannotGoBackInTime() {
        assertThatThrownBy(() -> raisedFridayAfternoon.pause(london("2025-01-10T15:00"), PENDING_CLIENT))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void aTargetMustBePositive() {
        assertThatThrownBy(() -> SlaClock.start(Duration.ZERO, UK_CLIENT, london("2025-01-10T16:00")))
                .isInstanceOf(BusinessRuleViolation.class);
    }
}
