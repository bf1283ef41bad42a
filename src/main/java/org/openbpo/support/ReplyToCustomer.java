package org.openbpo.support;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An agent's answer to the ticket's customer; {@code to} defaults to the customer's address on the ticket. */
public record ReplyToCustomer(@NotBlank @Size(max = 20_000) String body, @Nullable @Email @Size(max = 254) String to) {
}
