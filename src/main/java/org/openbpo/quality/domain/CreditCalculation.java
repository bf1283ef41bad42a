package org.openbpo.quality.domain;

import org.openbpo.quality.CreditTier;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** How far a target was missed, and which tier of a credit rule that lands in. */
public final class CreditCalculation {

    private CreditCalculation() {
    }

    /** Zero or less when the target was met; in the KPI's own unit otherwise. */
    public static BigDecimal shortfall(boolean higherIsBetter, BigDecimal target, BigDecimal measured) {
        return higherIsBetter ? target.subtract(measured) : measured.subtract(target);
    }

    /** The highest tier the shortfall reaches; none when the target was met. */
    public static Optional<CreditTier> tier(List<CreditTier> tiers, BigDecimal shortfall) {
        if (shortfall.signum() <= 0) {
            return Optional.empty();
        }
        CreditTier reached = null;
        for (CreditTier tier : tiers) {
            if (shortfall.compareTo(tier.missedBy()) >= 0) {
                reached = tier;
            }
        }
        return Optional.ofNullable(reached);
    }

    /** Beating the target, not just meeting it, is what earns an earlier credit back. */
    public static boolean exceeded(boolean higherIsBetter, BigDecimal target, BigDecimal measured) {
        return shortfall(higherIsBetter, target, measured).signum() < 0;
    }
}
