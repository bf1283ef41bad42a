package org.openbpo.support;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;

/** A ticket raised by a client's own system on behalf of one of its customers. */
public record RaiseTicket(@NotBlank @Size(max = 300) String subject,
                          @NotBlank @Size(max = 20_000) String description,
                          @Nullable @Email @Size(max = 254) String customerEmail,
                          @Nullable Priority priority,
                          @Nullable @Size(max = 40) String category) {
}
