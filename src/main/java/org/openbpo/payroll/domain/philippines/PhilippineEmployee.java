package org.openbpo.payroll.domain.philippines;

import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.EmployeeDetails;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;

import java.util.Objects;

/**
 * A Philippine employee: monthly basic salary (PhilHealth's base), monthly compensation for SSS and
 * Pag-IBIG where it differs from the basic salary, minimum-wage-earner status (exempt from
 * withholding), other non-taxable compensation in this pay (de minimis), the share of the month's
 * contributions this pay carries (none: the default), the 13th-month pay and other benefits in this pay
 * and those paid earlier in the year (exempt together up to the year's ceiling, the excess taxable), and
 * on the year's last pay the figures of the year-end adjustment.
 */
public record PhilippineEmployee(Money basicMonthly, @Nullable Money sssCompensation, @Nullable Money pagIbigCompensation,
                                 boolean minimumWageEarner, Money nonTaxable, @Nullable ContributionShare contributionShare,
                                 Money benefits, Money benefitsToDate, @Nullable YearEnd yearEnd)
        implements EmployeeDetails {

    public PhilippineEmployee {
        Objects.requireNonNull(basicMonthly, "basicMonthly");
        notNegative("employee.basicMonthly", basicMonthly);
        notNegative("employee.sssCompensation", sssCompensation);
        notNegative("employee.pagIbigCompensation", pagIbigCompensation);
        notNegative("employee.nonTaxable", nonTaxable);
        Objects.requireNonNull(benefits, "benefits");
        Objects.requireNonNull(benefitsToDate, "benefitsToDate");
        notNegative("employee.benefits", benefits);
        notNegative("employee.benefitsToDate", benefitsToDate);
    }

    /** An employee paid no 13th-month pay or other benefits this pay, on a pay that is not the year's last. */
    public PhilippineEmployee(Money basicMonthly, @Nullable Money sssCompensation, @Nullable Money pagIbigCompensation,
                              boolean minimumWageEarner, Money nonTaxable, @Nullable ContributionShare contributionShare) {
        this(basicMonthly, sssCompensation, pagIbigCompensation, minimumWageEarner, nonTaxable, contributionShare,
                Money.zero(basicMonthly.currency()), Money.zero(basicMonthly.currency()), null);
    }

    public Money sssBase() {
        return sssCompensation == null ? basicMonthly : sssCompensation;
    }

    public Money pagIbigBase() {
        return pagIbigCompensation == null ? basicMonthly : pagIbigCompensation;
    }

    @Override
    public Country country() {
        return Country.PH;
    }

    private static void notNegative(String field, @Nullable Money amount) {
        if (amount != null && amount.isNegative()) {
            throw BusinessRuleViolation.invalid(field, "Cannot be negative");
        }
    }
}
