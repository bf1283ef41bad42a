package org.openbpo.work.domain;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.calendar.BusinessCalendar;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The SLA clock of one item across pauses, a late close and a reopening, on a calendar that never closes. */
class SlaStateTest {

    private static final BusinessCalendar ALWAYS = BusinessCalendar.always(ZoneOffset.UTC);
    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aDeadlinePassedBeforeAnyTickIsBreachedAtTheDeadlineWhenTheClockStops() {
        SlaState running = SlaState.start(ALWAYS, NINE, Duration.ofHours(8), new BigDecimal("0.75"));
        SlaState closedLate = running.stop(ALWAYS, NINE.plus(Duration.ofHours(9)));
        assertThat(closedLate.met()).isFalse();
        assertThat(closedLate.breachedAt()).isEqualTo(NINE.plus(Duration.ofHours(8)));

        SlaState pausedLate = running.pause(ALWAYS, NINE.plus(Duration.ofHours(8).plusSeconds(1)), "PENDING_CLIENT");
        assertThat(pausedLate.breachedAt()).isEqualTo(NINE.plus(Duration.ofHours(8)));
        SlaState inTime = running.stop(ALWAYS, NINE.plus(Duration.ofHours(8)));
        assertThat(inTime.met()).isTrue();
        assertThat(inTime.breachedAt()).isNull();
    }

    @Test
    void aReopenedItemRunsOnFromTheTimeItUsedWithItsVerdictUndone() {
        SlaState solved = SlaState.start(ALWAYS, NINE, Duration.ofHours(8), new BigDecimal("0.75"))
                .stop(ALWAYS, NINE.plus(Duration.ofHours(2)));
        Instant reopenedAt = NINE.plus(Duration.ofDays(1));
        SlaState reopened = solved.reopen(ALWAYS, reopenedAt, null);
        assertThat(reopened.met()).isNull();
        assertThat(reopened.consumedSeconds()).isEqualTo(Duration.ofHours(2).toSeconds());
        assertThat(reopened.dueAt()).isEqualTo(reopenedAt.plus(Duration.ofHours(6)));
        assertThat(reopened.warnAt()).isEqualTo(reopenedAt.plus(Duration.ofHours(4)));

        SlaState waiting = solved.reopen(ALWAYS, reopenedAt, "PENDING_CLIENT");
        assertThat(waiting.paused()).isTrue();
        assertThat(waiting.dueAt()).isNull();
        assertThat(waiting.pausedFor("PENDING_THIRD_PARTY").pauseReason()).isEqualTo("PENDING_THIRD_PARTY");
        assertThat(waiting.pausedFor("PENDING_THIRD_PARTY").pausedSince()).isEqualTo(reopenedAt);
    }
}
