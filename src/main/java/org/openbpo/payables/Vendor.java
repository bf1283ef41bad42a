package org.openbpo.payables;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's supplier. Bank details are only ever shown masked; {@code pendingBankChange} is a
 * change waiting for a second person's approval.
 */
public record Vendor(UUID clientId, UUID id, String code, String name, @Nullable String taxId, List<String> currencies,
                     int termsDays, BigDecimal discountPercent, int discountDays, @Nullable String email,
                     @Nullable String bankScheme, @Nullable String bankAccount, @Nullable UUID pendingBankChange,
                     Instant createdAt, String createdBy) {

    public boolean uses(String currency) {
        return currencies.contains(currency);
    }
}
