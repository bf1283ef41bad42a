package org.openbpo.work.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.calendar.BusinessCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The resolution SLA clock of one work item, as stored with it. Business time already consumed is
 * kept in {@code consumedSeconds}; while running, the clock also knows since when, and the due
 * and warning moments are derived from the calendar. While paused both are null, so the SLA timers
 * never look at the item; the pause and its reason are kept for the client to see.
 */
public record SlaState(@Nullable Long targetSeconds, @Nullable BigDecimal warnShare, long consumedSeconds,
                       @Nullable Instant runningSince, @Nullable Instant pausedSince, @Nullable String pauseReason,
                       @Nullable Instant dueAt, @Nullable Instant warnAt, @Nullable Instant escalatedAt,
                       @Nullable Instant breachedAt, @Nullable Boolean met) {

    public static SlaState none() {
        return new SlaState(null, null, 0, null, null, null, null, null, null, null, null);
    }

    public static SlaState start(BusinessCalendar calendar, Instant at, Duration target, BigDecimal warnShare) {
        SlaState stopped = new SlaState(target.toSeconds(), warnShare, 0, null, null, null, null, null, null, null, null);
        return stopped.resume(calendar, at);
    }

    public boolean applies() {
        return targetSeconds != null;
    }

    public boolean paused() {
        return pausedSince != null;
    }

    public SlaState pause(BusinessCalendar calendar, Instant at, String reason) {
        if (!applies() || runningSince == null) {
            return this;
        }
        long consumed = consumedSeconds + calendar.businessTimeBetween(runningSince, at).toSeconds();
        // A deadline that passed before any timer tick saw it is a breach all the same, at the deadline (running, it is known).
        Instant breached = breachedAt == null && consumed > targetSeconds ? dueAt : breachedAt;
        return new SlaState(targetSeconds, warnShare, consumed, null, at, reason, null, null, escalatedAt, breached, met);
    }

    public SlaState resume(BusinessCalendar calendar, Instant at) {
        if (!applies() || runningSince != null || met != null) {
            return this;
        }
        long remaining = Math.max(0, targetSeconds - consumedSeconds);
        Instant due = calendar.add(at, Duration.ofSeconds(remaining));
        Instant warn = null;
        if (escalatedAt == null) {
            long warnAfter = warnShare.multiply(BigDecimal.valueOf(targetSeconds)).setScale(0, RoundingMode.HALF_UP).longValue();
            warn = calendar.add(at, Duration.ofSeconds(Math.max(0, warnAfter - consumedSeconds)));
        }
        return new SlaState(targetSeconds, warnShare, consumedSeconds, at, null, null, due, warn, escalatedAt,
                breachedAt, met);
    }

    /** Stops the clock for good when the work is done: met unless the deadline had passed. */
    public SlaState stop(BusinessCalendar calendar, Instant at) {
        if (!applies() || met != null) {
            return this;
        }
        SlaState paused = runningSince == null ? this : pause(calendar, at, "stopped");
        boolean inTime = paused.breachedAt == null && paused.consumedSeconds <= targetSeconds;
        return new SlaState(targetSeconds, warnShare, paused.consumedSeconds, null, null, null, null, null,
                escalatedAt, paused.breachedAt, inTime);
    }

    /**
     * A closed item opened again: the verdict is undone, and the clock runs on from the business time already used (or
     * waits, with its reason, when the item is reopened into a waiting state). A breach already recorded stays.
     */
    public SlaState reopen(BusinessCalendar calendar, Instant at, @Nullable String pauseReason) {
        if (!applies() || met == null) {
            return this;
        }
        if (pauseReason != null) {
            return new SlaState(targetSeconds, warnShare, consumedSeconds, null, at, pauseReason, null, null, escalatedAt,
                    breachedAt, null);
        }
        return new SlaState(targetSeconds, warnShare, consumedSeconds, null, null, null, null, null, escalatedAt, breachedAt,
                null).resume(calendar, at);
    }

    /** A paused clock now waits for someone else (the client, a third party): same pause, new reason. */
    public SlaState pausedFor(String reason) {
        if (pausedSince == null) {
            return this;
        }
        return new SlaState(targetSeconds, warnShare, consumedSeconds, runningSince, pausedSince, reason, dueAt, warnAt,
                escalatedAt, breachedAt, met);
    }

    public SlaState escalated(Instant at) {
        return new SlaState(targetSeconds, warnShare, consumedSeconds, runningSince, pausedSince, pauseReason, dueAt,
                null, at, breachedAt, met);
    }

    public SlaState breached(Instant at) {
        return new SlaState(targetSeconds, warnShare, consumedSeconds, runningSince, pausedSince, pauseReason, dueAt,
                warnAt, escalatedAt, at, met);
    }
}
