package org.openbpo.quality;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Several analysts score the same item on the same form, to see how far apart they are. Per
 * question the points each gave (the weight for "yes", 0 for "no"), their mean and population
 * variance; overall the same for the scores. {@code analysts} are those the session was put before
 * (empty when anyone in QA may score); {@code complete} once every one of them scored.
 */
public record Calibration(UUID clientId, UUID id, long itemId, String formCode, int formVersion, String title,
                          Instant createdAt, String createdBy, List<Evaluation> scores, List<QuestionSpread> questions,
                          Spread overall, List<Analyst> analysts, boolean complete, @Nullable Instant revealedAt,
                          @Nullable String revealedBy) {

    public record QuestionSpread(String key, String text, List<BigDecimal> points, Spread spread) {
    }

    /** Null mean and variance until someone scored. */
    public record Spread(int analysts, @Nullable BigDecimal mean, @Nullable BigDecimal variance) {
    }

    public record Analyst(UUID id, String name, boolean scored) {
    }

    /** Whether the spread is for everyone's eyes: all chosen analysts scored, it was revealed early, or nobody was chosen. */
    public boolean spreadShown() {
        return analysts.isEmpty() || complete || revealedAt != null;
    }

    public boolean invited(UUID analyst) {
        return analysts.stream().anyMatch(a -> a.id().equals(analyst));
    }

    public boolean scoredBy(UUID analyst) {
        return scores.stream().anyMatch(s -> analyst.equals(s.evaluatorId()));
    }
}
