package org.openbpo.support;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * One action on several tickets at once: assign them to an agent, move them to a state, or close
 * them (to the work type's done state). Each ticket is changed, audited and reported on its own.
 */
public record BulkAction(@NotNull Action action,
                         @NotEmpty @Size(max = 200) List<@NotNull Long> itemIds,
                         @Nullable UUID agentId,
                         @Nullable @Size(max = 40) String to,
                         @Nullable @Size(max = 2_000) String note) {

    public enum Action { ASSIGN, MOVE, CLOSE }

    /** What became of one ticket. */
    public record Result(long itemId, boolean done, @Nullable String code, @Nullable String detail) {
    }
}
