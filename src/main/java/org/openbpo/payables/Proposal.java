package org.openbpo.payables;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A payment proposal: the approved invoices due by a date (and those whose early-payment discount
 * is still open on the payment day), what to pay for each, for the client to approve. {@code held}
 * lists, when the proposal is made, invoices left out and why (no approved bank details, say).
 * {@code credited} is the vendors' credit notes set against the invoices, paid by nobody.
 */
public record Proposal(UUID id, String currency, LocalDate dueBy, LocalDate payOn, String status, BigDecimal total,
                       BigDecimal discount, BigDecimal credited, Instant createdAt, String createdBy, @Nullable Instant approvedAt,
                       @Nullable String approvedBy, @Nullable UUID runId, List<Item> items, List<Held> held) {

    /** {@code open} is what was unsettled when proposed; {@code pay} goes to the bank, {@code credit} comes from credit notes. */
    public record Item(UUID invoiceId, String vendor, String number, LocalDate dueDate, BigDecimal amount, BigDecimal open,
                       BigDecimal discount, BigDecimal credit, BigDecimal pay) {
    }

    public record Held(UUID invoiceId, String vendor, String number, String reason) {
    }
}
