package org.openbpo.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Adds an account to a client's chart. */
public record OpenAccount(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}") String code,
                          @NotBlank @Size(max = 200) String name, @NotNull AccountType type,
                          @Nullable String parent, @Nullable Boolean heading) {

    public boolean isHeading() {
        return Boolean.TRUE.equals(heading);
    }
}
