package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A service line's support KPIs over a period of resolutions: CSAT (the share of answers scoring 4
 * or 5, in percent, and the average score), first-contact resolution (percent) and average handle
 * time. Percentages and averages are null when there is nothing to divide by.
 */
public record SatisfactionSummary(String serviceLine, Instant from, Instant to, long resolved, long surveysSent, long answers,
                                  @Nullable BigDecimal csatPercent, @Nullable BigDecimal averageScore,
                                  long firstContactResolved, @Nullable BigDecimal firstContactPercent,
                                  @Nullable Long averageHandleSeconds) {
}
