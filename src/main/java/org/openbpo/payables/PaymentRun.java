package org.openbpo.payables;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment run: the bank file an approved proposal produced. */
public record PaymentRun(UUID id, UUID proposalId, String format, String fileName, LocalDate paidOn, int count,
                         BigDecimal total, String currency, Instant createdAt, String createdBy) {
}
