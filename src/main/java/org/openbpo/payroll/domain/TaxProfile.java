package org.openbpo.payroll.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.domain.india.IndianEmployee;
import org.openbpo.payroll.domain.philippines.ContributionShare;
import org.openbpo.payroll.domain.philippines.PhilippineEmployee;
import org.openbpo.payroll.domain.philippines.YearEnd;
import org.openbpo.payroll.domain.unitedkingdom.TaxCode;
import org.openbpo.payroll.domain.unitedkingdom.UnitedKingdomEmployee;
import org.openbpo.payroll.domain.unitedstates.FilingStatus;
import org.openbpo.payroll.domain.unitedstates.FormW4;
import org.openbpo.payroll.domain.unitedstates.UnitedStatesEmployee;
import org.openbpo.shared.money.Decimals;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Map;

/** Turns an employee's stored tax fields and figures to date into what the gross-to-net engine reads. */
public final class TaxProfile {

    private TaxProfile() {
    }

    /**
     * {@code offCycle}: pay separate from regular wages, which US withholding treats as supplemental wages,
     * and which carries no month's contributions again: the regular pay of its month carried them.
     */
    public static EmployeeDetails details(EmployeeData e, PaySchedule.Period period, Money gross, ToDate toDate, boolean offCycle) {
        Map<String, String> tax = e.taxData();
        Currency currency = e.country().currency();
        PayFrequency frequency = period.frequency();
        return switch (e.country()) {
            case US -> new UnitedStatesEmployee(new FormW4(FilingStatus.valueOf(tax.get("filingStatus")),
                    Boolean.parseBoolean(tax.get("w4Step2")), money(tax.get("w4Step3"), currency),
                    money(tax.get("w4Step4a"), currency), money(tax.get("w4Step4b"), currency),
                    money(tax.get("w4Step4c"), currency)), toDate.gross(), toDate.tax(), offCycle);
            case GB -> {
                // A starter's P45 counts towards PAYE in its own tax year (reference 2.4 step 1); NICs are per employment.
                boolean p45ThisYear = period.taxYear().equals(tax.get("p45TaxYear"));
                Money previousPay = p45ThisYear ? money(tax.get("p45Pay"), currency) : Money.zero(currency);
                Money previousTax = p45ThisYear ? money(tax.get("p45Tax"), currency) : Money.zero(currency);
                yield new UnitedKingdomEmployee(TaxCode.parse(tax.get("taxCode")), tax.get("niCategory"),
                        Boolean.parseBoolean(tax.get("director")), toDate.gross().plus(previousPay), toDate.tax().plus(previousTax),
                        toDate.gross(), toDate.employeeContributions(), toDate.employerContributions());
            }
            case IN -> new IndianEmployee(e.payBasis() == PayBasis.SALARY && e.annualSalary() != null
                    ? annual(e.annualSalary(), currency) : null, toDate.gross(), toDate.tax(),
                    offCycle ? Money.zero(currency) : tax.containsKey("epfWages") ? money(tax.get("epfWages"), currency) : null,
                    Boolean.parseBoolean(tax.get("epfOnActualWages")), !"false".equals(tax.get("epsMember")),
                    !"false".equals(tax.get("resident")));
            case PH -> new PhilippineEmployee(basicMonthly(e, frequency, gross), optionalMoney(tax.get("sssCompensation"), currency),
                    optionalMoney(tax.get("pagIbigCompensation"), currency), Boolean.parseBoolean(tax.get("minimumWageEarner")),
                    Money.zero(currency), contributionShare(period, offCycle), Money.zero(currency), Money.zero(currency),
                    yearEnd(period, offCycle, toDate));
        };
    }

    /**
     * Which pay carries a Philippine month's SSS, PhilHealth and Pag-IBIG: none off-cycle; monthly and
     * semi-monthly pay as the rule pack says; of weekly, fortnightly, four-weekly and daily pay, the last
     * paid in the month, so the month's contributions are charged once.
     */
    private static @Nullable ContributionShare contributionShare(PaySchedule.Period period, boolean offCycle) {
        if (offCycle) {
            return ContributionShare.NONE;
        }
        return switch (period.frequency()) {
            case MONTHLY, SEMIMONTHLY -> null;
            case WEEKLY, BIWEEKLY, FOUR_WEEKLY, DAILY -> {
                LocalDate nextPay = period.payDate().plusDays(period.days());
                yield YearMonth.from(nextPay).equals(YearMonth.from(period.payDate())) ? ContributionShare.NONE : ContributionShare.FULL;
            }
        };
    }

    /**
     * The Philippine year-end adjustment, on the calendar year's last regular pay: the pays before it in the
     * year were taxed on their gross less the employee's contributions (pay runs carry no non-taxable items).
     */
    private static @Nullable YearEnd yearEnd(PaySchedule.Period period, boolean offCycle, ToDate toDate) {
        boolean lastOfYear = period.payDate().plusDays(period.days()).getYear() != period.payDate().getYear();
        if (offCycle || !lastOfYear) {
            return null;
        }
        return new YearEnd(toDate.gross().minus(toDate.employeeContributions()).atLeastZero(), toDate.tax().atLeastZero());
    }

    /** The income tax line of each country; the other employee lines are contributions. */
    public static String taxLine(Country country) {
        return switch (country) {
            case US -> "FIT";
            case GB -> "PAYE";
            case IN -> "TDS";
            case PH -> "WTAX";
        };
    }

    /**
     * The monthly basic salary PhilHealth (and by default SSS and Pag-IBIG) is charged on: as given, else
     * a twelfth of the annual salary (rounded half up to the centavo), else this pay scaled to a month.
     */
    private static Money basicMonthly(EmployeeData e, PayFrequency frequency, Money gross) {
        Currency currency = e.country().currency();
        if (e.taxData().containsKey("basicMonthly")) {
            return money(e.taxData().get("basicMonthly"), currency);
        }
        if (e.payBasis() == PayBasis.SALARY && e.annualSalary() != null) {
            return Money.of(e.annualSalary().divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP), currency);
        }
        return switch (frequency) {
            case MONTHLY -> gross;
            case SEMIMONTHLY -> gross.times(2);
            default -> gross.times(PaySchedule.periodsPerYear(frequency)).dividedBy(12).roundedHalfUp();
        };
    }

    private static Money annual(BigDecimal amount, Currency currency) {
        return Money.of(amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP), currency);
    }

    private static Money money(@Nullable String amount, Currency currency) {
        return amount == null ? Money.zero(currency) : annual(Decimals.parse(amount), currency);
    }

    private static @Nullable Money optionalMoney(@Nullable String amount, Currency currency) {
        return amount == null ? null : money(amount, currency);
    }
}
