package org.openbpo.shared.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;

/**
 * One SLA target on one work item, measured in business time on the client's calendar. The clock is
 * running, paused (waiting on the client or a third party) or stopped; every change returns a new
 * value. Business time is accumulated per running stretch, so a paused stretch can never be counted.
 *
 * @param consumed    business time used in running stretches that have ended
 * @param exhaustedAt when the target was used up, once an ended stretch has run past it
 */
public record SlaClock(
        Duration target,
        BusinessCalendar calendar,
        Instant startedAt,
        Duration consumed,
        @Nullable Instant runningSince,
        @Nullable Instant pausedSince,
        @Nullable PauseReason pauseReason,
        List<Pause> pauses,
        @Nullable Instant exhaustedAt,
        @Nullable Instant stoppedAt) {

    public SlaClock {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(startedAt, "startedAt");
        if (target.isNegative() || target.isZero()) {
            throw BusinessRuleViolation.invalid("target", "an SLA target must be positive: " + target);
        }
        if (consumed.isNegative()) {
            throw BusinessRuleViolation.invalid("consumed", "consumed business time cannot be negative");
        }
        int states = (runningSince != null ? 1 : 0) + (pausedSince != null ? 1 : 0) + (stoppedAt != null ? 1 : 0);
        if (states != 1 || (pausedSince == null) != (pauseReason == null)) {
            throw new IllegalArgumentException("an SLA clock is exactly one of running, paused (with a reason) or stopped");
        }
        pauses = List.copyOf(pauses);
    }

    public static SlaClock start(Duration target, BusinessCalendar calendar, Instant at) {
        return new SlaClock(target, calendar, at, Duration.ZERO, at, null, null, List.of(), null, null);
    }

    public boolean isRunning() {
        return runningSince != null;
    }

    public boolean isPaused() {
        return pausedSince != null;
    }

    public boolean isStopped() {
        return stoppedAt != null;
    }

    public SlaClock pause(Instant at, PauseReason reason) {
        Objects.requireNonNull(reason, "reason");
        rejectIfStopped();
        if (pausedSince != null) {
            throw BusinessRuleViolation.conflict("sla-clock-already-paused", "the SLA clock has been paused since " + pausedSince);
        }
        requireNotBefore(runningSince, at);
        return new SlaClock(target, calendar, startedAt, consumedAt(at), null, at, reason, pauses, exhaustionBefore(at), null);
    }

    public SlaClock resume(Instant at) {
        rejectIfStopped();
        if (pausedSince == null || pauseReason == null) {
            throw BusinessRuleViolation.conflict("sla-clock-not-paused", "the SLA clock is not paused");
        }
        requireNotBefore(pausedSince, at);
        return new SlaClock(target, calendar, startedAt, consumed, at, null, null,
                withPause(new Pause(pausedSince, at, pauseReason)), exhaustedAt, null);
    }

    /** Stops the clock for good (the work is done); a pause still open ends here. */
    public SlaClock stop(Instant at) {
        rejectIfStopped();
        if (pausedSince != null && pauseReason != null) {
            requireNotBefore(pausedSince, at);
            return new SlaClock(target, calendar, startedAt, consumed, null, null, null,
                    withPause(new Pause(pausedSince, at, pauseReason)), exhaustedAt, at);
        }
        requireNotBefore(runningSince, at);
        return new SlaClock(target, calendar, startedAt, consumedAt(at), null, null, null, pauses, exhaustionBefore(at), at);
    }

    /** Business time used so far; frozen while paused or stopped. */
    public Duration consumedAt(Instant now) {
        if (runningSince == null || !now.isAfter(runningSince)) {
            return consumed;
        }
        return consumed.plus(calendar.businessTimeBetween(runningSince, now));
    }

    /** Business time left; negative once more than the target has been used. */
    public Duration remaining(Instant now) {
        return target.minus(consumedAt(now));
    }

    /** Share of the target used, for warning thresholds such as 0.8; above 1 once exceeded. */
    public double elapsedShare(Instant now) {
        return (double) consumedAt(now).toNanos() / target.toNanos();
    }

    /** The deadline while running; empty while paused (nobody can say) or once stopped. */
    public Optional<Instant> dueAt() {
        return runningSince == null ? Optional.empty() : Optional.of(deadline(runningSince));
    }

    /** The moment the target ran out, if by {@code now} (or by the stop) the work was not done in time. */
    public Optional<Instant> breachedAt(Instant now) {
        if (runningSince == null) {
            return Optional.ofNullable(exhaustedAt);
        }
        Instant deadline = deadline(runningSince);
        return deadline.isBefore(now) ? Optional.of(deadline) : Optional.empty();
    }

    public boolean isBreached(Instant now) {
        return breachedAt(now).isPresent();
    }

    /** Met when stopped at or before the deadline, breached when after; empty until stopped. */
    public Optional<SlaOutcome> outcome() {
        if (stoppedAt == null) {
            return Optional.empty();
        }
        return Optional.of(exhaustedAt == null ? SlaOutcome.MET : SlaOutcome.BREACHED);
    }

    private Instant deadline(Instant since) {
        if (exhaustedAt != null) {
            return exhaustedAt;
        }
        Duration left = target.minus(consumed);
        return calendar.add(since, left.isNegative() ? Duration.ZERO : left);
    }

    /** Records when the target ran out if the running stretch ending at {@code end} went past it. */
    private @Nullable Instant exhaustionBefore(Instant end) {
        if (exhaustedAt != null || runningSince == null) {
            return exhaustedAt;
        }
        Instant deadline = deadline(runningSince);
        return deadline.isBefore(end) ? deadline : null;
    }

    private List<Pause> withPause(Pause pause) {
        var all = new ArrayList<>(pauses);
        all.add(pause);
        return all;
    }

    private void rejectIfStopped() {
        if (stoppedAt != null) {
            throw BusinessRuleViolation.conflict("sla-clock-stopped", "the SLA clock was stopped at " + stoppedAt);
        }
    }

    private static void requireNotBefore(@Nullable Instant last, Instant at) {
        if (last != null && at.isBefore(last)) {
            throw BusinessRuleViolation.invalid("at", "an SLA clock cannot go back in time: " + at + " is before " + last);
        }
    }
}
