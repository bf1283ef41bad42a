package org.openbpo.quality;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** An agent's QA record on a client: recent evaluations, the monthly trend, the questions most often failed. */
public record AgentCoaching(UUID clientId, UUID agentId, List<Evaluation> evaluations, List<Month> trend,
                            List<FailedQuestion> failedQuestions) {

    public record Month(YearMonth month, int evaluations, @Nullable BigDecimal averageScore, int passed, int fatal) {
    }

    public record FailedQuestion(String formCode, String key, String text, int times) {
    }
}
