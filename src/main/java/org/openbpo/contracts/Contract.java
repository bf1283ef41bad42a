package org.openbpo.contracts;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A contract with its current version of terms. */
public record Contract(UUID clientId, UUID id, String reference, String title, String currency, LocalDate startsOn,
                       @Nullable LocalDate endsOn, String status, int version, Instant versionEffectiveFrom,
                       CalendarSpec calendar, List<ServiceLine> serviceLines, List<SlaTarget> slaTargets,
                       List<KpiTarget> kpiTargets) {
}
