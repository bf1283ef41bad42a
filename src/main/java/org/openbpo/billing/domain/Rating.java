package org.openbpo.billing.domain;

import org.openbpo.billing.Pricing;
import org.openbpo.billing.Tier;
import org.openbpo.shared.money.UnroundedMoney;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * Prices a month's units through a plan's tiers, exactly: the result is unrounded, so an invoice
 * line is rounded once, by the invoice's rule, however many tiers it spans.
 */
public final class Rating {

    private Rating() {
    }

    /** The price of {@code quantity} units in one month. */
    public static UnroundedMoney price(Pricing pricing, List<Tier> tiers, BigDecimal quantity, Currency currency) {
        UnroundedMoney total = UnroundedMoney.zero(currency);
        if (quantity.signum() <= 0) {
            return total;
        }
        if (pricing == Pricing.VOLUME) {
            return new UnroundedMoney(quantity.multiply(tierReachedBy(tiers, quantity).unitPrice()), currency);
        }
        BigDecimal below = BigDecimal.ZERO;
        for (Tier tier : tiers) {
            BigDecimal top = tier.upTo() == null ? quantity : tier.upTo().min(quantity);
            if (top.compareTo(below) > 0) {
                total = total.plus(new UnroundedMoney(top.subtract(below).multiply(tier.unitPrice()), currency));
                below = top;
            }
            if (below.compareTo(quantity) >= 0) {
                break;
            }
        }
        return total;
    }

    /** The tier a month's total falls in: the first whose limit it does not exceed. */
    static Tier tierReachedBy(List<Tier> tiers, BigDecimal quantity) {
        for (Tier tier : tiers) {
            if (tier.upTo() == null || quantity.compareTo(tier.upTo()) <= 0) {
                return tier;
            }
        }
        return tiers.getLast();
    }

    /**
     * Checks that tiers rise and that only the last is open-ended, so every quantity has a price.
     * Returns the reason they are not, or null.
     */
    public static String problemWith(List<Tier> tiers) {
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            if (tier.upTo() == null && !last) {
                return "only the last tier may be open-ended (upTo null)";
            }
            if (tier.upTo() != null && tier.upTo().compareTo(previous) <= 0) {
                return "each tier's upTo must be above the previous one";
            }
            if (last && tier.upTo() != null) {
                return "the last tier must be open-ended (upTo null), so every quantity has a price";
            }
            previous = tier.upTo() == null ? previous : tier.upTo();
        }
        return null;
    }
}
