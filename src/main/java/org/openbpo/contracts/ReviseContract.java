package org.openbpo.contracts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** New terms for a contract: they apply to work created from now on, never to work already running. */
public record ReviseContract(@NotNull @Valid CalendarSpec calendar,
                             @NotNull List<@Valid @NotNull SlaTarget> slaTargets,
                             @Nullable List<@Valid @NotNull KpiTarget> kpiTargets,
                             @Nullable @Size(max = 500) String note) {
}
