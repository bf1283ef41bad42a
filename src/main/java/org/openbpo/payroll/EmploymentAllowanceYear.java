package org.openbpo.payroll;

import org.openbpo.shared.money.Money;

/**
 * A UK client's Employment Allowance in one tax year: whether it claims, the year's allowance, what its
 * finalised runs have claimed so far and what is left.
 */
public record EmploymentAllowanceYear(boolean claims, String taxYear, Money allowance, Money claimed, Money left) {
}
