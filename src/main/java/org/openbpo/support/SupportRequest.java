package org.openbpo.support;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a customer writes in a client's public support form. {@code website} is a trap: the field
 * is hidden from people, so only a robot fills it in.
 */
public record SupportRequest(@NotBlank @Size(max = 120) String name,
                             @NotBlank @Email @Size(max = 254) String email,
                             @NotBlank @Size(max = 300) String subject,
                             @NotBlank @Size(max = 20_000) String message,
                             @Nullable String website) {
}
