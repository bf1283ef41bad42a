package org.openbpo.billing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A credit owed: a percentage of a service line's fees for a month; {@code invoiceId} once an invoice nets it. */
public record ServiceCredit(UUID clientId, UUID id, LocalDate period, String serviceLine, BigDecimal percent, String reason,
                            String sourceKey, @Nullable UUID invoiceId, Instant grantedAt, String grantedBy) {
}
