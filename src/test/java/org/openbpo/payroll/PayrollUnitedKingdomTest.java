package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.RulePacks;
import org.openbpo.payroll.domain.unitedkingdom.EmploymentAllowance;
import org.openbpo.payroll.domain.unitedkingdom.UnitedKingdomRulePack;
import org.openbpo.shared.money.Money;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.unitedkingdom.UnitedKingdomEmployee;
import org.openbpo.shared.error.BusinessRuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openbpo.payroll.PayrollFixtures.amount;
import static org.openbpo.payroll.PayrollFixtures.briton;
import static org.openbpo.payroll.PayrollFixtures.director;
import static org.openbpo.payroll.PayrollFixtures.gbp;
import static org.openbpo.payroll.PayrollFixtures.pay;
import static org.openbpo.payroll.domain.PayFrequency.BIWEEKLY;
import static org.openbpo.payroll.domain.PayFrequency.DAILY;
import static org.openbpo.payroll.domain.PayFrequency.FOUR_WEEKLY;
import static org.openbpo.payroll.domain.PayFrequency.MONTHLY;
import static org.openbpo.payroll.domain.PayFrequency.WEEKLY;

/** Worked examples, computed by hand from reference section 2 (PAYE tax table routine, Class 1 NICs). */
class PayrollUnitedKingdomTest {

    private static String paye(String year, PayFrequency frequency, int period, String pay, UnitedKingdomEmployee employee) {
        return amount(pay(year, frequency, period, gbp(pay), employee), "PAYE");
    }

    @Test
    void standardCodeFirstMonth() {
        // Free pay 1257 monthly: q = 2, r = 257, 2,579 ÷ 12 = 214.9166 → 214.92 + 2 × 416.67 = 1,048.26.
        // Un = 3,000 − 1,048.26 = 1,951.74 ≤ v(2) = 3,142 → 20%; Tn = 1,951; Ln = 390.20.
        GrossToNet result = pay("2025-26", MONTHLY, 1, gbp("3000.00"), briton("1257L", "A"));
        assertThat(amount(result, "PAYE")).isEqualTo("390.20");
        // NI A monthly: (3,000 − 1,048) × 8% = 156.16; employer (3,000 − 417) × 15% = 387.45.
        assertThat(amount(result, "NI_EE")).isEqualTo("156.16");
        assertThat(amount(result, "NI_ER")).isEqualTo("387.45");
        assertThat(result.net().toPlainString()).isEqualTo("2453.64");
        assertThat(result.line("PAYE").workings().steps())
                .containsEntry("period 1 adjustment (+ q × 416.67)", "1048.26")
                .containsEntry("Un taxable pay to date (Pn − free pay)", "1951.74");
    }

    @Test
    void cumulativeMonthSix() {
        // Tax to date after five months: floor(5 × 1,951.74) × 20% = 9,758 × 20% = 1,951.60.
        // Month 6: Un = 18,000 − 6 × 1,048.26 = 11,710.44; Ln = 11,710 × 20% = 2,342.00; this month 390.40.
        assertThat(paye("2025-26", MONTHLY, 6, "3000.00", briton("1257L", "A", "15000.00", "1951.60"))).isEqualTo("390.40");
    }

    @Test
    void cumulativeRefundWhenPayFalls() {
        // Month 2: Pn = 3,500, free pay 2,096.52, Un = 1,403.48 → Ln = 280.60; paid 390.20 → refund 109.60.
        assertThat(paye("2025-26", MONTHLY, 2, "500.00", briton("1257L", "A", "3000.00", "390.20"))).isEqualTo("-109.60");
    }

    @Test
    void monthOneBasisIgnoresTheYearToDate() {
        assertThat(paye("2025-26", MONTHLY, 7, "3000.00", briton("1257L M1", "A", "18000.00", "2342.00"))).isEqualTo("390.20");
        // Weekly W1: free pay 1257 weekly = 49.60 + 2 × 96.16 = 241.92; Un = 758.08 > v(2) = 37,700 ÷ 52 = 725 → 40%;
        // k(2) = 7,540 ÷ 52 = 145.00; Ln = 145.00 + (758 − 725) × 40% = 158.20.
        assertThat(paye("2025-26", WEEKLY, 30, "1000.00", briton("1257L W1", "A", "29000.00", "4500.00"))).isEqualTo("158.20");
        assertThat(paye("2025-26", WEEKLY, 30, "700.00", briton("1257L W1", "A", "29000.00", "4500.00"))).isEqualTo("91.60");
    }

