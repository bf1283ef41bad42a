package org.openbpo.contracts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * New terms for a contract: they apply to work created from now on, never to work already running.
 * {@code endsOn}, when given, is the new last day of the contract's term (ending or extending it);
 * absent, the term stays as it is. {@code basedOnVersion} is the version the new terms were written
 * from: when another revision was saved since, the revision is refused (409 {@code contract-changed})
 * instead of silently replacing terms its author never saw. Absent, the revision is not checked.
 */
public record ReviseContract(@NotNull @Valid CalendarSpec calendar,
                             @NotNull List<@Valid @NotNull SlaTarget> slaTargets,
                             @Nullable List<@Valid @NotNull KpiTarget> kpiTargets,
                             @Nullable @Size(max = 500) String note,
                             @Nullable LocalDate endsOn,
                             @Nullable @Positive Integer basedOnVersion) {

    public ReviseContract(CalendarSpec calendar, List<SlaTarget> slaTargets, @Nullable List<KpiTarget> kpiTargets,
                          @Nullable String note) {
        this(calendar, slaTargets, kpiTargets, note, null, null);
    }

    public ReviseContract(CalendarSpec calendar, List<SlaTarget> slaTargets, @Nullable List<KpiTarget> kpiTargets,
                          @Nullable String note, @Nullable LocalDate endsOn) {
        this(calendar, slaTargets, kpiTargets, note, endsOn, null);
    }
}
