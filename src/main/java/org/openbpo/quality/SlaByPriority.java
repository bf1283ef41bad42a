package org.openbpo.quality;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;

import java.math.BigDecimal;

/** SLA attainment of one service line and priority in the period. */
public record SlaByPriority(String serviceLine, Priority priority, long completed, long withSla, long met,
                            @Nullable BigDecimal percent) {
}
