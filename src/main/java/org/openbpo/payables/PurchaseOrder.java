package org.openbpo.payables;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's purchase order: what was ordered from a vendor at what price, what has been received
 * and what invoiced so far. {@code receiptRequired} makes its invoices match three ways. A line's
 * {@code taxPercent} is the tax its goods bear; null when the order states none.
 */
public record PurchaseOrder(UUID id, String number, UUID vendorId, String currency, boolean receiptRequired,
                            Instant createdAt, List<Line> lines) {

    public record Line(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice, @Nullable BigDecimal taxPercent,
                       BigDecimal received, BigDecimal invoiced) {
    }
}
