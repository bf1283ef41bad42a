package org.openbpo.payroll;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A checker's or the client's decision on a pay run: APPROVE, or RETURN it to be prepared again, with a note. */
public record PayRunDecision(@NotNull Decision decision, @Nullable @Size(max = 2000) String note) {

    public enum Decision { APPROVE, RETURN }
}
