package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.EmployeeDetails;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;

import java.util.Objects;

/**
 * A US employee: the Form W-4 and the wages this employer paid in the calendar year before this
 * period, which drive the Social Security wage base, the Additional Medicare threshold and FUTA.
 * {@code supplementalWages}: this payment is supplemental wages paid separately from regular wages (a
 * bonus, commission or back pay in an off-cycle run); {@code incomeTaxToDate}, the federal income tax
 * withheld from the year's wages so far, decides whether the optional flat rate may be used.
 */
public record UnitedStatesEmployee(FormW4 w4, Money wagesToDate, Money incomeTaxToDate, boolean supplementalWages)
        implements EmployeeDetails {

    /** Regular wages. */
    public UnitedStatesEmployee(FormW4 w4, Money wagesToDate) {
        this(w4, wagesToDate, Money.zero(wagesToDate.currency()), false);
    }

    public UnitedStatesEmployee {
        Objects.requireNonNull(w4, "w4");
        Objects.requireNonNull(incomeTaxToDate, "incomeTaxToDate");
        if (wagesToDate.isNegative()) {
            throw BusinessRuleViolation.invalid("toDate.gross", "Wages to date cannot be negative");
        }
    }

    @Override
    public Country country() {
        return Country.US;
    }
}
