package org.openbpo.payables.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two-way matching (invoice against order: price and quantity left to bill) and, where the order
 * needs a receipt, three-way matching (quantity billed against quantity received), each within the
 * client's tolerances. The result lists every mismatch in words an agent can act on.
 */
public final class Matching {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Matching() {
    }

    /** The mismatches; empty when the invoice matches. */
    public static List<String> match(List<BilledLine> billed, Map<Integer, OrderLine> order, boolean threeWay,
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
        return problems;
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
