package org.openbpo.payables;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/** Proposes paying, on {@code payOn}, the approved invoices in a currency due by {@code dueBy}. */
public record ProposePayments(@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
                              @NotNull LocalDate dueBy, @NotNull LocalDate payOn) {
}
