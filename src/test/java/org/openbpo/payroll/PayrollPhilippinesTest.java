package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.philippines.ContributionShare;
import org.openbpo.payroll.domain.philippines.PhilippineEmployee;
import org.openbpo.payroll.domain.philippines.ThirteenthMonthPay;
import org.openbpo.payroll.domain.philippines.YearEnd;
import org.openbpo.shared.error.BusinessRuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openbpo.payroll.PayrollFixtures.amount;
import static org.openbpo.payroll.PayrollFixtures.filipino;
import static org.openbpo.payroll.PayrollFixtures.pay;
import static org.openbpo.payroll.PayrollFixtures.php;
import static org.openbpo.payroll.domain.PayFrequency.BIWEEKLY;
import static org.openbpo.payroll.domain.PayFrequency.DAILY;
import static org.openbpo.payroll.domain.PayFrequency.MONTHLY;
import static org.openbpo.payroll.domain.PayFrequency.SEMIMONTHLY;
import static org.openbpo.payroll.domain.PayFrequency.WEEKLY;

/** Worked examples, computed by hand from reference section 4 (BIR Annex E, SSS, PhilHealth, Pag-IBIG). */
class PayrollPhilippinesTest {

    @Test
    void monthlyEmployee() {
        // SSS: MSC = 5,000 + 500 × floor((25,000 − 4,750) ÷ 500) = 25,000; 5% = 1,250, 10% = 2,500, EC 30.
        // PhilHealth 5% × 25,000 = 1,250 → 625 / 625. Pag-IBIG 2% × 10,000 = 200 / 200.
        // Taxable 25,000 − 2,075 = 22,925; monthly bracket 20,833: 15% × 2,092 = 313.80.
        GrossToNet result = pay("2025", MONTHLY, 1, php("25000.00"), filipino("25000.00"));
        assertThat(amount(result, "WTAX")).isEqualTo("313.80");
        assertThat(amount(result, "SSS_EE")).isEqualTo("1250.00");
        assertThat(amount(result, "PHILHEALTH_EE")).isEqualTo("625.00");
        assertThat(amount(result, "PAGIBIG_EE")).isEqualTo("200.00");
        assertThat(amount(result, "SSS_ER")).isEqualTo("2500.00");
        assertThat(amount(result, "SSS_EC")).isEqualTo("30.00");
        assertThat(amount(result, "PHILHEALTH_ER")).isEqualTo("625.00");
        assertThat(amount(result, "PAGIBIG_ER")).isEqualTo("200.00");
        assertThat(result.net().toPlainString()).isEqualTo("22611.20");
        assertThat(result.line("SSS_EE").workings().steps())
                .containsEntry("regular SS part of the credit", "20000.00")
                .containsEntry("MPF part of the credit (above 20000.00)", "5000.00");
    }

    @Test
    void sssAndPhilHealthCeilings() {
        // MSC capped at 35,000: 1,750 / 3,500; PhilHealth 5% × 50,000 = 2,500 → 1,250 each; Pag-IBIG 200.
        // Taxable 50,000 − 3,200 = 46,800: 1,875 + 20% × (46,800 − 33,333) = 4,568.40.
        GrossToNet result = pay("2025", MONTHLY, 1, php("50000.00"), filipino("50000.00"));
        assertThat(amount(result, "SSS_EE")).isEqualTo("1750.00");
        assertThat(amount(result, "SSS_ER")).isEqualTo("3500.00");
        assertThat(amount(result, "PHILHEALTH_EE")).isEqualTo("1250.00");
        assertThat(amount(result, "WTAX")).isEqualTo("4568.40");
        // PhilHealth ceiling 100,000: premium 5,000.
        assertThat(amount(pay("2025", MONTHLY, 1, php("150000.00"), filipino("150000.00")), "PHILHEALTH_ER")).isEqualTo("2500.00");
    }

    @Test
    void sssCreditBracketsAndEc() {
        // Below 5,250: MSC 5,000, EC 10. 14,749.99 → 14,500 (EC 10); 14,750 → 15,000 (EC 30).
        assertThat(amount(pay("2025", MONTHLY, 1, php("5249.99"), filipino("5249.99")), "SSS_EE")).isEqualTo("250.00");
        assertThat(amount(pay("2025", MONTHLY, 1, php("14749.99"), filipino("14749.99")), "SSS_EC")).isEqualTo("10.00");
        assertThat(amount(pay("2025", MONTHLY, 1, php("14749.99"), filipino("14749.99")), "SSS_EE")).isEqualTo("725.00");
        assertThat(amount(pay("2025", MONTHLY, 1, php("14750.00"), filipino("14750.00")), "SSS_EC")).isEqualTo("30.00");
        assertThat(amount(pay("2025", MONTHLY, 1, php("14750.00"), filipino("14750.00")), "SSS_EE")).isEqualTo("750.00");
    }

