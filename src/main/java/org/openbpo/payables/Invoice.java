package org.openbpo.payables;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A captured vendor invoice: its amounts, where it stands, and why, if it is an exception. */
public record Invoice(UUID clientId, UUID id, UUID vendorId, String vendorCode, String number, LocalDate invoiceDate,
                      LocalDate dueDate, @Nullable LocalDate discountDate, BigDecimal discount, String currency,
                      BigDecimal total, BigDecimal tax, @Nullable String purchaseOrder, @Nullable String expenseAccount,
                      InvoiceSource source, InvoiceStatus status, List<String> exceptions, @Nullable Long workItemId,
                      Instant capturedAt, String capturedBy, @Nullable Instant approvedAt, @Nullable String approvedBy,
                      List<Line> lines) {

    public record Line(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                       @Nullable Integer orderLine) {
    }

    public Invoice withLines(List<Line> lines) {
        return new Invoice(clientId, id, vendorId, vendorCode, number, invoiceDate, dueDate, discountDate, discount, currency,
                total, tax, purchaseOrder, expenseAccount, source, status, exceptions, workItemId, capturedAt, capturedBy,
                approvedAt, approvedBy, List.copyOf(lines));
    }
}
