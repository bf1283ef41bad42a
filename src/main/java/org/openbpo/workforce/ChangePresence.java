package org.openbpo.workforce;

import jakarta.validation.constraints.NotNull;

/** An agent signs in, steps away or signs off. */
public record ChangePresence(@NotNull Presence presence) {
}
