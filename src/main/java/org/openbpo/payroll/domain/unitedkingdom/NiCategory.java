package org.openbpo.payroll.domain.unitedkingdom;

import java.math.BigDecimal;

/**
 * A Class 1 NIC category letter (reference 2.5): the employee's rate from the primary threshold to
 * the upper earnings limit and above it, and the threshold up to which the employer pays 0% with
 * the employer's rate above it (ST for most letters; UST, AUST, VUST, FUST or IZUST for relieved ones).
 */
public record NiCategory(String letter, BigDecimal employeeMainRate, BigDecimal employeeUpperRate,
                         String employerThreshold, BigDecimal employerRate) {

    public NiCategory {
        if (!letter.matches("[A-Z]")) {
            throw new IllegalArgumentException("An NI category is one letter, not '" + letter + "'");
        }
    }
}
