package org.openbpo.contracts;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.calendar.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * What the work engine needs to time one item: the contract version in force, its calendar and targets,
 * and the contract's term (its first and last day, in the client's time zone), which new work must fall in.
 */
public record ServiceTerms(UUID contractId, int version, ServiceLine serviceLine, BusinessCalendar calendar,
                           Map<Priority, SlaTarget> targets, LocalDate startsOn, @Nullable LocalDate endsOn, ZoneId clientZone) {

    public @Nullable SlaTarget target(Priority priority) {
        return targets.get(priority);
    }

    /** Whether the contract's term runs at a moment: new work is accepted only then. */
    public boolean inTermAt(Instant at) {
        return Contract.termCovers(startsOn, endsOn, LocalDate.ofInstant(at, clientZone));
    }
}
