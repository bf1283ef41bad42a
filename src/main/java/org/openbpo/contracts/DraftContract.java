package org.openbpo.contracts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/** Puts a new contract in force for a client, with its first version of terms. */
public record DraftContract(@NotBlank @Size(max = 60) String reference,
                            @NotBlank @Size(max = 200) String title,
                            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
                            @NotNull LocalDate startsOn,
                            @Nullable LocalDate endsOn,
                            @NotNull @Valid CalendarSpec calendar,
                            @NotEmpty List<@Valid @NotNull ServiceLine> serviceLines,
                            @NotNull List<@Valid @NotNull SlaTarget> slaTargets,
                            @Nullable List<@Valid @NotNull KpiTarget> kpiTargets) {
}
