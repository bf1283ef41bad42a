package org.openbpo.ledger.domain;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the journal import reads numbers: as hledger does, or not at all, never a hundred times too much. */
class JournalParserTest {

    private static String transaction(String amount) {
        return "2026-01-05 Sale\n    Assets:Cash  " + amount + "\n    Income:Sales\n";
    }

    private static BigDecimal firstAmount(String journal) {
        return JournalParser.parse(journal).transactions().getFirst().postings().getFirst().amount().quantity();
    }

    @Test
    void aCommaThatIsNotAThousandsGroupIsRefusedNamingItsLine() {
        for (String amount : List.of("12,50 EUR", "1,2,3 USD", "1,23.00 USD", "$1,2345")) {
            assertThatThrownBy(() -> JournalParser.parse("; header\n" + transaction(amount))).as(amount)
                    .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("Line 3:").hasMessageContaining("decimal mark");
        }
    }

    @Test
    void thousandsGroupsOfThreeDigitsAreRead() {
        assertThat(firstAmount(transaction("$1,250.50"))).isEqualByComparingTo("1250.50");
        assertThat(firstAmount(transaction("-1,234,567 USD"))).isEqualByComparingTo("-1234567");
        assertThat(firstAmount(transaction("12.50 EUR"))).isEqualByComparingTo("12.50");
        assertThat(firstAmount(transaction("€ -3"))).isEqualByComparingTo("-3");
    }

    @Test
    void digitsGroupedBySpacesAreReadAsHledgerReadsThem() {
        assertThat(firstAmount(transaction("1 234.50 USD"))).isEqualByComparingTo("1234.50");
        assertThat(firstAmount(transaction("$-1 234 567"))).isEqualByComparingTo("-1234567");
        assertThat(firstAmount("decimal-mark ,\n" + transaction("1 234,50 EUR"))).isEqualByComparingTo("1234.50");
        assertThat(firstAmount("decimal-mark ,\n" + transaction("EUR 12 345 678,9"))).isEqualByComparingTo("12345678.9");
        JournalParser.Price price = JournalParser.parse("decimal-mark ,\nP 2026-01-01 EUR 1 080,25 JPY\n").prices().getFirst();
        assertThat(price.rate()).isEqualByComparingTo("1080.25");
    }

    @Test
    void spacesThatDoNotGroupDigitsInThreesOrMixWithTheOtherMarkAreRefusedNamingTheLine() {
        for (String amount : List.of("1 23.50 USD", "12 50 EUR", "1 234,567.50 USD", "1,234 567 USD", "1 234.567 890 USD")) {
            assertThatThrownBy(() -> JournalParser.parse("; header\n" + transaction(amount))).as(amount)
                    .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("Line 3:").hasMessageContaining("decimal mark");
        }
    }

    @Test
    void indianLakhAndCroreGroupsOfTwoAfterTheFirstThreeAreReadAsHledgerReadsThem() {
        assertThat(firstAmount(transaction("1,23,45,678.50 INR"))).isEqualByComparingTo("12345678.50");
        assertThat(firstAmount(transaction("₹1,00,000"))).isEqualByComparingTo("100000");
        assertThat(JournalParser.parse(transaction("₹1,00,000")).transactions().getFirst().postings().getFirst().amount()
                .currency().getCurrencyCode()).isEqualTo("INR");
        assertThat(firstAmount(transaction("-12,34,567 INR"))).isEqualByComparingTo("-1234567");
        assertThat(firstAmount(transaction("1 23 456.75 INR"))).isEqualByComparingTo("123456.75");
        assertThat(firstAmount("decimal-mark ,\n" + transaction("1.23.45.678,50 INR"))).isEqualByComparingTo("12345678.50");
        assertThat(JournalParser.parse("P 2026-01-01 USD 1,08,250.25 INR\n").prices().getFirst().rate())
                .isEqualByComparingTo("108250.25");
    }

    @Test
    void groupingsThatAreNeitherThreesNorIndianAreStillRefusedNamingTheLine() {
        for (String amount : List.of("1,23,456,789 INR", "123,45,678 INR", "1,23,45 INR", "12,34,56.50 INR", "1,23 456 INR",
                "1,23,4567 INR", "1 23,456 INR")) {
            assertThatThrownBy(() -> JournalParser.parse("; header\n" + transaction(amount))).as(amount)
                    .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("Line 3:").hasMessageContaining("decimal mark");
        }
    }

    @Test
    void theDecimalMarkDirectiveMakesTheCommaTheDecimalMark() {
        String journal = "decimal-mark ,\n\n" + transaction("1.234,50 EUR") + "\n" + transaction("12,50 EUR");
        List<JournalParser.Transaction> read = JournalParser.parse(journal).transactions();
        assertThat(read.get(0).postings().getFirst().amount().quantity()).isEqualByComparingTo("1234.50");
        assertThat(read.get(1).postings().getFirst().amount().quantity()).isEqualByComparingTo("12.50");
        assertThatThrownBy(() -> JournalParser.parse("decimal-mark ,\n" + transaction("12.50 EUR")))
                .hasMessageStartingWith("Line 3:");
        assertThatThrownBy(() -> JournalParser.parse("decimal-mark ;\n")).hasMessageStartingWith("Line 1:");
    }

    @Test
    void theFunctionalTagIsReadWithTheSameDecimalMark() {
        String journal = "decimal-mark ,\n" + "2026-01-05 Sale\n    Assets:Cash  100 EUR\n      ; functional: 1.080,25 USD\n"
                + "    Income:Sales\n";
        JournalParser.Amount functional = JournalParser.parse(journal).transactions().getFirst().postings().getFirst().functional();
        assertThat(functional.quantity()).isEqualByComparingTo("1080.25");
        assertThat(functional.currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void aCommodityFormatWithAnotherDecimalMarkIsRefused() {
        assertThatThrownBy(() -> JournalParser.parse("commodity 1.000,00 EUR\n" + transaction("1.000 EUR")))
                .hasMessageStartingWith("Line 1:").hasMessageContaining("decimal-mark ,");
        assertThat(firstAmount("commodity $1,000.00\n" + transaction("$1,000"))).isEqualByComparingTo("1000");
    }
}
