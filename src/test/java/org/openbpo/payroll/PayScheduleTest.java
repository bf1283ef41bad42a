package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.payroll.domain.BankAccount;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.PaySchedule;
import org.openbpo.shared.calendar.BusinessCalendar;
import org.openbpo.shared.calendar.WorkingHours;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pay schedules on a business calendar, tax periods by pay date, and bank account check digits. */
class PayScheduleTest {

    static final BusinessCalendar LONDON = BusinessCalendar.mondayToFriday(ZoneId.of("Europe/London"),
            WorkingHours.parse("09:00-17:30")).withHolidays(List.of(LocalDate.of(2026, 4, 3)));

    @Test
    void ukMonthlyPayFollowsTheTaxMonthOfThePayDate() {
        PaySchedule monthly = PaySchedule.of(PayFrequency.MONTHLY, LocalDate.of(2026, 1, 31), Country.GB, 0, 3);
        PaySchedule.Period march = monthly.periodEndingOnOrAfter(LocalDate.of(2026, 3, 20), LONDON);
        assertThat(march.end()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.start()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(march.payDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.taxYear()).isEqualTo("2025-26");
        assertThat(march.number()).as("6 March to 5 April is tax month 12").isEqualTo(12);
        assertThat(march.cutOff()).as("three business days before").isEqualTo(LocalDate.of(2026, 3, 26));
        PaySchedule.Period april = monthly.next(march, LONDON);
        assertThat(april.payDate()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(april.taxYear()).isEqualTo("2026-27");
        assertThat(april.number()).isEqualTo(1);
    }

    @Test
    void aPayDateOnAHolidayMovesBackToTheBusinessDayBefore() {
        PaySchedule weekly = PaySchedule.of(PayFrequency.WEEKLY, LocalDate.of(2026, 3, 27), Country.GB, 7, 1);
        PaySchedule.Period period = weekly.periodEndingOnOrAfter(LocalDate.of(2026, 3, 27), LONDON);
        assertThat(period.payDate()).as("Good Friday 3 April 2026 is a holiday").isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(period.number()).as("2 April is in tax week 52 of 2025-26").isEqualTo(52);
        PaySchedule fourWeekly = PaySchedule.of(PayFrequency.FOUR_WEEKLY, LocalDate.of(2026, 5, 1), Country.GB, 0, 2);
        assertThat(fourWeekly.periodEndingOnOrAfter(LocalDate.of(2026, 5, 1), LONDON).number()).as("week 4: period 1").isEqualTo(1);
        assertThat(fourWeekly.endsPeriod(LocalDate.of(2026, 5, 29))).isTrue();
        assertThat(fourWeekly.endsPeriod(LocalDate.of(2026, 5, 22))).isFalse();
    }

    @Test
    void usAndPhilippinePaysAreNumberedInTheCalendarYear() {
        PaySchedule biweekly = PaySchedule.of(PayFrequency.BIWEEKLY, LocalDate.of(2026, 1, 2), Country.US, 5, 2);
        PaySchedule.Period first = biweekly.periodEndingOnOrAfter(LocalDate.of(2026, 1, 1), LONDON);
        assertThat(first.payDate()).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(first.number()).isEqualTo(1);
        assertThat(biweekly.periodEndingOnOrAfter(LocalDate.of(2026, 2, 27), LONDON).number()).isEqualTo(5);
        PaySchedule.Period lastOf2025 = biweekly.periodEndingOnOrAfter(LocalDate.of(2025, 12, 19), LONDON);
        assertThat(lastOf2025.taxYear()).isEqualTo("2025");
        PaySchedule semiMonthly = PaySchedule.of(PayFrequency.SEMIMONTHLY, LocalDate.of(2026, 1, 15), Country.PH, 0, 1);
        PaySchedule.Period february = semiMonthly.periodEndingOnOrAfter(LocalDate.of(2026, 2, 16), LONDON);
        assertThat(february.start()).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(february.end()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(february.payDate()).as("28 February 2026 is a Saturday").isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(february.number()).isEqualTo(4);
        assertThatThrownBy(() -> PaySchedule.of(PayFrequency.SEMIMONTHLY, LocalDate.of(2026, 1, 14), Country.PH, 0, 1))
                .hasMessageContaining("15th");
    }

    @Test
    void bankAccountsAreCheckedByTheirScheme() {
        assertThat(BankAccount.parse(BankAccount.Scheme.IBAN, null, "DE89 3704 0044 0532 0130 00").masked()).isEqualTo("DE** **** 3000");
        assertThatThrownBy(() -> BankAccount.parse(BankAccount.Scheme.IBAN, null, "DE89 3704 0044 0532 0130 01"))
                .hasMessageContaining("mod 97");
        assertThatThrownBy(() -> BankAccount.parse(BankAccount.Scheme.IBAN, null, "DE89 3704 0044 0532 0130"))
                .hasMessageContaining("22 characters");
        assertThat(BankAccount.parse(BankAccount.Scheme.US_ABA, "011000015", "12345678").masked()).isEqualTo("ABA 0110***** ****5678");
        assertThatThrownBy(() -> BankAccount.parse(BankAccount.Scheme.US_ABA, "011000016", "12345678")).hasMessageContaining("check digit");
        assertThat(BankAccount.parse(BankAccount.Scheme.IN_IFSC, "HDFC0001234", "123456789012").masked()).isEqualTo("HDFC ****9012");
        assertThatThrownBy(() -> BankAccount.parse(BankAccount.Scheme.IN_IFSC, "HDFC1001234", "123456789012"))
                .isInstanceOf(BankAccount.Refused.class);
        BankAccount sealed = BankAccount.unseal(BankAccount.parse(BankAccount.Scheme.GB_SORT_CODE, "40-47-84", "70872490").sealable());
        assertThat(sealed.routing()).isEqualTo("404784");
        assertThat(sealed.account()).isEqualTo("70872490");
    }
}
