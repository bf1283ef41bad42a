package org.openbpo.payroll.domain;

import org.openbpo.shared.money.Money;

import java.util.Objects;

/** Calculate one employee's pay for one period of a tax year. */
public record PayRequest(String taxYear, PayPeriod period, Money gross, EmployeeDetails employee) {

    public PayRequest {
        Objects.requireNonNull(taxYear, "taxYear");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(employee, "employee");
        if (gross.isNegative()) {
            throw new IllegalArgumentException("Gross pay cannot be negative");
        }
        if (!gross.currency().equals(employee.country().currency())) {
            throw new IllegalArgumentException(employee.country() + " pay is in " + employee.country().currency());
        }
    }

    public Country country() {
        return employee.country();
    }
}
