package org.openbpo.billing;

import java.math.BigDecimal;

/** Units of one kind on one service line in a period: what an invoice line will be rated from. */
public record UsageSummary(String serviceLine, String unit, BigDecimal quantity, long records) {
}
