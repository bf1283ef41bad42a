package org.openbpo.payables;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * A client's accounts-payable settings: matching tolerances in percent, the window in days within
 * which the same vendor billing the same amount again is suspected a duplicate, and the account
 * payment runs pay from (masked) with the identifier its bank gave the client (NACHA company id,
 * BACS service user number or SEPA initiating party id).
 */
public record PayablesSettings(BigDecimal priceTolerancePercent, BigDecimal quantityTolerancePercent, int duplicateWindowDays,
                               @Nullable String originatorName, @Nullable String originatorId,
                               @Nullable String originatorAccount, @Nullable String originatorBank) {

    public static final PayablesSettings DEFAULTS = new PayablesSettings(new BigDecimal("2"), BigDecimal.ZERO, 7,
            null, null, null, null);
}
