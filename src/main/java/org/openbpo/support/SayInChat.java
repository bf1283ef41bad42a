package org.openbpo.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One line typed into a chat, by the customer or the agent. */
public record SayInChat(@NotBlank @Size(max = 2_000) String body) {
}
