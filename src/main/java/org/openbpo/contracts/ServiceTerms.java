package org.openbpo.contracts;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.calendar.BusinessCalendar;

import java.util.Map;
import java.util.UUID;

/** What the work engine needs to time one item: the contract version in force, its calendar and targets. */
public record ServiceTerms(UUID contractId, int version, ServiceLine serviceLine, BusinessCalendar calendar,
                           Map<Priority, SlaTarget> targets) {

    public @Nullable SlaTarget target(Priority priority) {
        return targets.get(priority);
    }
}
