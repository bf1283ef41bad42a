package org.openbpo.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A cost centre or project that posting lines can name. */
public record Dimension(@NotNull DimensionKind kind,
                        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}") String code,
                        @NotBlank @Size(max = 200) String name) {
}
