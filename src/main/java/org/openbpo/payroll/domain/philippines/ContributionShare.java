package org.openbpo.payroll.domain.philippines;

import org.openbpo.shared.money.Money;

/**
 * How much of the month's SSS, PhilHealth and Pag-IBIG contributions one pay carries. Contributions
 * are monthly; which pay deducts them is employer policy (reference, open items).
 */
public enum ContributionShare {
    /** The whole month's contributions. */
    FULL,
    /** Half, rounded down to the centavo. */
    FIRST_HALF,
    /** The rest after the first half. */
    SECOND_HALF,
    /** None: another pay of the month carries them. */
    NONE;

    public Money of(Money monthly) {
        Money firstHalf = monthly.dividedBy(2).roundedDown();
        return switch (this) {
            case FULL -> monthly;
            case FIRST_HALF -> firstHalf;
            case SECOND_HALF -> monthly.minus(firstHalf);
            case NONE -> Money.zero(monthly.currency());
        };
    }
}
