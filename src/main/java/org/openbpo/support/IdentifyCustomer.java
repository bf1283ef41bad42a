package org.openbpo.support;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Who wrote or called, as far as the channel tells: at least an email address or a phone number. */
public record IdentifyCustomer(@Nullable @Size(max = 120) String name,
                               @Nullable @Size(max = 200) String organisation,
                               @Nullable @Email @Size(max = 254) String email,
                               @Nullable @Pattern(regexp = "\\+?[0-9 ()./-]{6,30}", message = "is not a phone number") String phone) {

    public static IdentifyCustomer byEmail(String email, @Nullable String name) {
        return new IdentifyCustomer(name, null, email, null);
    }

    public static IdentifyCustomer byPhone(String phone) {
        return new IdentifyCustomer(null, null, null, phone);
    }
}
