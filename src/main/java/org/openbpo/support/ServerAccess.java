package org.openbpo.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one of the client's mail servers. A null password keeps the stored one, so an
 * administrator can change the host without retyping it; an empty one removes it.
 */
public record ServerAccess(@NotBlank @Size(max = 253) String host,
                           @NotNull @Min(1) @Max(65535) Integer port,
                           @NotNull MailSecurity security,
                           @Nullable @Size(max = 254) String username,
                           @Nullable @Size(max = 1000) String password) {
}
