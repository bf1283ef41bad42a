package org.openbpo.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Sets up a client's email channel. Without {@code imap} nothing is fetched (mail may still arrive
 * through a relay); without {@code smtp} agents cannot reply by email. {@code webForm} opens the
 * client's public support form at /forms/{clientCode}/support (off unless asked for).
 */
public record ConfigureChannel(@NotBlank @Size(max = 40) String serviceLine,
                               @NotBlank @Size(max = 254) String inboundAddress,
                               @Nullable @Valid ServerAccess imap,
                               @Nullable @Valid ServerAccess smtp,
                               @NotBlank @Size(max = 254) String fromAddress,
                               @NotBlank @Size(max = 120) String displayName,
                               @Nullable @Size(max = 2000) String signature,
                               @Nullable @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1a5fb4") String brandColour,
                               @Nullable Boolean webForm) {
}
