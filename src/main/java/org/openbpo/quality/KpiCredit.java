package org.openbpo.quality;

import org.openbpo.contracts.Kpi;

import java.math.BigDecimal;

/**
 * What one missed KPI costs on a service line: the tier its shortfall reached, and the part of it
 * applied once the line's cap is taken into account.
 */
public record KpiCredit(Kpi kpi, BigDecimal target, BigDecimal measured, BigDecimal shortfall, BigDecimal tierPercent,
                        BigDecimal appliedPercent, int ruleVersion, String reason) {
}
