package org.openbpo.tenancy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.Set;
import java.util.UUID;

/**
 * Adds a user. {@code clientId} null makes provider staff; {@code assignedClients} limits a
 * provider user to some clients unless {@code allClients}.
 */
public record InviteUser(
        @Nullable UUID clientId,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 120) String displayName,
        @NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
        @NotEmpty Set<Role> roles,
        boolean allClients,
        @Nullable Set<UUID> assignedClients) {
}
