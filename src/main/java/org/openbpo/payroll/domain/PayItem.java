package org.openbpo.payroll.domain;

import org.openbpo.shared.money.Money;

/** An earning (taxable pay) or a deduction (taken after tax) on one payslip. */
public record PayItem(long id, Kind kind, String code, String description, Money amount, boolean recurring) {

    public enum Kind { EARNING, DEDUCTION }
}