    @Test
    void weekFiftyThreeIsAlwaysNonCumulative() {
        // As week 1: Un = 700 − 241.92 = 458.08 → 458 × 20% = 91.60, whatever the year to date.
        assertThat(paye("2025-26", WEEKLY, 53, "700.00", briton("1257L", "A", "36400.00", "4763.20"))).isEqualTo("91.60");
        // Fortnightly 27 is week 54: as week 2, Un = 1,400 − 483.84 = 916.16 ≤ v(2) = 1,450 → 916 × 20% = 183.20.
        assertThat(paye("2025-26", BIWEEKLY, 27, "1400.00", briton("1257L", "A", "36400.00", "4763.20"))).isEqualTo("183.20");
    }

    @Test
    void kCodeAddsPay() {
        // K500 monthly: r = 500, 5,009 ÷ 12 = 417.4166 → 417.42; Un = 1,417.42 → 1,417 × 20% = 283.40.
        assertThat(paye("2025-26", MONTHLY, 1, "1000.00", briton("K500", "A"))).isEqualTo("283.40");
        // K475 weekly: 4,759 ÷ 52 = 91.5192 → 91.52; Un = 291.52 → 291 × 20% = 58.20.
        assertThat(paye("2025-26", WEEKLY, 1, "200.00", briton("K475", "A"))).isEqualTo("58.20");
    }

    @Test
    void kCodeIsCappedAtHalfThePay() {
        // K1000 monthly: q = 1, r = 500: 417.42 + 416.67 = 834.09; Un = 1,134.09 → 226.80; limit 50% × 300 = 150.00.
        GrossToNet result = pay("2025-26", MONTHLY, 1, gbp("300.00"), briton("K1000", "A"));
        assertThat(amount(result, "PAYE")).isEqualTo("150.00");
        assertThat(result.line("PAYE").workings().steps()).containsEntry("Ln tax due to date", "226.80")
                .containsEntry("limit applied", "yes; the tax to date catches up with the shortfall in later periods (cumulative)");
    }

    @Test
    void scottishCodeUsesScottishBands() {
        // S1257L 2025-26 month 1: Un = 3,951.74; v(3) = 2,591 < Un ≤ v(4) = 5,203 → 42%;
        // k(3) = (2,827 × 19% + 12,094 × 20% + 16,171 × 21%) ÷ 12 = 6,351.84 ÷ 12 = 529.32;
        // Ln = 529.32 + (3,951 − 2,591) × 42% = 1,100.52.
        assertThat(paye("2025-26", MONTHLY, 1, "5000.00", briton("S1257L", "A"))).isEqualTo("1100.52");
        // 2026-27 bands: v(1) = 331 < Un = 951.74 ≤ v(2) = 1,413 → 20%; k(1) = 753.73 ÷ 12 = 62.8108 (4 d.p.);
        // c(1) = 3,967 ÷ 12 = 330.5833; Ln = 62.8108 + (951 − 330.5833) × 20% = 186.89414 → 186.89.
        assertThat(paye("2026-27", MONTHLY, 1, "2000.00", briton("S1257L", "A"))).isEqualTo("186.89");
    }

    @Test
    void welshCodeUsesTheRestOfUkRates() {
        assertThat(paye("2025-26", MONTHLY, 1, "3000.00", briton("C1257L", "A"))).isEqualTo("390.20");
    }

