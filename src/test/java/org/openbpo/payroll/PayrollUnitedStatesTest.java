package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.unitedstates.FilingStatus;
import org.openbpo.payroll.domain.unitedstates.FormW4;
import org.openbpo.shared.error.BusinessRuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openbpo.payroll.PayrollFixtures.american;
import static org.openbpo.payroll.PayrollFixtures.amount;
import static org.openbpo.payroll.PayrollFixtures.pay;
import static org.openbpo.payroll.PayrollFixtures.usd;
import static org.openbpo.payroll.PayrollFixtures.w4;
import static org.openbpo.payroll.domain.PayFrequency.BIWEEKLY;
import static org.openbpo.payroll.domain.PayFrequency.FOUR_WEEKLY;
import static org.openbpo.payroll.domain.PayFrequency.MONTHLY;
import static org.openbpo.payroll.domain.PayFrequency.SEMIMONTHLY;
import static org.openbpo.payroll.domain.PayFrequency.WEEKLY;

/** Worked examples, computed by hand from reference section 1 (Pub 15-T Worksheet 1A, FICA, FUTA). */
class PayrollUnitedStatesTest {

    @Test
    void singleBiweeklyStandardTable() {
        // 1c = 2,000 × 26 = 52,000; 1i = 52,000 − 8,600 = 43,400; row 19,900: 1,240 + 12% × 23,500 = 4,060;
        // 2g = 4,060 ÷ 26 = 156.1538… → 156.15.
        GrossToNet result = pay("2026", BIWEEKLY, 5, usd("2000.00"), american(w4(FilingStatus.SINGLE), "8000.00"));
        assertThat(amount(result, "FIT")).isEqualTo("156.15");
        assertThat(amount(result, "SS")).isEqualTo("124.00");
        assertThat(amount(result, "MEDICARE")).isEqualTo("29.00");
        assertThat(amount(result, "ADDL_MEDICARE")).isEqualTo("0.00");
        assertThat(amount(result, "SS_ER")).isEqualTo("124.00");
        assertThat(amount(result, "MEDICARE_ER")).isEqualTo("29.00");
        // FUTA: 7,000 − 8,000 to date leaves nothing of the base.
        assertThat(amount(result, "FUTA")).isEqualTo("0.00");
        assertThat(result.net().toPlainString()).isEqualTo("1690.85");
        assertThat(result.line("FIT").workings().steps())
                .containsEntry("1i adjusted annual wage (1e − 1h, not below 0)", "43400.00")
                .containsEntry("2f annual tentative withholding (2b + 2e)", "4060.00")
                .containsEntry("2g tentative withholding per period (2f ÷ 1b)", "156.153846…");
        assertThat(result.line("FIT").rule()).contains("STANDARD SINGLE row 19900.00 under 57900.00");
    }

    @Test
    void marriedMonthlyWithStep2CreditsAndExtraWithholding() {
        // Step 2 checked: 1g = 0; 1i = 120,000; checkbox MFJ row 66,500: 5,800 + 22% × 53,500 = 17,570;
        // 2g = 1,464.1666…, 3b = 4,400 ÷ 12 = 366.6666…, 3c = 1,097.50; 4b = 1,097.50 + 50 = 1,147.50.
        FormW4 w4 = new FormW4(FilingStatus.MFJ, true, usd("4400"), usd("0"), usd("0"), usd("50"));
        GrossToNet result = pay("2026", MONTHLY, 3, usd("10000.00"), american(w4, "20000.00"));
        assertThat(amount(result, "FIT")).isEqualTo("1147.50");
        assertThat(amount(result, "SS")).isEqualTo("620.00");
        assertThat(amount(result, "MEDICARE")).isEqualTo("145.00");
    }

    @Test
    void halfACentIsRoundedUp() {
        // 2,558 × 26 = 66,508 + Step 4(a) 9.50 = 66,517.50; − 8,600 = 57,917.50; row 57,900: 5,800 + 22% × 17.50
        // = 5,803.85; ÷ 26 = 223.225 exactly: half up gives 223.23 (banker's rounding would give 223.22).
        FormW4 w4 = new FormW4(FilingStatus.SINGLE, false, usd("0"), usd("9.50"), usd("0"), usd("0"));
        GrossToNet result = pay("2026", BIWEEKLY, 1, usd("2558.00"), american(w4, "0"));
        assertThat(result.line("FIT").workings().steps()).containsEntry("4b (3c + 4a)", "223.225");
        assertThat(amount(result, "FIT")).isEqualTo("223.23");
    }

