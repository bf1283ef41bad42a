package org.openbpo.quality;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the client sees of a QA evaluation behind its accuracy figure: the item, the verdict and the
 * fields checked. Who evaluated, the agent, comments and disputes stay the provider's.
 */
public record CheckedItem(long itemId, BigDecimal score, boolean passed, boolean fatal, @Nullable Integer fieldsChecked,
                          @Nullable Integer errorsFound, Instant evaluatedAt) {

    public String itemReference() {
        return "WI-" + itemId;
    }

    static CheckedItem of(Evaluation evaluation) {
        return new CheckedItem(evaluation.itemId(), evaluation.score(), evaluation.passed(), evaluation.fatal(),
                evaluation.fieldsChecked(), evaluation.errorsFound(), evaluation.evaluatedAt());
    }
}
