package org.openbpo.payables;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A vendor's credit note; {@code remaining} is what proposals have not yet set against invoices. */
public record CreditNote(UUID id, UUID vendorId, String vendor, String number, LocalDate creditDate, String currency,
                         BigDecimal amount, BigDecimal remaining, @Nullable String invoiceNumber, @Nullable String reason,
                         String source, Instant capturedAt, String capturedBy) {
}
