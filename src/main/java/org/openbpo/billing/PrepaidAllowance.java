package org.openbpo.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A service line's prepaid bank in a month so far: allowance plus units carried in, used, remaining, overage. */
public record PrepaidAllowance(String serviceLine, String unit, LocalDate period, BigDecimal allowance, BigDecimal carriedIn,
                               BigDecimal used, BigDecimal remaining, BigDecimal overage, boolean rollover) {
}
