package org.openbpo.support;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A customer opens a chat from the client's web site. {@code website} is the robots' trap, as on the form. */
public record StartChat(@NotBlank @Size(max = 120) String name,
                        @NotBlank @Email @Size(max = 254) String email,
                        @NotBlank @Size(max = 2_000) String message,
                        @Nullable String website) {
}