    @Test
    void flatRateCodes() {
        // BR: floor£(1,234.56) × 20% = 246.80; D0 40%, D1 45%; Scottish SD1 42%, SD3 48%.
        assertThat(paye("2025-26", MONTHLY, 1, "1234.56", briton("BR", "A"))).isEqualTo("246.80");
        assertThat(paye("2025-26", MONTHLY, 1, "2000.00", briton("D0", "A"))).isEqualTo("800.00");
        assertThat(paye("2025-26", MONTHLY, 1, "2000.00", briton("D1", "A"))).isEqualTo("900.00");
        assertThat(paye("2025-26", MONTHLY, 1, "2000.00", briton("SD1", "A"))).isEqualTo("840.00");
        assertThat(paye("2025-26", MONTHLY, 1, "2000.00", briton("SD3", "A"))).isEqualTo("960.00");
        assertThat(paye("2025-26", MONTHLY, 1, "2000.00", briton("NT", "A"))).isEqualTo("0.00");
        // 0T: no free pay, bands still apply: 1,000 × 20%.
        assertThat(paye("2025-26", MONTHLY, 1, "1000.00", briton("0T", "A"))).isEqualTo("200.00");
        // Cumulative BR in month 3: floor£(3,000) × 20% − 400 paid = 200.
        assertThat(paye("2025-26", MONTHLY, 3, "1000.00", briton("BR", "A", "2000.00", "400.00"))).isEqualTo("200.00");
    }

    @Test
    void fortnightlyUsesWeeklyTablesAtTaxWeekTwoN() {
        // Fortnight 1 = week 2: free pay 241.92 × 2 = 483.84; Un = 1,516.16; v(2) = ceil(37,700 × 2 ÷ 52) = 1,450
        // < Un → 40% band: c(2) = 1,450.0000, k(2) = 7,540 × 2 ÷ 52 = 290.0000; Ln = 290 + (1,516 − 1,450) × 40% = 316.40.
        assertThat(paye("2025-26", BIWEEKLY, 1, "2000.00", briton("1257L", "A"))).isEqualTo("316.40");
    }

    @Test
    void niCategoriesWithTheirThresholds() {
        // M monthly 5,000: (4,189 − 1,048) × 8% + (5,000 − 4,189) × 2% = 251.28 + 16.22; employer (5,000 − 4,189) × 15%.
        GrossToNet m = pay("2025-26", MONTHLY, 1, gbp("5000.00"), briton("1257L", "M"));
        assertThat(amount(m, "NI_EE")).isEqualTo("267.50");
        assertThat(amount(m, "NI_ER")).isEqualTo("121.65");
        assertThat(amount(pay("2025-26", MONTHLY, 1, gbp("3000.00"), briton("1257L", "M")), "NI_ER")).isEqualTo("0.00");
        assertThat(amount(pay("2025-26", MONTHLY, 1, gbp("5000.00"), briton("1257L", "H")), "NI_ER")).isEqualTo("121.65");
        // Z: 2% on everything above PT: 3,952 × 2% = 79.04.
        GrossToNet z = pay("2025-26", MONTHLY, 1, gbp("5000.00"), briton("1257L", "Z"));
        assertThat(amount(z, "NI_EE")).isEqualTo("79.04");
        assertThat(amount(z, "NI_ER")).isEqualTo("121.65");
        // C: no employee NICs; employer from ST.
        GrossToNet c = pay("2025-26", MONTHLY, 1, gbp("5000.00"), briton("1257L", "C"));
        assertThat(amount(c, "NI_EE")).isEqualTo("0.00");
        assertThat(amount(c, "NI_ER")).isEqualTo("687.45");
        // B: 3,141 × 1.85% + 811 × 2% = 58.1085 + 16.22 = 74.3285 → 74.33.
        assertThat(amount(pay("2025-26", MONTHLY, 1, gbp("5000.00"), briton("1257L", "B")), "NI_EE")).isEqualTo("74.33");
        // F (freeport): employer 0% to FUST 2,083: (3,000 − 2,083) × 15% = 137.55.
        assertThat(amount(pay("2025-26", MONTHLY, 1, gbp("3000.00"), briton("1257L", "F")), "NI_ER")).isEqualTo("137.55");
        assertThat(amount(pay("2025-26", MONTHLY, 1, gbp("3000.00"), briton("1257L", "N")), "NI_ER")).isEqualTo("137.55");
    }

    @Test
    void aHalfPennyOfNicsIsDisregarded() {
        // Employer: (1,000.10 − 417) × 15% = 87.465 → 87.46 (half a penny or less disregarded).
        assertThat(amount(pay("2025-26", MONTHLY, 1, gbp("1000.10"), briton("1257L", "A")), "NI_ER")).isEqualTo("87.46");
    }

