package org.openbpo.work;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Moves an item to another state of its work type, with an optional note for the timeline. */
public record MoveWorkItem(@NotBlank @Size(max = 40) String to, @Nullable @Size(max = 2000) String note) {
}
