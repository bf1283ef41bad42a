package org.openbpo.payroll.domain.unitedkingdom;

import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.EmployeeDetails;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;

import java.util.Objects;

/**
 * A UK employee: tax code and NI category letter, whether a company director (NICs on the annual
 * earnings period), and the figures to date before this period: pay and tax to date (including a
 * P45's previous pay and tax), and for directors NIable pay and NICs to date.
 */
public record UnitedKingdomEmployee(TaxCode taxCode, String niCategory, boolean director, Money payToDate, Money taxToDate,
                                    Money niablePayToDate, Money employeeNiToDate, Money employerNiToDate)
        implements EmployeeDetails {

    public UnitedKingdomEmployee {
        Objects.requireNonNull(taxCode, "taxCode");
        Objects.requireNonNull(niCategory, "niCategory");
        notNegative("toDate.gross", payToDate);
        notNegative("toDate.tax", taxToDate);
        notNegative("toDate.niablePay", niablePayToDate);
        notNegative("toDate.employeeNi", employeeNiToDate);
        notNegative("toDate.employerNi", employerNiToDate);
    }

    @Override
    public Country country() {
        return Country.GB;
    }

    private static void notNegative(String field, Money amount) {
        if (amount.isNegative()) {
            throw BusinessRuleViolation.invalid(field, "A figure to date cannot be negative");
        }
    }
}
