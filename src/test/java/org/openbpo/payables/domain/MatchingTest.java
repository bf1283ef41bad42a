package org.openbpo.payables.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The matching rules and the duplicate key, without a database. */
class MatchingTest {

    private static final BigDecimal NO_TAX = new BigDecimal("0.00");
    private static final Map<Integer, OrderLine> ORDER = Map.of(1, new OrderLine(1, new BigDecimal("10"), new BigDecimal("5.00"), null,
            new BigDecimal("4"), new BigDecimal("3")));

    @Test
    void twoWayChecksPriceWithinToleranceAndQuantityLeftToBill() {
        Tolerances tolerances = new Tolerances(new BigDecimal("2"), BigDecimal.ZERO);
        assertThat(Matching.match(List.of(line("7", "5.10")), NO_TAX, ORDER, false, tolerances)).isEmpty();
        assertThat(Matching.match(List.of(line("7", "5.11")), NO_TAX, ORDER, false, tolerances)).singleElement().asString()
                .contains("unit price 5.11").contains("more than 2%");
        assertThat(Matching.match(List.of(line("8", "5.00")), NO_TAX, ORDER, false, tolerances)).singleElement().asString()
                .contains("11 billed in all").contains("ordered 10");
        assertThat(Matching.match(List.of(line("8", "5.00")), NO_TAX, ORDER, false, new Tolerances(BigDecimal.ZERO, BigDecimal.TEN)))
                .as("10% quantity tolerance").isEmpty();
        assertThat(Matching.match(List.of(line("4", "5.00"), line("4", "5.00")), NO_TAX, ORDER, false, tolerances))
                .as("two lines on one order line add up").singleElement().asString().contains("11 billed in all");
    }

    @Test
    void threeWayAlsoChecksWhatWasReceived() {
        Tolerances tolerances = new Tolerances(BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(Matching.match(List.of(line("1", "5.00")), NO_TAX, ORDER, true, tolerances)).isEmpty();
        assertThat(Matching.match(List.of(line("2", "5.00")), NO_TAX, ORDER, true, tolerances)).singleElement().asString()
                .contains("only 4 received");
        assertThat(Matching.match(List.of(new BilledLine(1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 9)), NO_TAX, ORDER, false, tolerances))
                .singleElement().asString().contains("order line 9, which the order does not have");
        assertThat(Matching.match(List.of(), NO_TAX, ORDER, false, tolerances)).singleElement().asString().contains("no lines");
    }

    @Test
    void theTaxMustBeWhatTheOrderLinesRatesImply() {
        Map<Integer, OrderLine> order = Map.of(
                1, new OrderLine(1, new BigDecimal("100"), new BigDecimal("5.00"), new BigDecimal("20"), BigDecimal.ZERO, BigDecimal.ZERO),
                2, new OrderLine(2, new BigDecimal("100"), new BigDecimal("0.35"), new BigDecimal("5"), BigDecimal.ZERO, BigDecimal.ZERO),
                3, new OrderLine(3, new BigDecimal("100"), new BigDecimal("9.00"), null, BigDecimal.ZERO, BigDecimal.ZERO));
        Tolerances exact = new Tolerances(BigDecimal.ZERO, BigDecimal.ZERO);
        List<BilledLine> rated = List.of(line(1, "10", "5.00", 1), line(2, "3", "0.35", 2));

        assertThat(Matching.match(rated, new BigDecimal("10.05"), order, false, exact)).as("20% of 50.00 and 5% of 1.05").isEmpty();
        assertThat(Matching.match(rated, new BigDecimal("10.06"), order, false, exact))
                .as("rounded per line, 0.0525 is 0.06: within half a penny a line").isEmpty();
        assertThat(Matching.match(rated, new BigDecimal("10.07"), order, false, exact)).singleElement().asString()
                .isEqualTo("The tax 10.07 is not the 10.05 the lines imply at their order lines' tax rates.");
        assertThat(Matching.match(rated, new BigDecimal("25.00"), order, false, new Tolerances(new BigDecimal("2"), BigDecimal.ZERO)))
                .singleElement().asString().contains("The tax 25.00 is not the 10.05").contains("(give or take 2%)");
        assertThat(Matching.match(rated, new BigDecimal("10.25"), order, false, new Tolerances(new BigDecimal("2"), BigDecimal.ZERO)))
                .as("within the 2% price tolerance").isEmpty();
        assertThat(Matching.match(rated, new BigDecimal("0.00"), order, false, exact)).as("tax left off").hasSize(1);

        assertThat(Matching.match(List.of(line(1, "1", "9.00", 3)), new BigDecimal("0.00"), order, false, exact))
                .as("a line without a rate implies no tax").isEmpty();
        assertThat(Matching.match(List.of(line(1, "1", "9.00", 3)), new BigDecimal("1.80"), order, false, exact)).singleElement()
                .asString().isEqualTo("The tax 1.80 is not the 0.00 the lines imply at their order lines' tax rates. "
                        + "Order line 3 states no tax rate, so it implies no tax.");
    }

    @Test
    void invoiceNumbersMatchHoweverTheyAreTyped() {
        assertThat(InvoiceNumbers.key("INV-0042")).isEqualTo(InvoiceNumbers.key("inv 42")).isEqualTo("INV42");
        assertThat(InvoiceNumbers.key("Inv.0042")).isEqualTo("INV42");
        assertThat(InvoiceNumbers.key("2026/001-07")).isEqualTo(InvoiceNumbers.key("2026 1 7")).isEqualTo("2026-1-7");
        assertThat(InvoiceNumbers.key("INV-420")).isNotEqualTo(InvoiceNumbers.key("INV-42"));
        assertThat(InvoiceNumbers.key("000")).isEqualTo("0");
    }

    @Test
    void separatorsBetweenTwoNumbersKeepThemApart() {
        assertThat(InvoiceNumbers.key("1/12")).isNotEqualTo(InvoiceNumbers.key("11/2")).isNotEqualTo(InvoiceNumbers.key("112"));
        assertThat(InvoiceNumbers.key("1/12")).isEqualTo(InvoiceNumbers.key("01-012")).isEqualTo(InvoiceNumbers.key(" 1 / 12 "))
                .isEqualTo("1-12");
        assertThat(InvoiceNumbers.key("A-1/B-2")).isEqualTo(InvoiceNumbers.key("a1b2")).isEqualTo("A1B2");
        assertThat(InvoiceNumbers.key("1ß2")).as("only ASCII letters and digits count").isEqualTo("1-2");
    }

    @Test
    void discountsRoundDownAndLinesRoundHalfUp() {
        assertThat(MinorUnits.discountRoundedDown(99_999, new BigDecimal("2"))).isEqualTo(1_999);
        assertThat(MinorUnits.lineAmountRoundedHalfUp(new BigDecimal("3"), new BigDecimal("0.335"), "USD")).isEqualTo(101);
        assertThat(MinorUnits.lineAmountRoundedHalfUp(new BigDecimal("1"), new BigDecimal("1000"), "JPY")).isEqualTo(1000);
    }

    private static BilledLine line(String quantity, String price) {
        return line(1, quantity, price, 1);
    }

    private static BilledLine line(int lineNo, String quantity, String price, int orderLine) {
        BigDecimal amount = new BigDecimal(quantity).multiply(new BigDecimal(price)).setScale(2, RoundingMode.HALF_UP);
        return new BilledLine(lineNo, new BigDecimal(quantity), new BigDecimal(price), amount, orderLine);
    }
}
