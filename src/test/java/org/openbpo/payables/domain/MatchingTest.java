package org.openbpo.payables.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The matching rules and the duplicate key, without a database. */
class MatchingTest {

    private static final Map<Integer, OrderLine> ORDER = Map.of(1, new OrderLine(1, new BigDecimal("10"), new BigDecimal("5.00"),
            new BigDecimal("4"), new BigDecimal("3")));

    @Test
    void twoWayChecksPriceWithinToleranceAndQuantityLeftToBill() {
        Tolerances tolerances = new Tolerances(new BigDecimal("2"), BigDecimal.ZERO);
        assertThat(Matching.match(List.of(line("7", "5.10")), ORDER, false, tolerances)).isEmpty();
        assertThat(Matching.match(List.of(line("7", "5.11")), ORDER, false, tolerances)).singleElement().asString()
                .contains("unit price 5.11").contains("more than 2%");
        assertThat(Matching.match(List.of(line("8", "5.00")), ORDER, false, tolerances)).singleElement().asString()
                .contains("11 billed in all").contains("ordered 10");
        assertThat(Matching.match(List.of(line("8", "5.00")), ORDER, false, new Tolerances(BigDecimal.ZERO, BigDecimal.TEN)))
                .as("10% quantity tolerance").isEmpty();
        assertThat(Matching.match(List.of(line("4", "5.00"), line("4", "5.00")), ORDER, false, tolerances))
                .as("two lines on one order line add up").singleElement().asString().contains("11 billed in all");
    }

    @Test
    void threeWayAlsoChecksWhatWasReceived() {
        Tolerances tolerances = new Tolerances(BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(Matching.match(List.of(line("1", "5.00")), ORDER, true, tolerances)).isEmpty();
        assertThat(Matching.match(List.of(line("2", "5.00")), ORDER, true, tolerances)).singleElement().asString()
                .contains("only 4 received");
        assertThat(Matching.match(List.of(new BilledLine(1, BigDecimal.ONE, BigDecimal.ONE, 9)), ORDER, false, tolerances))
                .singleElement().asString().contains("order line 9, which the order does not have");
        assertThat(Matching.match(List.of(), ORDER, false, tolerances)).singleElement().asString().contains("no lines");
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
        return new BilledLine(1, new BigDecimal(quantity), new BigDecimal(price), 1);
    }
}
