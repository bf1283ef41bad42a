package org.openbpo.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One metered billable unit: what was done, for which service line, when, and in which billing period. */
public record UsageRecord(UUID clientId, long id, String source, String sourceId, String serviceLine, String unit,
                          BigDecimal quantity, Instant occurredAt, LocalDate period) {
}
