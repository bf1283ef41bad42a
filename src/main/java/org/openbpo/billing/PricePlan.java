package org.openbpo.billing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One version of a service line's price plan, set from {@code effectiveFrom} until {@code effectiveTo} (exclusive).
 * It charges only in months its contract's term reaches, whatever its own dates: {@code contractEndsOn} is the last
 * day of that term (null while the contract runs on). {@code inForce}: whether it is the plan that prices its service
 * line this month (the client's month; for a month being rated, that month), as rating picks it — not a version
 * superseded or yet to start, nor the open-ended plan of a contract that ended or whose renewal took the line over.
 */
public record PricePlan(UUID clientId, UUID id, UUID contractId, String serviceLine, LocalDate effectiveFrom,
                        @Nullable LocalDate effectiveTo, @Nullable LocalDate contractEndsOn, boolean inForce, String currency,
                        String unit, Pricing pricing, List<Tier> tiers,
                        BigDecimal monthlyFee, BigDecimal fteAgents, BigDecimal fteHours, BigDecimal fteHourlyRate,
                        BigDecimal minimumCommitment, BigDecimal prepaidUnits, BigDecimal prepaidFee, boolean rollover,
                        String taxName, BigDecimal taxPercent, @Nullable String note, Instant createdAt, String createdBy) {

    /**
     * Whether units left in its bank at the end of a month roll into the next: when the plan says so and its contract's
     * term reaches that next month. A bank is its contract's; what is left when the term ends expires with it.
     */
    public boolean rollsOverAfter(LocalDate period) {
        return rollover && (contractEndsOn == null || contractEndsOn.isAfter(period.withDayOfMonth(period.lengthOfMonth())));
    }

    public boolean inForceOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveTo == null || effectiveTo.isAfter(day));
    }
}
