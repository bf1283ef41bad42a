package org.openbpo.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Writes a macro. Placeholders: {{customer.name}}, {{customer.email}}, {{ticket.number}}, {{ticket.reference}}, {{ticket.title}}, {{agent.name}}, {{client.name}}. */
public record WriteMacro(@NotBlank @Size(max = 100) String name,
                         @NotBlank @Size(max = 20_000) String body,
                         @Nullable @Size(max = 40) String moveTo) {
}
