package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.india.IndianEmployee;
import org.openbpo.shared.error.BusinessRuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openbpo.payroll.PayrollFixtures.amount;
import static org.openbpo.payroll.PayrollFixtures.epfMember;
import static org.openbpo.payroll.PayrollFixtures.indian;
import static org.openbpo.payroll.PayrollFixtures.inr;
import static org.openbpo.payroll.PayrollFixtures.pay;
import static org.openbpo.payroll.domain.PayFrequency.MONTHLY;
import static org.openbpo.payroll.domain.PayFrequency.WEEKLY;

/** Worked examples, computed by hand from reference section 3 (new regime TDS, EPF / EPS / EDLI). */
class PayrollIndiaTest {

    private static String tds(int month, String salary, IndianEmployee employee) {
        return amount(pay("2025-26", MONTHLY, month, inr(salary), employee), "TDS");
    }

    @Test
    void fullRebateUpToTwelveLakh() {
        // 12,75,000 − 75,000 = 12,00,000: 5% × 4L + 10% × 4L = 60,000, all rebated u/s 87A.
        GrossToNet result = pay("2025-26", MONTHLY, 1, inr("106250.00"), indian("1275000", "0", "0"));
        assertThat(amount(result, "TDS")).isEqualTo("0.00");
        // EPF on wages up to 15,000 (gross taken as EPF wages): 1,800.
        assertThat(amount(result, "EPF_EE")).isEqualTo("1800.00");
        assertThat(result.net().toPlainString()).isEqualTo("104450.00");
    }

    @Test
    void marginalReliefJustAboveTheRebateLimit() {
        // Income 12,10,000: 60,000 + 15% × 10,000 = 61,500; tax may not exceed 10,000 over the limit; + 4% = 10,400.
        // Month 1: 10,400 ÷ 12 = 866.67 → 867; month 12 takes what is left.
        GrossToNet april = pay("2025-26", MONTHLY, 1, inr("107083.33"), indian("1285000", "0", "0"));
        assertThat(amount(april, "TDS")).isEqualTo("867.00");
        assertThat(april.line("TDS").workings().steps())
                .containsEntry("87A marginal relief (tax − income over the limit, not below 0)", "51500.00")
                .containsEntry("tax for the year, rounded to the nearest rupee, half up", "10400.00");
        assertThat(tds(12, "107083.37", indian("1285000", "1177916.63", "9533"))).isEqualTo("867.00");
    }

    @Test
    void marginalReliefEndsAtTheBreakEven() {
        // Income 12,70,588: 60,000 + 15% × 70,588 = 70,588.20 > 70,588 over the limit → 70,588; + 4% = 73,411.52 → 73,412.
        assertThat(tds(1, "112132.33", indian("1345588", "0", "0"))).isEqualTo("6118.00");
        // Income 12,71,000: 70,650 ≤ 71,000, no relief; + 4% = 73,476; ÷ 12 = 6,123.
        assertThat(tds(1, "112166.67", indian("1346000", "0", "0"))).isEqualTo("6123.00");
    }

    @Test
    void surchargeWithMarginalReliefAtFiftyLakh() {
        // Income 50,50,000: tax 10,95,000; surcharge 10% = 1,09,500; cap = tax on 50L (10,80,000) + 50,000 = 11,30,000;
        // relief 74,500 → 11,30,000; cess 45,200 → 11,75,200; ÷ 12 = 97,933.33 → 97,933.
        GrossToNet result = pay("2025-26", MONTHLY, 1, inr("427083.33"), indian("5125000", "0", "0"));
        assertThat(amount(result, "TDS")).isEqualTo("97933.00");
        assertThat(result.line("TDS").workings().steps()).containsEntry("surcharge marginal relief", "74500.00");
        // Income 52,00,000: tax 11,40,000 + 1,14,000 = 12,54,000 within the cap 12,80,000; + 4% = 13,04,160.
        assertThat(tds(1, "439583.33", indian("5275000", "0", "0"))).isEqualTo("108680.00");
    }

    @Test
    void surchargeWithMarginalReliefAtOneCrore() {
        // Income 1,00,10,000: tax 25,83,000; surcharge 15% = 3,87,450; cap = 25,80,000 × 1.10 + 10,000 = 28,48,000;
        // cess 1,13,920 → 29,61,920; ÷ 12 = 2,46,826.67 → 2,46,827.
        assertThat(tds(1, "840416.67", indian("10085000", "0", "0"))).isEqualTo("246827.00");
    }

