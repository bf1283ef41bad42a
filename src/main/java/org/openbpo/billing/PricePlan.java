package org.openbpo.billing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One version of a service line's price plan, in force from {@code effectiveFrom} until {@code effectiveTo} (exclusive). */
public record PricePlan(UUID clientId, UUID id, UUID contractId, String serviceLine, LocalDate effectiveFrom,
                        @Nullable LocalDate effectiveTo, String currency, String unit, Pricing pricing, List<Tier> tiers,
                        BigDecimal monthlyFee, BigDecimal fteAgents, BigDecimal fteHours, BigDecimal fteHourlyRate,
                        BigDecimal minimumCommitment, BigDecimal prepaidUnits, BigDecimal prepaidFee, boolean rollover,
                        String taxName, BigDecimal taxPercent, @Nullable String note, Instant createdAt, String createdBy) {

    public boolean inForceOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveTo == null || effectiveTo.isAfter(day));
    }
}
