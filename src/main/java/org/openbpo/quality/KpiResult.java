package org.openbpo.quality;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Kpi;

import java.math.BigDecimal;

/**
 * One KPI target of a contract against what was measured in the period. {@code measured} is null
 * when OpenBPO has nothing to measure it from yet; such a target is neither met nor missed.
 */
public record KpiResult(String serviceLine, Kpi kpi, BigDecimal target, @Nullable BigDecimal measured,
                        @Nullable Boolean met, String basis) {
}
