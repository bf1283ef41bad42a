package org.openbpo.billing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An invoice (or credit note) of one client for one month in one currency, with its lines. */
public record Invoice(UUID clientId, UUID id, InvoiceKind kind, @Nullable String number, LocalDate period, String currency,
                      InvoiceStatus status, @Nullable UUID corrects, @Nullable String reason, BigDecimal subtotal,
                      BigDecimal tax, BigDecimal total, long usageRecords, Instant draftedAt, String draftedBy,
                      @Nullable Instant reviewedAt, @Nullable Instant issuedAt, @Nullable LocalDate issuedOn,
                      List<InvoiceLine> lines) {

    public boolean issued() {
        return status == InvoiceStatus.ISSUED;
    }

    public Invoice withLines(List<InvoiceLine> lines) {
        return new Invoice(clientId, id, kind, number, period, currency, status, corrects, reason, subtotal, tax, total,
                usageRecords, draftedAt, draftedBy, reviewedAt, issuedAt, issuedOn, lines);
    }
}
