package org.openbpo.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Several analysts score the same item on the same form, to see how far apart they are. Per
 * question the points each gave (the weight for "yes", 0 for "no"), their mean and population
 * variance; overall the same for the scores.
 */
public record Calibration(UUID clientId, UUID id, long itemId, String formCode, int formVersion, String title,
                          Instant createdAt, String createdBy, List<Evaluation> scores, List<QuestionSpread> questions,
                          Spread overall) {

    public record QuestionSpread(String key, String text, List<BigDecimal> points, Spread spread) {
    }

    /** Null mean and variance until someone scored. */
    public record Spread(int analysts, @org.jspecify.annotations.Nullable BigDecimal mean,
                         @org.jspecify.annotations.Nullable BigDecimal variance) {
    }
}
