package org.openbpo.contracts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One outsourced process for one client, run as work items of {@code workType}. */
public record ServiceLine(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be lower-case letters, digits and dashes") String code,
                          @NotBlank @Size(max = 120) String name,
                          @NotNull ServiceLineKind kind,
                          @NotBlank @Size(max = 40) String workType) {
}
