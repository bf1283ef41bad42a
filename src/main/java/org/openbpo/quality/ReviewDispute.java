package org.openbpo.quality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.util.Map;

/**
 * A second reviewer's decision on a disputed evaluation: the score stands (UPHELD), or it is
 * re-scored with corrected answers (OVERTURNED).
 */
public record ReviewDispute(@NotNull Outcome outcome, @Nullable Map<String, QaAnswer> answers,
                            @NotBlank @Size(max = 2000) String note) {

    public enum Outcome { UPHELD, OVERTURNED }

    public ReviewDispute {
        if (note == null || note.isBlank()) {
            throw BusinessRuleViolation.invalid("note", "say why the dispute is decided this way");
        }
        if (outcome == Outcome.OVERTURNED && (answers == null || answers.isEmpty())) {
            throw BusinessRuleViolation.invalid("answers", "an overturned evaluation needs the corrected answers");
        }
        answers = answers == null ? null : Map.copyOf(answers);
    }
}
