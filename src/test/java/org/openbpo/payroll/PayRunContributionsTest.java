package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.EmployeeData;
import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PayBasis;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.PayRequest;
import org.openbpo.payroll.domain.PaySchedule;
import org.openbpo.payroll.domain.TaxProfile;
import org.openbpo.payroll.domain.ToDate;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.payroll.PayrollFixtures.ENGINE;
import static org.openbpo.payroll.PayrollFixtures.amount;
import static org.openbpo.payroll.PayrollFixtures.inr;
import static org.openbpo.payroll.PayrollFixtures.php;

/**
 * A month's statutory contributions are charged once in a pay run, whichever pay frequency: the
 * last weekly pay of a Philippine month carries SSS, PhilHealth and Pag-IBIG (reference 4.2), and
 * an off-cycle pay (a bonus) charges neither them nor Indian EPF again.
 */
class PayRunContributionsTest {

    private static final EmployeeData FILIPINO = employee(Country.PH, "32000", Map.of("basicMonthly", "34000"));
    private static final EmployeeData INDIAN = employee(Country.IN, "300000", Map.of("epfWages", "15000"));

    @Test
    void theLastWeeklyPayOfAPhilippineMonthCarriesTheMonthsContributions() {
        // Weekly pay dates 7, 14, 21 and 28 January 2026; the next falls in February, so the 28th carries January.
        for (int week = 1; week <= 3; week++) {
            GrossToNet early = payWeekly(week, LocalDate.of(2026, 1, 7 * week), false);
            assertThat(early.employee()).filteredOn(line -> !line.code().equals("WTAX"))
                    .allSatisfy(line -> assertThat(line.amount().isPositive()).as(line.code()).isFalse());
            // 8,000 with nothing taken off: 432.60 + 20% × 308 = 494.20.
            assertThat(amount(early, "WTAX")).isEqualTo("494.20");
        }
        GrossToNet last = payWeekly(4, LocalDate.of(2026, 1, 28), false);
        // Basic 34,000: SSS 1,700, PhilHealth 850, Pag-IBIG 200; taxable 5,250 → 15% × 442 = 66.30.
        assertThat(amount(last, "SSS_EE")).isEqualTo("1700.00");
        assertThat(amount(last, "PHILHEALTH_EE")).isEqualTo("850.00");
        assertThat(amount(last, "PAGIBIG_EE")).isEqualTo("200.00");
        assertThat(amount(last, "WTAX")).isEqualTo("66.30");
    }

    @Test
    void anOffCyclePayChargesNoMonthsContributionsAgain() {
        GrossToNet bonus = payWeekly(4, LocalDate.of(2026, 1, 28), true);
        assertThat(bonus.employee()).filteredOn(line -> !line.code().equals("WTAX"))
                .allSatisfy(line -> assertThat(line.amount().isPositive()).as(line.code()).isFalse());
        assertThat(bonus.employer()).allSatisfy(line -> assertThat(line.amount().isPositive()).as(line.code()).isFalse());

        PaySchedule.Period march = new PaySchedule.Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 25), "2025-26", 12, PayFrequency.MONTHLY);
        Money pay = inr("100000.00");
        GrossToNet regular = ENGINE.calculate(new PayRequest("2025-26", march.taxPeriod(), pay,
                TaxProfile.details(INDIAN, march, pay, ToDate.none(inr("0").currency()), false)));
        assertThat(amount(regular, "EPF_EE")).isEqualTo("1800.00");
        GrossToNet offCycle = ENGINE.calculate(new PayRequest("2025-26", march.taxPeriod(), pay,
                TaxProfile.details(INDIAN, march, pay, ToDate.none(inr("0").currency()), true)));
        assertThat(amount(offCycle, "EPF_EE")).isEqualTo("0.00");
        assertThat(offCycle.employer()).allSatisfy(line -> assertThat(line.amount().isPositive()).as(line.code()).isFalse());
    }

    @Test
    void theYearsLastPhilippinePayMakesTheYearEndAdjustment() {
        EmployeeData filipino = employee(Country.PH, "600000", Map.of("basicMonthly", "50000"));
        Money gross = php("50000.00");
        // Eleven months of 50,000: contributions 11 × 3,200 = 35,200, tax 11 × 4,568.40 = 50,252.40.
        ToDate elevenMonths = new ToDate(php("550000.00"), php("50252.40"), php("35200.00"), php("0"), php("0"));
        PaySchedule.Period november = new PaySchedule.Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 25), "2026", 11, PayFrequency.MONTHLY);
        assertThat(amount(ENGINE.calculate(new PayRequest("2026", november.taxPeriod(), gross,
                TaxProfile.details(filipino, november, gross, elevenMonths, false))), "WTAX")).isEqualTo("4568.40");
        // December, the year's last pay: 22,500 + 20% × (514,800 + 46,800 − 400,000) = 54,820.00, less 50,252.40.
        PaySchedule.Period december = new PaySchedule.Period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 25), "2026", 12, PayFrequency.MONTHLY);
        assertThat(amount(ENGINE.calculate(new PayRequest("2026", december.taxPeriod(), gross,
                TaxProfile.details(filipino, december, gross, elevenMonths, false))), "WTAX")).isEqualTo("4567.60");
    }

    private static GrossToNet payWeekly(int week, LocalDate payDate, boolean offCycle) {
        PaySchedule.Period period = new PaySchedule.Period(payDate.minusDays(6), payDate, payDate, payDate.minusDays(2), "2026", week,
                PayFrequency.WEEKLY);
        Money gross = php("8000.00");
        return ENGINE.calculate(new PayRequest("2026", period.taxPeriod(), gross,
                TaxProfile.details(FILIPINO, period, gross, ToDate.none(gross.currency()), offCycle)));
    }

    private static EmployeeData employee(Country country, String annual, Map<String, String> tax) {
        return new EmployeeData("E-1", "Ana", "Reyes", null, country, country.name(), "WEEKLY", LocalDate.of(2024, 1, 1), null,
                PayBasis.SALARY, new BigDecimal(annual), null, null, null, tax, null);
    }
}
