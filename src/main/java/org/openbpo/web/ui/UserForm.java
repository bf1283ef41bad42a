package org.openbpo.web.ui;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;

import java.util.Set;
import java.util.UUID;

/**
 * The invite form. It has no client field on purpose: the page decides the client, so a
 * tampered form cannot invite someone into another client.
 */
public record UserForm(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 120) String displayName,
        @NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
        @NotEmpty(message = "choose at least one role") @Nullable Set<Role> roles,
        @Nullable Boolean allClients,
        @Nullable Set<UUID> assignedClients) {

    static UserForm blank() {
        return new UserForm("", "", "", Set.of(), false, Set.of());
    }

    InviteUser toInvite(@Nullable UUID clientId) {
        return new InviteUser(clientId, email.strip(), displayName, password, roles == null ? Set.of() : roles,
                Boolean.TRUE.equals(allClients), assignedClients == null ? Set.of() : assignedClients);
    }

    public boolean hasRole(Role role) {
        return roles != null && roles.contains(role);
    }

    public boolean assigned(UUID client) {
        return assignedClients != null && assignedClients.contains(client);
    }

    /** The password is never sent back to the browser, even when the form is shown again. */
    UserForm withoutPassword() {
        return new UserForm(email, displayName, "", roles, allClients, assignedClients);
    }
}