    @Test
    void socialSecurityStopsAtTheWageBaseCrossedMidYear() {
        // 184,500 − 180,000 = 4,500 left of the base: 6.2% × 4,500 = 279.00; the next pay owes none.
        GrossToNet crossing = pay("2026", SEMIMONTHLY, 18, usd("10000.00"), american(w4(FilingStatus.SINGLE), "180000.00"));
        assertThat(amount(crossing, "SS")).isEqualTo("279.00");
        assertThat(amount(crossing, "SS_ER")).isEqualTo("279.00");
        assertThat(crossing.line("SS").base().toPlainString()).isEqualTo("4500.00");
        // 1i = 240,000 − 8,600 = 231,400; row 209,275: 41,024 + 32% × 22,125 = 48,104; ÷ 24 = 2,004.333… → 2,004.33.
        assertThat(amount(crossing, "FIT")).isEqualTo("2004.33");
        GrossToNet after = pay("2026", SEMIMONTHLY, 19, usd("10000.00"), american(w4(FilingStatus.SINGLE), "190000.00"));
        assertThat(amount(after, "SS")).isEqualTo("0.00");
        assertThat(amount(after, "MEDICARE")).isEqualTo("145.00");
    }

    @Test
    void additionalMedicareOnlyOnWagesOverTwoHundredThousand() {
        // 195,000 + 10,000 = 205,000: 5,000 over the threshold at 0.9% = 45.00; no employer match.
        GrossToNet crossing = pay("2026", SEMIMONTHLY, 20, usd("10000.00"), american(w4(FilingStatus.MFJ), "195000.00"));
        assertThat(amount(crossing, "ADDL_MEDICARE")).isEqualTo("45.00");
        assertThat(crossing.employer()).extracting(line -> line.code()).doesNotContain("ADDL_MEDICARE_ER");
        GrossToNet beyond = pay("2026", SEMIMONTHLY, 21, usd("10000.00"), american(w4(FilingStatus.MFJ), "205000.00"));
        assertThat(amount(beyond, "ADDL_MEDICARE")).isEqualTo("90.00");
    }

    @Test
    void futaOnTheFirstSevenThousand() {
        // 7,000 − 6,000 = 1,000 left; 0.6% × 1,000 = 6.00.
        GrossToNet result = pay("2026", WEEKLY, 10, usd("2000.00"), american(w4(FilingStatus.SINGLE), "6000.00"));
        assertThat(amount(result, "FUTA")).isEqualTo("6.00");
        assertThat(result.line("FUTA").base().toPlainString()).isEqualTo("1000.00");
    }

    @Test
    void lowWagesWithholdNothingAndCreditsNeverMakeTaxNegative() {
        assertThat(amount(pay("2026", MONTHLY, 1, usd("500.00"), american(w4(FilingStatus.SINGLE), "0")), "FIT")).isEqualTo("0.00");
        // Credits larger than the tentative amount: 3c = 0, leaving only the Step 4(c) extra 25.00.
        FormW4 w4 = new FormW4(FilingStatus.HOH, false, usd("8000"), usd("0"), usd("0"), usd("25"));
        assertThat(amount(pay("2026", WEEKLY, 1, usd("900.00"), american(w4, "0")), "FIT")).isEqualTo("25.00");
    }

    @Test
    void headOfHouseholdWeeklyIn2025() {
        // 2025: 1i = 800 × 52 − 8,600 = 33,000; HOH row 30,900: 1,700 + 12% × 2,100 = 1,952; ÷ 52 = 37.538… → 37.54.
        GrossToNet result = pay("2025", WEEKLY, 30, usd("800.00"), american(w4(FilingStatus.HOH), "0"));
        assertThat(amount(result, "FIT")).isEqualTo("37.54");
        assertThat(amount(result, "SS")).isEqualTo("49.60");
        assertThat(amount(result, "MEDICARE")).isEqualTo("11.60");
    }

    @Test
    void deductionsOfStep4bLowerTheAnnualWage() {
        // 1c = 1,500 × 24 = 36,000; 1h = 4,000 + 8,600; 1i = 23,400; row 19,900: 1,240 + 12% × 3,500 = 1,660; ÷ 24 = 69.1666… → 69.17.
        FormW4 w4 = new FormW4(FilingStatus.SINGLE, false, usd("0"), usd("0"), usd("4000"), usd("0"));
        assertThat(amount(pay("2026", SEMIMONTHLY, 2, usd("1500.00"), american(w4, "0")), "FIT")).isEqualTo("69.17");
    }

    @Test
    void refusesImpossibleFormsAndFrequencies() {
        assertThatThrownBy(() -> new FormW4(FilingStatus.SINGLE, false, usd("-1"), usd("0"), usd("0"), usd("0")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.field()).isEqualTo("employee.step3"));
        assertThatThrownBy(() -> pay("2026", FOUR_WEEKLY, 1, usd("100"), american(w4(FilingStatus.SINGLE), "0")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.field()).isEqualTo("frequency"));
        assertThatThrownBy(() -> pay("2026", MONTHLY, 13, usd("100"), american(w4(FilingStatus.SINGLE), "0")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.field()).isEqualTo("period"));
        assertThatThrownBy(() -> pay("2024", MONTHLY, 1, usd("100"), american(w4(FilingStatus.SINGLE), "0")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.field()).isEqualTo("taxYear"));
    }
}
