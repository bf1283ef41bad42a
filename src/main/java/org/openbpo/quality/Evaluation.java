package org.openbpo.quality;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A QA analyst's verdict on one completed item, scored on one version of a form. OPEN until the
 * agent acknowledges it (CLOSED) or disputes it (DISPUTED, until a second reviewer closes it).
 */
public record Evaluation(UUID clientId, UUID id, long itemId, String serviceLine, @Nullable UUID agentId, String formCode,
                         int formVersion, @Nullable UUID calibrationId, UUID evaluatorId, String evaluator,
                         Map<String, QaAnswer> answers, BigDecimal score, boolean fatal, boolean passed,
                         List<String> failedQuestions, @Nullable Integer fieldsChecked, @Nullable Integer errorsFound,
                         @Nullable String comment, Instant evaluatedAt, String status, @Nullable Instant acknowledgedAt,
                         @Nullable Instant disputedAt, @Nullable String disputeReason, @Nullable UUID reviewerId,
                         @Nullable String reviewer, @Nullable String reviewOutcome, @Nullable String reviewNote,
                         @Nullable Instant reviewedAt, @Nullable BigDecimal originalScore) {

    public String itemReference() {
        return "WI-" + itemId;
    }
}
