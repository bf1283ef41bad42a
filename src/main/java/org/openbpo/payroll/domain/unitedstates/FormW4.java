package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;

import java.util.Objects;

/**
 * A Form W-4 from 2020 or later, as Worksheet 1A reads it. Steps 3, 4(a) and 4(b) are annual
 * amounts; Step 4(c) is extra withholding per pay period. None of them can be negative on the form.
 */
public record FormW4(FilingStatus filingStatus, boolean step2Checked, Money step3Credits,
                     Money step4aOtherIncome, Money step4bDeductions, Money step4cExtraWithholding) {

    public FormW4 {
        Objects.requireNonNull(filingStatus, "filingStatus");
        notNegative("employee.step3", step3Credits);
        notNegative("employee.step4a", step4aOtherIncome);
        notNegative("employee.step4b", step4bDeductions);
        notNegative("employee.step4c", step4cExtraWithholding);
    }

    private static void notNegative(String field, Money amount) {
        Objects.requireNonNull(amount, field);
        if (amount.isNegative()) {
            throw BusinessRuleViolation.invalid(field, "A Form W-4 amount cannot be negative");
        }
    }
}
