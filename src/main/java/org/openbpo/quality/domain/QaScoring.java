package org.openbpo.quality.domain;

import org.openbpo.quality.QaAnswer;
import org.openbpo.quality.QaQuestion;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Scores answers on a form: the weight of the questions answered "yes" over the weight of the
 * questions that applied, as a percentage to two decimals, half up. A fatal question answered "no"
 * fails the item whatever the score; otherwise it passes at the pass mark or above.
 */
public final class QaScoring {

    public record Result(BigDecimal score, boolean fatal, boolean passed, List<String> failedQuestions) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QaScoring() {
    }

    public static Result score(List<QaQuestion> questions, BigDecimal passMark, Map<String, QaAnswer> answers) {
        for (String key : answers.keySet()) {
            if (questions.stream().noneMatch(q -> q.key().equals(key))) {
                throw BusinessRuleViolation.invalid("answers." + key, "the form has no question " + key);
            }
        }
        long applicable = 0;
        long earned = 0;
        boolean fatal = false;
        List<String> failed = new java.util.ArrayList<>();
        for (QaQuestion question : questions) {
            QaAnswer answer = answers.get(question.key());
            if (answer == null) {
                throw BusinessRuleViolation.invalid("answers." + question.key(), "answer every question (YES, NO or NA)");
            }
            if (answer == QaAnswer.NA) {
                continue;
            }
            applicable += question.weight();
            if (answer == QaAnswer.YES) {
                earned += question.weight();
            } else {
                failed.add(question.key());
                fatal |= question.fatal();
            }
        }
        if (applicable == 0 && !fatal) {
            throw BusinessRuleViolation.invalid("answers", "at least one weighted question must apply to the item");
        }
        BigDecimal score = applicable == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(earned).multiply(HUNDRED).divide(BigDecimal.valueOf(applicable), 2, RoundingMode.HALF_UP);
        return new Result(score, fatal, !fatal && score.compareTo(passMark) >= 0, List.copyOf(failed));
    }
}
