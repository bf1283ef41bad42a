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

    /**
     * The contract as it stands on a day (the client's today): once the last day of its term is past, an active contract
     * reads ENDED. The status is worked out from the dates when read, never stored by a job, so it cannot lag behind them.
     */
    public Contract asOf(LocalDate today) {
        if (!status.equals("ACTIVE") || endsOn == null || !endsOn.isBefore(today)) {
            return this;
        }
        return new Contract(clientId, id, reference, title, currency, startsOn, endsOn, "ENDED", version, versionEffectiveFrom,
                calendar, serviceLines, slaTargets, kpiTargets);
    }

    /** Whether the contract was ever in force (active, or ended since): not a draft. */
    public boolean signed() {
        return !status.equals("DRAFT");
    }

    /** Whether the contract's term includes the day (its first and last day, in the client's time zone). */
    public boolean covers(LocalDate day) {
        return termCovers(startsOn, endsOn, day);
    }

    /** Whether a term from {@code startsOn} to {@code endsOn} (inclusive; null: open-ended) includes the day. */
    public static boolean termCovers(LocalDate startsOn, @Nullable LocalDate endsOn, LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }
}
