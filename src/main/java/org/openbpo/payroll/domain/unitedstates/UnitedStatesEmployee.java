package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.EmployeeDetails;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;

import java.util.Objects;

/**
 * A US employee: the Form W-4 and the wages this employer paid in the calendar year before this
 * period, which drive the Social Security wage base, the Additional Medicare threshold and FUTA.
 */
public record UnitedStatesEmployee(FormW4 w4, Money wagesToDate) implements EmployeeDetails {

    public UnitedStatesEmployee {
        Objects.requireNonNull(w4, "w4");
        if (wagesToDate.isNegative()) {
            throw BusinessRuleViolation.invalid("toDate.gross", "Wages to date cannot be negative");
        }
    }

    @Override
    public Country country() {
        return Country.US;
    }
}
