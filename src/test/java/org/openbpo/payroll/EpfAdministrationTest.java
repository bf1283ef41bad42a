package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.RulePacks;
import org.openbpo.payroll.domain.india.EpfAdministration;
import org.openbpo.payroll.domain.india.IndiaRulePack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.payroll.PayrollFixtures.inr;

/**
 * EPF administration charges (reference 3.1), worked by hand: 0.50% of the month's EPF wages, at least 500 a
 * month per establishment, 75 in a month without EPF wages; rounded to the rupee, half up, before the minimum.
 */
class EpfAdministrationTest {

    private final EpfAdministration charges = ((IndiaRulePack) RulePacks.shipped().find(Country.IN, "2025-26")).epfAdministration();

    @Test
    void halfAPercentOfTheMonthsEpfWages() {
        // 20 employees at the 15,000 ceiling: 3,00,000 × 0.50% = 1,500.
        assertThat(charges.charge(inr("300000.00")).amount()).isEqualByComparingTo("1500");
        // 1,23,457 × 0.50% = 617.285 → 617; 1,23,500 × 0.50% = 617.50 → 618 (half up).
        assertThat(charges.charge(inr("123457.00")).amount()).isEqualByComparingTo("617");
        assertThat(charges.charge(inr("123500.00")).amount()).isEqualByComparingTo("618");
    }

    @Test
    void atLeastFiveHundredAMonthAndSeventyFiveWithoutEpfWages() {
        // 1,00,000 × 0.50% = 500, the minimum itself; 45,000 × 0.50% = 225 → 500; 99,999 → 499.995 → 500.
        assertThat(charges.charge(inr("100000.00")).amount()).isEqualByComparingTo("500");
        assertThat(charges.charge(inr("45000.00")).amount()).isEqualByComparingTo("500");
        assertThat(charges.charge(inr("99999.00")).amount()).isEqualByComparingTo("500");
        // 1,00,100 × 0.50% = 500.50 → 501, above the minimum.
        assertThat(charges.charge(inr("100100.00")).amount()).isEqualByComparingTo("501");
        assertThat(charges.charge(inr("0.00")).amount()).as("a non-functional month").isEqualByComparingTo("75");
    }
}
