package org.openbpo.quality;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.util.Map;

/**
 * Score a sampled item on the latest version of a form. Back-office checks also say how many fields
 * were checked and how many were wrong: that is what the accuracy KPI is made of.
 */
public record EvaluateItem(@NotBlank String form, @NotNull Map<String, QaAnswer> answers,
                           @Nullable @Min(0) Integer fieldsChecked, @Nullable @Min(0) Integer errorsFound,
                           @Nullable @Size(max = 2000) String comment) {

    public EvaluateItem {
        if ((fieldsChecked == null) != (errorsFound == null)) {
            throw BusinessRuleViolation.invalid(fieldsChecked == null ? "fieldsChecked" : "errorsFound",
                    "give both the fields checked and the errors found, or neither");
        }
        if (fieldsChecked != null && errorsFound > fieldsChecked) {
            throw BusinessRuleViolation.invalid("errorsFound", "more errors than fields checked");
        }
        answers = answers == null ? null : Map.copyOf(answers);
    }
}
