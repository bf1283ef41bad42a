package org.openbpo.workforce;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/** Moves an agent to a centre or team, or changes their skills, languages or capacity. */
public record ChangeAgentProfile(@NotNull UUID centreId, @Nullable UUID teamLeadId, int capacity,
                                 @Nullable List<Skill> skills, @Nullable List<String> languages) {
}
