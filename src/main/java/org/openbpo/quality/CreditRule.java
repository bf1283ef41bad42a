package org.openbpo.quality;

import org.openbpo.contracts.Kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What a missed KPI target costs on one service line of a contract, from {@code effectiveFrom} on:
 * tiered by how far it was missed, never more than {@code capPercent} of the line's fees in a
 * period, and earned back when one of the next {@code earnBackPeriods} months beats the target.
 */
public record CreditRule(UUID clientId, UUID contractId, String serviceLine, Kpi kpi, int version, YearMonth effectiveFrom,
                         List<CreditTier> tiers, BigDecimal capPercent, int earnBackPeriods, Instant createdAt,
                         String createdBy) {
}
