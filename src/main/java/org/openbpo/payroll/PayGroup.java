package org.openbpo.payroll;

import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.PayFrequency;

import java.time.LocalDate;

/**
 * Employees of one country paid on one schedule: periods of the frequency ending on
 * {@code anchorPeriodEnd} and every period after it, paid {@code payOffsetDays} after the period's end
 * (moved back to a business day of the payroll service line's calendar), inputs closing
 * {@code cutOffDays} business days before the pay date.
 */
public record PayGroup(String code, String name, Country country, PayFrequency frequency, String serviceLine,
                       LocalDate anchorPeriodEnd, int payOffsetDays, int cutOffDays) {
}
