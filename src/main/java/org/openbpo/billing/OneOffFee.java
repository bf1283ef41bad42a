package org.openbpo.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A fee charged once, on the invoice of its month. */
public record OneOffFee(UUID clientId, UUID id, UUID contractId, String serviceLine, LocalDate period, String description,
                        BigDecimal amount, String sourceKey, Instant createdAt, String createdBy) {
}
