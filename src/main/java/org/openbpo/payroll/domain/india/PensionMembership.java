package org.openbpo.payroll.domain.india;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Who may be a member of the pension scheme (EPS, reference 3.1): not an employee who joined after
 * 1 September 2014 with wages above ₹15,000 a month. The reference says no more: the date is taken as the
 * employee's start date and the wages as the record's monthly EPF wages (its twelfth of the annual salary
 * when none are given).
 */
public final class PensionMembership {

    static final LocalDate CLOSED_AFTER = LocalDate.of(2014, 9, 1);
    static final BigDecimal WAGE_LIMIT = new BigDecimal("15000");

    private PensionMembership() {
    }

    /** Why an employee who joined then on these monthly wages is not an EPS member; empty if the rule allows membership. */
    public static Optional<String> notAMember(LocalDate joined, @Nullable BigDecimal monthlyWages) {
        if (!joined.isAfter(CLOSED_AFTER) || monthlyWages == null || monthlyWages.compareTo(WAGE_LIMIT) <= 0) {
            return Optional.empty();
        }
        return Optional.of("Joined on " + joined + ", after 1 September 2014, with EPF wages of " + monthlyWages.toPlainString()
                + " a month, above 15,000: not a member of the pension scheme (EPS); set epsMember to false");
    }
}
