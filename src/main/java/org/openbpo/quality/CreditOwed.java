package org.openbpo.quality;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A service credit a signed-off period owes on one service line: a percentage of that line's fees
 * for the period, and why. A negative percentage is an earn-back of an earlier credit; the reason
 * names the month it was given for, and {@code earnsBack} is that month (null for a credit).
 */
public record CreditOwed(String serviceLine, BigDecimal percent, String reason, @Nullable YearMonth earnsBack) {

    public CreditOwed(String serviceLine, BigDecimal percent, String reason) {
        this(serviceLine, percent, reason, null);
    }
}
