package org.openbpo.quality;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Create a QA form, or save a new version of it under the same code. */
public record DefineQaForm(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be lower-case letters, digits and dashes") String code,
                           @NotBlank @Size(max = 120) String name,
                           @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal passMark,
                           @NotNull @Size(min = 1, max = 60) List<@Valid @NotNull QaQuestion> questions) {

    public DefineQaForm {
        if (questions != null) {
            Set<String> keys = new HashSet<>();
            int total = 0;
            for (int i = 0; i < questions.size(); i++) {
                QaQuestion question = questions.get(i);
                if (question != null && !keys.add(question.key())) {
                    throw BusinessRuleViolation.invalid("questions[" + i + "].key", "the key " + question.key() + " is used twice");
                }
                total += question == null ? 0 : question.weight();
            }
            if (total == 0 && !questions.isEmpty()) {
                throw BusinessRuleViolation.invalid("questions", "at least one question needs a weight above 0");
            }
            questions = List.copyOf(questions);
        }
    }
}
