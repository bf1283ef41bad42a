package org.openbpo.payroll;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.payroll.PayrollFixtures.briton;
import static org.openbpo.payroll.PayrollFixtures.gbp;
import static org.openbpo.payroll.PayrollFixtures.pay;

class PayrollUnitedKingdomPropertiesTest {

    private static final BigDecimal POUND = BigDecimal.ONE;

    /**
     * A steady salary taxed cumulatively all year adds up to the tax on the year's pay, computed
     * independently from the annual bands: within the table's rounding (free pay rounded up to the
     * penny each period, taxable pay rounded down to the pound), so within one pound.
     */
    @Property(tries = 150)
    void aYearOfCumulativePeriodsAddsUpToTheAnnualLiability(@ForAll("monthlyPay") Money monthly, @ForAll("codes") String code,
                                                            @ForAll("frequencies") PayFrequency frequency) {
        int periods = frequency == PayFrequency.MONTHLY ? 12 : 52;
        Money pay = frequency == PayFrequency.MONTHLY ? monthly : monthly.dividedBy(4).roundedDown();
        Money payToDate = gbp("0");
        Money taxToDate = gbp("0");
        for (int period = 1; period <= periods; period++) {
            GrossToNet result = pay("2025-26", frequency, period, pay,
                    briton(code, "A", payToDate.toPlainString(), taxToDate.toPlainString()));
            taxToDate = taxToDate.plus(result.line("PAYE").amount());
            payToDate = payToDate.plus(pay);
        }
        BigDecimal annual = annualLiability(code, payToDate.amount());
        assertThat(taxToDate.amount().subtract(annual).abs()).as("year's tax " + taxToDate + " vs " + annual)
                .isLessThanOrEqualTo(POUND);
    }

    /** Reference 2.2: the year's bands applied to the year's pay less the code's annual allowance (number × 10 + 9). */
    private static BigDecimal annualLiability(String code, BigDecimal yearsPay) {
        if (code.endsWith("BR")) {
            return yearsPay.setScale(0, RoundingMode.FLOOR).multiply(new BigDecimal("0.20"));
        }
        boolean scottish = code.startsWith("S");
        String number = code.replaceAll("[^0-9]", "");
        BigDecimal allowance = number.equals("0") ? BigDecimal.ZERO : new BigDecimal(number).multiply(BigDecimal.TEN).add(new BigDecimal("9"));
        BigDecimal taxable = yearsPay.subtract(allowance).max(BigDecimal.ZERO).setScale(0, RoundingMode.FLOOR);
        List<String> widths = scottish ? List.of("2827", "12094", "16171", "31338", "62710") : List.of("37700", "87440");
        List<String> rates = scottish ? List.of("0.19", "0.20", "0.21", "0.42", "0.45", "0.48") : List.of("0.20", "0.40", "0.45");
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal left = taxable;
        for (int i = 0; i < rates.size(); i++) {
            BigDecimal inBand = i < widths.size() ? left.min(new BigDecimal(widths.get(i))) : left;
            tax = tax.add(inBand.multiply(new BigDecimal(rates.get(i))));
            left = left.subtract(inBand);
        }
        return tax.setScale(2, RoundingMode.FLOOR);
    }

    @Property(tries = 300)
    void nonCumulativeTaxAndNicsAreNeverNegativeNorOverHalfThePay(@ForAll("monthlyPay") Money pay, @ForAll("anyCode") String code,
                                                                  @ForAll("categories") String category) {
        GrossToNet result = pay("2026-27", PayFrequency.MONTHLY, 5, pay, briton(code + "M1", category, "20000.00", "3000.00"));
        assertThat(result.line("PAYE").amount().isNegative()).isFalse();
        assertThat(result.line("PAYE").amount().amount()).isLessThanOrEqualTo(pay.amount().multiply(new BigDecimal("0.5")));
        assertThat(result.line("NI_EE").amount().isNegative()).isFalse();
        assertThat(result.line("NI_ER").amount().isNegative()).isFalse();
    }

    @Property(tries = 200)
    void morePayNeverMeansLessNics(@ForAll("monthlyPay") Money pay, @ForAll("monthlyPay") Money more, @ForAll("categories") String category) {
        GrossToNet less = pay("2025-26", PayFrequency.WEEKLY, 3, pay, briton("1257L", category));
        GrossToNet most = pay("2025-26", PayFrequency.WEEKLY, 3, pay.plus(more), briton("1257L", category));
        assertThat(most.line("NI_EE").amount()).isGreaterThanOrEqualTo(less.line("NI_EE").amount());
        assertThat(most.line("NI_ER").amount()).isGreaterThanOrEqualTo(less.line("NI_ER").amount());
    }

    @Property(tries = 100)
    void theSameInputsGiveTheSameResult(@ForAll("monthlyPay") Money pay, @ForAll("anyCode") String code) {
        GrossToNet first = pay("2025-26", PayFrequency.MONTHLY, 4, pay, briton(code, "A", "9000.00", "900.00"));
        GrossToNet second = pay("2025-26", PayFrequency.MONTHLY, 4, pay, briton(code, "A", "9000.00", "900.00"));
        assertThat(second.toString()).isEqualTo(first.toString());
    }

    @Provide
    Arbitrary<Money> monthlyPay() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("20000")).ofScale(2).map(amount -> gbp(amount.toPlainString()));
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.of("1257L", "C1257L", "S1257L", "0T", "S0T", "BR", "1100L", "S500T");
    }

    @Provide
    Arbitrary<String> anyCode() {
        return Arbitraries.of("1257L", "C1257L", "S1257L", "0T", "BR", "D0", "D1", "SD3", "NT", "K475", "SK1200", "K9999");
    }

    @Provide
    Arbitrary<String> categories() {
        return Arbitraries.of("A", "B", "C", "H", "M", "V", "J", "Z", "F", "I", "L", "S", "N", "E", "D", "K", "X");
    }

    @Provide
    Arbitrary<PayFrequency> frequencies() {
        return Arbitraries.of(PayFrequency.MONTHLY, PayFrequency.WEEKLY);
    }
}
