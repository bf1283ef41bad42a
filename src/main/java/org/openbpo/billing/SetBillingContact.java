package org.openbpo.billing;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Sets the person at the client who receives its invoices. */
public record SetBillingContact(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String name) {
}