    @Test
    void noRebateForANonResident() {
        // Income 10,00,000: 20,000 + 20,000 = 40,000, no rebate; + 4% = 41,600; ÷ 12 = 3,466.67 → 3,467.
        IndianEmployee nonResident = new IndianEmployee(inr("1075000"), inr("0"), inr("0"), null, false, true, false);
        assertThat(tds(1, "89583.33", nonResident)).isEqualTo("3467.00");
    }

    @Test
    void projectsTheYearFromSalaryToDateAndSpreadsWhatIsLeft() {
        // 6,00,000 + 1,00,000 × 6 = 12,00,000 projected: income 11,25,000, all rebated; 40,000 already deducted → 0, never negative.
        assertThat(tds(7, "100000.00", indian(null, "600000", "40000"))).isEqualTo("0.00");
        // 18,00,000: income 17,25,000 → 1,45,000 + 4% = 1,50,800; (1,50,800 − 75,402) ÷ 6 = 12,566.33 → 12,566.
        assertThat(tds(7, "150000.00", indian("1800000", "900000", "75402"))).isEqualTo("12566.00");
    }

    @Test
    void aBonusIsTaxedInTheMonthItIsPaid() {
        // March of 18,00,000 a year with a 3,00,000 bonus: 16,50,000 paid + 4,50,000 this month = 21,00,000;
        // income 20,25,000 → 2,06,250 + 4% = 2,14,500; less 1,38,234 deducted = 76,266 this month.
        assertThat(tds(12, "450000.00", indian("1800000", "1650000", "138234"))).isEqualTo("76266.00");
    }

    @Test
    void someoneWhoJoinsMidYearIsTaxedOnTheMonthsTheyWork() {
        // Joins in October (month 7) on 24,00,000: 2,00,000 now + 2,00,000 × 5 = 12,00,000; income 11,25,000, all rebated.
        assertThat(tds(7, "200000.00", indian("2400000", "0", "0"))).isEqualTo("0.00");
    }

    @Test
    void providentFundOnWagesUpToTheCeiling() {
        // 12% × 15,000 = 1,800; EPS 8.33% × 15,000 = 1,249.50 → 1,250; employer EPF 1,800 − 1,250 = 550; EDLI 75.
        GrossToNet result = pay("2025-26", MONTHLY, 1, inr("20000.00"), epfMember("20000", false, true));
        assertThat(amount(result, "EPF_EE")).isEqualTo("1800.00");
        assertThat(amount(result, "EPS_ER")).isEqualTo("1250.00");
        assertThat(amount(result, "EPF_ER")).isEqualTo("550.00");
        assertThat(amount(result, "EDLI_ER")).isEqualTo("75.00");
    }

    @Test
    void providentFundOnActualWages() {
        GrossToNet result = pay("2025-26", MONTHLY, 1, inr("20000.00"), epfMember("20000", true, true));
        assertThat(amount(result, "EPF_EE")).isEqualTo("2400.00");
        assertThat(amount(result, "EPF_ER")).isEqualTo("1150.00");
        assertThat(amount(result, "EPS_ER")).isEqualTo("1250.00");
        GrossToNet notPensionMember = pay("2025-26", MONTHLY, 1, inr("20000.00"), epfMember("20000", true, false));
        assertThat(amount(notPensionMember, "EPS_ER")).isEqualTo("0.00");
        assertThat(amount(notPensionMember, "EPF_ER")).isEqualTo("2400.00");
    }

    @Test
    void providentFundBelowTheCeilingRoundsToTheRupee() {
        // 12% × 12,345 = 1,481.40 → 1,481; EPS 1,028.3385 → 1,028; employer EPF 453; EDLI 61.725 → 62.
        GrossToNet result = pay("2025-26", MONTHLY, 1, inr("12345.00"), epfMember("12345", false, true));
        assertThat(amount(result, "EPF_EE")).isEqualTo("1481.00");
        assertThat(amount(result, "EPS_ER")).isEqualTo("1028.00");
        assertThat(amount(result, "EPF_ER")).isEqualTo("453.00");
        assertThat(amount(result, "EDLI_ER")).isEqualTo("62.00");
    }

    @Test
    void monthlyOnly() {
        assertThatThrownBy(() -> pay("2025-26", WEEKLY, 1, inr("1000"), indian(null, "0", "0")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.field()).isEqualTo("frequency"));
        assertThatThrownBy(() -> pay("2026-27", MONTHLY, 1, inr("1000"), indian(null, "0", "0")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.field()).isEqualTo("taxYear"));
    }
}
