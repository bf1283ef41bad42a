package org.openbpo.contracts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * New terms for a contract: they apply to work created from now on, never to work already running.
 * {@code endsOn}, when given, is the new last day of the contract's term (ending or extending it);
 * absent, the term stays as it is.
 */
public record ReviseContract(@NotNull @Valid CalendarSpec calendar,
                             @NotNull List<@Valid @NotNull SlaTarget> slaTargets,
                             @Nullable List<@Valid @NotNull KpiTarget> kpiTargets,
                             @Nullable @Size(max = 500) String note,
                             @Nullable LocalDate endsOn) {

    public ReviseContract(CalendarSpec calendar, List<SlaTarget> slaTargets, @Nullable List<KpiTarget> kpiTargets,
                          @Nullable String note) {
        this(calendar, slaTargets, kpiTargets, note, null);
    }
}
