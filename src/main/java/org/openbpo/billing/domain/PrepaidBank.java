package org.openbpo.billing.domain;

import java.math.BigDecimal;

/**
 * A month of a prepaid bank of units or hours. Usage draws first on units carried in from the
 * month before (they expire at the end of this month), then on this month's allowance; what is
 * left of the allowance carries into the next month when the plan rolls over; units beyond both
 * are overage, rated by the plan's tiers.
 */
public record PrepaidBank(BigDecimal allowance, BigDecimal carriedIn, BigDecimal used, BigDecimal overage,
                          BigDecimal carriedOut) {

    public static PrepaidBank drawDown(BigDecimal allowance, BigDecimal carriedIn, BigDecimal used, boolean rollover) {
        BigDecimal fromCarried = used.min(carriedIn);
        BigDecimal fromAllowance = used.subtract(fromCarried).min(allowance);
        BigDecimal overage = used.subtract(fromCarried).subtract(fromAllowance);
        BigDecimal carriedOut = rollover ? allowance.subtract(fromAllowance) : BigDecimal.ZERO;
        return new PrepaidBank(allowance, carriedIn, used, overage, carriedOut);
    }

    /** Units still available this month. */
    public BigDecimal remaining() {
        return allowance.add(carriedIn).subtract(used).max(BigDecimal.ZERO);
    }
}
