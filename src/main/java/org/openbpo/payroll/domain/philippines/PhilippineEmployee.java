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
 * withholding), non-taxable compensation in this pay (13th month and other benefits within the
 * ceiling, de minimis), and the share of the month's contributions this pay carries (none: the default).
 */
public record PhilippineEmployee(Money basicMonthly, @Nullable Money sssCompensation, @Nullable Money pagIbigCompensation,
                                 boolean minimumWageEarner, Money nonTaxable, @Nullable ContributionShare contributionShare)
        implements EmployeeDetails {

    public PhilippineEmployee {
        Objects.requireNonNull(basicMonthly, "basicMonthly");
        notNegative("employee.basicMonthly", basicMonthly);
        notNegative("employee.sssCompensation", sssCompensation);
        notNegative("employee.pagIbigCompensation", pagIbigCompensation);
        notNegative("employee.nonTaxable", nonTaxable);
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
