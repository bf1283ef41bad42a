package org.openbpo.shared.calendar;

import java.time.Instant;
import java.util.Objects;

import org.openbpo.shared.error.BusinessRuleViolation;

/** A completed pause of an SLA clock, kept for the client's reports. */
public record Pause(Instant from, Instant to, PauseReason reason) {

    public Pause {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        if (to.isBefore(from)) {
            throw BusinessRuleViolation.invalid("to", "a pause cannot end before it starts");
        }
    }
}
