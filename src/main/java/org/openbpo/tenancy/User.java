package org.openbpo.tenancy;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A person who logs in: provider staff (no client) or one client's user. */
public record User(UUID id, @Nullable UUID clientId, String email, String displayName, Set<Role> roles,
                   boolean allClients, Set<UUID> assignedClients, UserStatus status, Instant createdAt) {

    public boolean providerStaff() {
        return clientId == null;
    }
}
