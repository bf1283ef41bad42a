package org.openbpo.quality;

import java.math.BigDecimal;
import java.util.List;

/** A service line's credits for the period, capped, with earn-backs of earlier credits. */
public record LineCredit(String serviceLine, List<KpiCredit> credits, BigDecimal totalPercent, BigDecimal capPercent,
                         List<EarnBack> earnBacks, String explanation) {

    /** An earlier month's credit given back because this month beat the target. */
    public record EarnBack(String kpi, String creditPeriod, BigDecimal percent, String reason) {
    }
}
