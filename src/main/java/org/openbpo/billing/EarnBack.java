package org.openbpo.billing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An earlier month's service credit given back: {@code percent} of {@code serviceLine}'s fees of
 * {@code creditPeriod}, charged on the invoice of {@code period} (the month that beat the target),
 * never more than the credits of the window took off; {@code invoiceId} once an invoice carries it.
 */
public record EarnBack(UUID clientId, UUID id, LocalDate period, LocalDate creditPeriod, String serviceLine, BigDecimal percent,
                       String reason, String sourceKey, @Nullable UUID invoiceId, Instant grantedAt, String grantedBy) {
}
