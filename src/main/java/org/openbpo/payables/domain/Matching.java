package org.openbpo.payables.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Two-way matching (invoice against order: price and quantity left to bill, and the tax the order's
 * rates imply) and, where the order needs a receipt, three-way matching (quantity billed against
 * quantity received), each within the client's tolerances. The result lists every mismatch in words
 * an agent can act on.
 */
public final class Matching {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Matching() {
    }

    /** The mismatches; empty when the invoice matches. {@code tax} is the invoice's, at its currency's scale (0.00 for GBP). */
    public static List<String> match(List<BilledLine> billed, BigDecimal tax, Map<Integer, OrderLine> order, boolean threeWay,
                                     Tolerances tolerances) {
        List<String> problems = new ArrayList<>();
        if (billed.isEmpty()) {
            problems.add("The invoice names an order but has no lines to match against it.");
            return problems;
        }
        Map<Integer, BigDecimal> billedNow = new HashMap<>();
        for (BilledLine line : billed) {
            if (line.orderLine() == null) {
                problems.add("Line " + line.lineNo() + " names no order line.");
                continue;
            }
            OrderLine ordered = order.get(line.orderLine());
            if (ordered == null) {
                problems.add("Line " + line.lineNo() + " bills order line " + line.orderLine() + ", which the order does not have.");
                continue;
            }
            if (!within(line.unitPrice(), ordered.unitPrice(), tolerances.pricePercent())) {
                problems.add("Line " + line.lineNo() + ": unit price " + line.unitPrice().stripTrailingZeros().toPlainString()
                        + " differs from the order's " + ordered.unitPrice().stripTrailingZeros().toPlainString()
                        + " by more than " + tolerances.pricePercent().stripTrailingZeros().toPlainString() + "%.");
            }
            BigDecimal total = billedNow.merge(line.orderLine(), line.quantity(), BigDecimal::add).add(ordered.invoiced());
            if (total.compareTo(allowed(ordered.quantity(), tolerances.quantityPercent())) > 0) {
                problems.add("Line " + line.lineNo() + ": " + plain(total) + " billed in all against order line "
                        + line.orderLine() + ", which ordered " + plain(ordered.quantity()) + ".");
            }
            if (threeWay && total.compareTo(allowed(ordered.received(), tolerances.quantityPercent())) > 0) {
                problems.add("Line " + line.lineNo() + ": " + plain(total) + " billed in all against order line "
                        + line.orderLine() + ", but only " + plain(ordered.received()) + " received.");
            }
        }
        taxMismatch(billed, tax, order, tolerances).ifPresent(problems::add);
        return problems;
    }

    /**
     * The invoice's tax against the tax its lines imply at the rates of the order lines they bill, so
     * that a vendor charging too much tax, or tax on tax-free goods, is not paid by the order unseen.
     * They agree within the price tolerance, and always within half a minor unit a line (vendors round
     * tax per line or per invoice). An order line without a rate implies no tax.
     */
    private static Optional<String> taxMismatch(List<BilledLine> billed, BigDecimal tax, Map<Integer, OrderLine> order,
                                                Tolerances tolerances) {
        BigDecimal implied = BigDecimal.ZERO;
        Set<Integer> unrated = new TreeSet<>();
        for (BilledLine line : billed) {
            OrderLine ordered = line.orderLine() == null ? null : order.get(line.orderLine());
            if (ordered == null) {
                continue; // reported above
            }
            if (ordered.taxPercent() == null) {
                unrated.add(ordered.lineNo());
            } else {
                implied = implied.add(line.amount().multiply(ordered.taxPercent()).divide(HUNDRED, MathContext.DECIMAL64));
            }
        }
        BigDecimal rounding = tax.ulp().multiply(BigDecimal.valueOf(billed.size())).divide(BigDecimal.TWO, MathContext.DECIMAL64);
        BigDecimal allowed = implied.multiply(tolerances.pricePercent()).divide(HUNDRED, MathContext.DECIMAL64).max(rounding);
        if (tax.subtract(implied).abs().compareTo(allowed) <= 0) {
            return Optional.empty();
        }
        String tolerance = tolerances.pricePercent().signum() > 0 ? " (give or take " + plain(tolerances.pricePercent()) + "%)" : "";
        String unstated = unrated.isEmpty() ? ""
                : unrated.size() == 1 ? " Order line " + unrated.iterator().next() + " states no tax rate, so it implies no tax."
                : " Order lines " + unrated.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " state no tax rate, so they imply no tax.";
        return Optional.of("The tax " + tax.toPlainString() + " is not the " + implied.setScale(tax.scale(), RoundingMode.HALF_UP)
                .toPlainString() + " the lines imply at their order lines' tax rates" + tolerance + "." + unstated);
    }

    static boolean within(BigDecimal actual, BigDecimal expected, BigDecimal percent) {
        BigDecimal difference = actual.subtract(expected).abs();
        if (expected.signum() == 0) {
            return difference.signum() == 0;
        }
        return difference.multiply(HUNDRED).divide(expected, MathContext.DECIMAL64).compareTo(percent) <= 0;
    }

    private static BigDecimal allowed(BigDecimal quantity, BigDecimal percent) {
        return quantity.add(quantity.multiply(percent).divide(HUNDRED, MathContext.DECIMAL64));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
