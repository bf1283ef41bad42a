package org.openbpo.workforce;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/** Gives a provider user with the AGENT or TEAM_LEAD role an agent profile at a centre. */
public record EnrolAgent(@NotNull UUID userId, @NotNull UUID centreId, @Nullable UUID teamLeadId, int capacity,
                         @Nullable List<Skill> skills, @Nullable List<String> languages) {
}
