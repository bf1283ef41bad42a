package org.openbpo.tenancy;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A personal API token: acts as its user, limited to one client or (null) the provider scope. */
public record ApiToken(UUID id, UUID userId, @Nullable UUID clientId, String name, Instant createdAt,
                       @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
