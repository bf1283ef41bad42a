package org.openbpo.quality;

import java.math.BigDecimal;

/**
 * A service credit a signed-off period owes on one service line: a percentage of that line's fees
 * for the period, and why. A negative percentage is an earn-back of an earlier credit; the reason
 * names the month it was given for.
 */
public record CreditOwed(String serviceLine, BigDecimal percent, String reason) {
}
