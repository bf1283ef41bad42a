package org.openbpo.payroll.domain.philippines;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;

import java.util.Objects;

/**
 * The figures of a calendar year's earlier pays that the year-end adjustment needs, on the year's last
 * pay: the taxable compensation so far (after contributions and exempt benefits) and the tax withheld so far.
 */
public record YearEnd(Money taxableToDate, Money taxWithheldToDate) {

    public YearEnd {
        Objects.requireNonNull(taxableToDate, "taxableToDate");
        Objects.requireNonNull(taxWithheldToDate, "taxWithheldToDate");
        if (taxableToDate.isNegative()) {
            throw BusinessRuleViolation.invalid("employee.yearEnd.taxableToDate", "Cannot be negative");
        }
        if (taxWithheldToDate.isNegative()) {
            throw BusinessRuleViolation.invalid("employee.yearEnd.taxWithheldToDate", "Cannot be negative");
        }
    }
}