    @Test
    void fortnightlyAndFourWeeklyNicThresholdsAreWeeklyMultiples() {
        // Fortnightly: PT 484, ST 192: (1,000 − 484) × 8% = 41.28; (1,000 − 192) × 15% = 121.20.
        GrossToNet fortnight = pay("2025-26", BIWEEKLY, 3, gbp("1000.00"), briton("1257L", "A"));
        assertThat(amount(fortnight, "NI_EE")).isEqualTo("41.28");
        assertThat(amount(fortnight, "NI_ER")).isEqualTo("121.20");
        // Four-weekly: PT 968, ST 384: (2,000 − 968) × 8% = 82.56; (2,000 − 384) × 15% = 242.40.
        GrossToNet fourWeeks = pay("2025-26", FOUR_WEEKLY, 2, gbp("2000.00"), briton("1257L", "A"));
        assertThat(amount(fourWeeks, "NI_EE")).isEqualTo("82.56");
        assertThat(amount(fourWeeks, "NI_ER")).isEqualTo("242.40");
        assertThat(fourWeeks.line("NI_EE").workings().steps()).containsKey("unverified ni.period.FOUR_WEEKLY");
    }

    @Test
    void directorsUseTheAnnualEarningsPeriod() {
        // 20,000 + 10,000 = 30,000 for the year so far: (30,000 − 12,570) × 8% = 1,394.40 − 594.40 paid = 800.00;
        // employer (30,000 − 5,000) × 15% = 3,750 − 2,250 paid = 1,500.00.
        GrossToNet result = pay("2025-26", MONTHLY, 3, gbp("10000.00"), director("A", "20000.00", "594.40", "2250.00"));
        assertThat(amount(result, "NI_EE")).isEqualTo("800.00");
        assertThat(amount(result, "NI_ER")).isEqualTo("1500.00");
    }

    @Test
    void refusesUnknownCategoriesCodesAndFrequencies() {
        assertThatThrownBy(() -> pay("2025-26", MONTHLY, 1, gbp("1000"), briton("1257L", "Q")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.field()).isEqualTo("employee.niCategory"));
        assertThatThrownBy(() -> pay("2025-26", MONTHLY, 1, gbp("1000"), briton("D2", "A")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.field()).isEqualTo("employee.taxCode"));
        assertThatThrownBy(() -> pay("2025-26", DAILY, 1, gbp("1000"), briton("1257L", "A")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.field()).isEqualTo("frequency"));
        assertThatThrownBy(() -> pay("2025-26", WEEKLY, 54, gbp("1000"), briton("1257L", "A")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.field()).isEqualTo("period"));
    }

    @Test
    void employmentAllowanceTakesTheYearsFirst10500OfEmployerNics() {
        for (String year : new String[]{"2025-26", "2026-27"}) {
            var pack = (UnitedKingdomRulePack) RulePacks.shipped().find(Country.GB, year);
            assertThat(pack.employmentAllowance().yearly()).as(year).isEqualTo(gbp("10500.00"));
        }
        EmploymentAllowance allowance = ((UnitedKingdomRulePack) RulePacks.shipped().find(Country.GB, "2026-27"))
                .employmentAllowance();
        // A month's employer NICs of 387.45 (3,000 at category A): all of it within the allowance.
        Money employerNics = gbp(amount(pay("2026-27", MONTHLY, 1, gbp("3000.00"), briton("1257L", "A")), "NI_ER"));
        EmploymentAllowance.Claim first = allowance.claim(employerNics, gbp("0"));
        assertThat(first.claimed()).isEqualTo(gbp("387.45"));
        assertThat(first.payable()).isEqualTo(gbp("0.00"));
        assertThat(first.remaining()).isEqualTo(gbp("10112.55"));
        // 9,000 claimed earlier in the year: 1,500 of this month's 2,500 is claimed, 1,000 is paid.
        EmploymentAllowance.Claim last = allowance.claim(gbp("2500.00"), gbp("9000.00"));
        assertThat(last.claimed()).isEqualTo(gbp("1500.00"));
        assertThat(last.payable()).isEqualTo(gbp("1000.00"));
        assertThat(last.remaining()).isEqualTo(gbp("0.00"));
        // Used up: the employer pays its NICs in full.
        EmploymentAllowance.Claim usedUp = allowance.claim(gbp("2500.00"), gbp("10500.00"));
        assertThat(usedUp.claimed()).isEqualTo(gbp("0.00"));
        assertThat(usedUp.payable()).isEqualTo(gbp("2500.00"));
    }
}