    @Test
    void philHealthOddCentavoGoesToTheEmployer() {
        // 5% × 25,123.45 = 1,256.1725 → 1,256.17; employee 628.085 → 628.08; employer 628.09.
        GrossToNet result = pay("2025", MONTHLY, 1, php("25123.45"), filipino("25123.45"));
        assertThat(amount(result, "PHILHEALTH_EE")).isEqualTo("628.08");
        assertThat(amount(result, "PHILHEALTH_ER")).isEqualTo("628.09");
    }

    @Test
    void pagIbigLowRateUpToFifteenHundred() {
        GrossToNet result = pay("2025", MONTHLY, 1, php("1500.00"), filipino("1500.00"));
        assertThat(amount(result, "PAGIBIG_EE")).isEqualTo("15.00");
        assertThat(amount(result, "PAGIBIG_ER")).isEqualTo("30.00");
    }

    @Test
    void semiMonthlyCutOffsCarryHalfEach() {
        // Basic 30,000: SSS 1,500 → 750 a cut-off; PhilHealth 750 → 375; Pag-IBIG 200 → 100. Employee 1,225.
        // Taxable 15,000 − 1,225 = 13,775; semi-monthly bracket 10,417: 15% × 3,358 = 503.70.
        GrossToNet first = pay("2025", SEMIMONTHLY, 1, php("15000.00"), filipino("30000.00"));
        assertThat(amount(first, "SSS_EE")).isEqualTo("750.00");
        assertThat(amount(first, "PHILHEALTH_EE")).isEqualTo("375.00");
        assertThat(amount(first, "PAGIBIG_EE")).isEqualTo("100.00");
        assertThat(amount(first, "WTAX")).isEqualTo("503.70");
        // An odd centavo: PhilHealth employee 628.08 → 314.04 + 314.04; employer 628.09 → 314.04 + 314.05.
        GrossToNet second = pay("2025", SEMIMONTHLY, 2, php("12561.73"), filipino("25123.45"));
        assertThat(amount(second, "PHILHEALTH_ER")).isEqualTo("314.05");
        assertThat(amount(pay("2025", SEMIMONTHLY, 1, php("12561.72"), filipino("25123.45")), "PHILHEALTH_ER")).isEqualTo("314.04");
    }

    @Test
    void minimumWageEarnerIsExemptButContributes() {
        GrossToNet result = pay("2025", DAILY, 40, php("695.00"), filipino("18070.00", true, ContributionShare.NONE));
        assertThat(amount(result, "WTAX")).isEqualTo("0.00");
        assertThat(result.line("WTAX").rule()).contains("Minimum wage earner");
        GrossToNet monthly = pay("2025", MONTHLY, 1, php("18070.00"), filipino("18070.00", true, null));
        assertThat(amount(monthly, "WTAX")).isEqualTo("0.00");
        assertThat(amount(monthly, "SSS_EE")).isEqualTo("900.00");
    }

    @Test
    void dailyAndWeeklyTables() {
        // Daily 1,200, no contributions in this pay: 61.65 + 20% × (1,200 − 1,096) = 82.45.
        assertThat(amount(pay("2025", DAILY, 3, php("1200.00"), filipino("31200.00")), "WTAX")).isEqualTo("82.45");
        // Weekly 8,000: 432.60 + 20% × 308 = 494.20. With the month's contributions (basic 34,000: SSS 1,700,
        // PhilHealth 850, Pag-IBIG 200): taxable 5,250 → 15% × 442 = 66.30.
        assertThat(amount(pay("2025", WEEKLY, 3, php("8000.00"), filipino("34000.00")), "WTAX")).isEqualTo("494.20");
        assertThat(amount(pay("2025", WEEKLY, 4, php("8000.00"), filipino("34000.00", false, ContributionShare.FULL)),
                "WTAX")).isEqualTo("66.30");
    }

    @Test
    void nonTaxableCompensationIsLeftOut() {
        // 25,000 + 5,000 of 13th-month pay: taxable stays 22,925 → 313.80.
        PhilippineEmployee employee = new PhilippineEmployee(php("25000.00"), null, null, false, php("5000.00"), null);
        assertThat(amount(pay("2025", MONTHLY, 12, php("30000.00"), employee), "WTAX")).isEqualTo("313.80");
    }

    @Test
    void the2026PackSaysItIsCarriedForward() {
        GrossToNet result = pay("2026", MONTHLY, 1, php("25000.00"), filipino("25000.00"));
        assertThat(amount(result, "WTAX")).isEqualTo("313.80");
        assertThat(result.line("WTAX").workings().steps()).containsKey("unverified taxYear");
    }

