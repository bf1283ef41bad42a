package org.openbpo.quality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The agent (or their team lead) does not accept an open evaluation, and says why. */
public record DisputeEvaluation(@NotBlank @Size(max = 2000) String reason) {

    public DisputeEvaluation {
        if (reason == null || reason.isBlank()) {
            throw org.openbpo.shared.error.BusinessRuleViolation.invalid("reason", "say why the evaluation is wrong");
        }
    }
}
