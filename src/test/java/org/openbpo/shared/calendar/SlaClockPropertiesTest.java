package org.openbpo.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SlaClockPropertiesTest {

    @Property(tries = 300)
    void timeSpentPausedIsNeverCounted(@ForAll("calendars") BusinessCalendar calendar, @ForAll("targets") Duration target,
                                       @ForAll("moments") Instant a, @ForAll("moments") Instant b,
                                       @ForAll("moments") Instant c, @ForAll("moments") Instant d,
                                       @ForAll PauseReason reason) {
        List<Instant> t = Stream.of(a, b, c, d).sorted().toList();
        Instant started = t.get(0), paused = t.get(1), resumed = t.get(2), now = t.get(3);
        SlaClock pausedClock = SlaClock.start(target, calendar, started).pause(paused, reason);
        SlaClock clock = pausedClock.resume(resumed);
        Duration beforePause = calendar.businessTimeBetween(started, paused);

        assertThat(pausedClock.consumedAt(now)).isEqualTo(beforePause);
        assertThat(clock.consumedAt(now)).isEqualTo(beforePause.plus(calendar.businessTimeBetween(resumed, now)));
        if (beforePause.compareTo(target) < 0) {
            assertThat(clock.dueAt()).contains(calendar.add(resumed, target.minus(beforePause)));
        }
    }

    @Property(tries = 300)
    void stoppedAfterTheDeadlineIsBreachedAndOtherwiseMet(@ForAll("calendars") BusinessCalendar calendar, @ForAll("targets") Duration target,
                                                          @ForAll("moments") Instant a, @ForAll("moments") Instant b) {
        Instant started = a.isBefore(b) ? a : b;
        Instant stopped = a.isBefore(b) ? b : a;
        SlaClock clock = SlaClock.start(target, calendar, started);
        Instant due = calendar.add(started, target);

        assertThat(clock.dueAt()).contains(due);
        assertThat(clock.isBreached(stopped)).isEqualTo(stopped.isAfter(due));
        assertThat(clock.stop(stopped).outcome()).contains(stopped.isAfter(due) ? SlaOutcome.BREACHED : SlaOutcome.MET);
    }

    @Property(tries = 300)
    void remainingAndShareAgreeAndNeverRunBackwards(@ForAll("calendars") BusinessCalendar calendar, @ForAll("targets") Duration target,
                                                    @ForAll("moments") Instant a, @ForAll("moments") Instant b, @ForAll("moments") Instant c) {
        List<Instant> t = Stream.of(a, b, c).sorted().toList();
        SlaClock clock = SlaClock.start(target, calendar, t.get(0));

        assertThat(clock.elapsedShare(t.get(2))).isGreaterThanOrEqualTo(clock.elapsedShare(t.get(1)));
        assertThat(clock.remaining(t.get(1)).plus(clock.consumedAt(t.get(1)))).isEqualTo(target);
    }

    @Property(tries = 200)
    void pausingAndResumingAtTheSameMomentChangesNothing(@ForAll("calendars") BusinessCalendar calendar, @ForAll("targets") Duration target,
                                                         @ForAll("moments") Instant a, @ForAll("moments") Instant b) {
        Assume.that(!a.isAfter(b));
        SlaClock clock = SlaClock.start(target, calendar, a);
        SlaClock blink = clock.pause(b, PauseReason.OTHER).resume(b);

        assertThat(blink.dueAt()).isEqualTo(clock.dueAt());
        assertThat(blink.pauses()).hasSize(1);
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
    Arbitrary<Duration> targets() {
        return Arbitraries.longs().between(60, 200 * 3600L).map(Duration::ofSeconds);
    }
}