    @Test
    void noBiweeklyTable() {
        assertThatThrownBy(() -> pay("2025", BIWEEKLY, 1, php("1000"), filipino("2000")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.field()).isEqualTo("frequency"));
    }

    private static PhilippineEmployee withBenefits(String benefits, String benefitsToDate, YearEnd yearEnd) {
        return new PhilippineEmployee(php("50000.00"), null, null, false, php("0"), null, php(benefits), php(benefitsToDate),
                yearEnd);
    }

    @Test
    void thirteenthMonthPayIsATwelfthOfTheYearsBasicSalary() {
        // PD 851: 12 × 50,000 = 600,000 earned → 50,000; 303,000.10 → 25,250.0083 → 25,250.01.
        assertThat(ThirteenthMonthPay.of(php("600000.00")).toPlainString()).isEqualTo("50000.00");
        assertThat(ThirteenthMonthPay.of(php("303000.10")).toPlainString()).isEqualTo("25250.01");
    }

    @Test
    void thirteenthMonthPayAndOtherBenefitsAreExemptUpToNinetyThousandAYear() {
        // December: 50,000 salary + 50,000 13th month; contributions 3,200 (as in sssAndPhilHealthCeilings).
        // Within the ₱90,000 ceiling: taxable 100,000 − 3,200 − 50,000 = 46,800 → 4,568.40, as any other month.
        assertThat(amount(pay("2025", MONTHLY, 12, php("100000.00"), withBenefits("50000.00", "0", null)), "WTAX"))
                .isEqualTo("4568.40");
        // 60,000 of benefits paid earlier in the year leave 30,000 of the ceiling: 20,000 is taxable.
        // Taxable 100,000 − 3,200 − 30,000 = 66,800: 8,541.80 + 25% × (66,800 − 66,667) = 8,575.05.
        GrossToNet pastTheCeiling = pay("2025", MONTHLY, 12, php("100000.00"), withBenefits("50000.00", "60000.00", null));
        assertThat(amount(pastTheCeiling, "WTAX")).isEqualTo("8575.05");
        assertThat(pastTheCeiling.line("WTAX").workings().steps())
                .containsEntry("exempt benefits this pay", "30000.00")
                .containsEntry("taxable benefits this pay (above the ceiling)", "20000.00");
        // 100,000 of benefits in one pay: 90,000 exempt; taxable 150,000 − 3,200 − 90,000 = 56,800: 1,875 + 20% × 23,467.
        assertThat(amount(pay("2025", MONTHLY, 12, php("150000.00"), withBenefits("100000.00", "0", null)), "WTAX"))
                .isEqualTo("6568.40");
        assertThatThrownBy(() -> pay("2025", MONTHLY, 12, php("40000.00"), withBenefits("50000.00", "0", null)))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("13th-month");
    }

    @Test
    void theYearsLastPayAdjustsToTheAnnualTax() {
        // Eleven months of 50,000 withheld 11 × 4,568.40 = 50,252.40 on 11 × 46,800 = 514,800 taxable.
        // December (13th month exempt): taxable 46,800, the year's 561,600: 22,500 + 20% × 161,600 = 54,820.00;
        // December withholds 54,820.00 − 50,252.40 = 4,567.60, not the table's 4,568.40.
        GrossToNet december = pay("2025", MONTHLY, 12, php("100000.00"),
                withBenefits("50000.00", "0", new YearEnd(php("514800.00"), php("50252.40"))));
        assertThat(amount(december, "WTAX")).isEqualTo("4567.60");
        assertThat(december.line("WTAX").workings().steps()).containsEntry("tax due for the year (rounded to the centavo, half up)",
                "54820.00");
        // Over-withheld in the year: the difference is refunded.
        assertThat(amount(pay("2025", MONTHLY, 12, php("100000.00"),
                withBenefits("50000.00", "0", new YearEnd(php("514800.00"), php("60000.00")))), "WTAX")).isEqualTo("-5180.00");
        // The annual table's boundaries: 2,000,000 → 402,500; 400,000 → 22,500; 250,000 → nil.
        assertThat(amount(pay("2025", MONTHLY, 12, php("50000.00"),
                withBenefits("0", "0", new YearEnd(php("1953200.00"), php("0")))), "WTAX")).isEqualTo("402500.00");
        assertThat(amount(pay("2025", MONTHLY, 12, php("50000.00"),
                withBenefits("0", "0", new YearEnd(php("353200.00"), php("0")))), "WTAX")).isEqualTo("22500.00");
        assertThat(amount(pay("2026", MONTHLY, 12, php("50000.00"),
                withBenefits("0", "0", new YearEnd(php("203200.00"), php("100.00")))), "WTAX")).isEqualTo("-100.00");
    }
}
