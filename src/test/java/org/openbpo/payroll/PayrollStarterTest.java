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
import static org.openbpo.payroll.PayrollFixtures.gbp;

/** A UK starter's P45 counts in pay to date and tax to date (reference 2.4 step 1), in its own tax year only. */
class PayrollStarterTest {

    private static final EmployeeData STARTER = new EmployeeData("E-7", "Sam", "Starter", null, Country.GB, "ENG", "UK-MONTHLY",
            LocalDate.of(2025, 10, 1), null, PayBasis.SALARY, new BigDecimal("36000"), null, null, null,
            Map.of("taxCode", "1257L", "niCategory", "A", "director", "false",
                    "p45Pay", "18000.00", "p45Tax", "2342.00", "p45TaxYear", "2025-26"), null);

    @Test
    void theP45sPayAndTaxCountInTheFirstMonthWithUs() {
        // Month 7 on 1257L: Pn = 18,000 + 3,000 = 21,000; free pay 1,048.26 × 7 = 7,337.82; Un = 13,662.18;
        // tax to date 13,662 × 20% = 2,732.40; less the P45's 2,342.00 = 390.40.
        GrossToNet october = pay(month("2025-26", 7, LocalDate.of(2025, 10, 31)));
        assertThat(amount(october, "PAYE")).isEqualTo("390.40");
    }

    @Test
    void theP45IsForgottenInTheNextTaxYear() {
        // Month 1 of 2026-27 on 1257L: 3,000 − 1,048.26 = 1,951.74 → 1,951 × 20% = 390.20, as for anyone else.
        GrossToNet april = pay(month("2026-27", 1, LocalDate.of(2026, 4, 30)));
        assertThat(amount(april, "PAYE")).isEqualTo("390.20");
    }

    private static PaySchedule.Period month(String taxYear, int number, LocalDate payDate) {
        return new PaySchedule.Period(payDate.withDayOfMonth(1), payDate, payDate, payDate.minusDays(5), taxYear, number,
                PayFrequency.MONTHLY);
    }

    private static GrossToNet pay(PaySchedule.Period period) {
        Money gross = gbp("3000.00");
        return ENGINE.calculate(new PayRequest(period.taxYear(), period.taxPeriod(), gross,
                TaxProfile.details(STARTER, period, gross, ToDate.none(gross.currency()), false)));
    }
}
