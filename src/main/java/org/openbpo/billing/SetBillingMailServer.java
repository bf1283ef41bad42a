package org.openbpo.billing;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Sets the provider's outgoing mail server for invoices; a password given is kept sealed. */
public record SetBillingMailServer(@NotBlank @Size(max = 255) String host, @Min(1) @Max(65535) int port,
                                   @NotNull MailSecurity security, @Nullable @Size(max = 255) String username,
                                   @Nullable @Size(max = 255) String password,
                                   @NotBlank @Email @Size(max = 320) String fromAddress,
                                   @NotBlank @Size(max = 200) String fromName) {
}
