package org.openbpo.payables;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Proposes paying, on {@code payOn}, the approved invoices in a currency due by {@code dueBy}.
 * {@code parts} pays only part of some invoices this time (what stays open is proposed again later).
 */
public record ProposePayments(@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
                              @NotNull LocalDate dueBy, @NotNull LocalDate payOn, @Nullable @Valid List<Part> parts) {

    public ProposePayments(String currency, LocalDate dueBy, LocalDate payOn) {
        this(currency, dueBy, payOn, null);
    }

    /** Settle {@code amount} of the invoice in this proposal rather than all that is open. */
    public record Part(@NotNull UUID invoiceId, @NotNull BigDecimal amount) {
    }
}
