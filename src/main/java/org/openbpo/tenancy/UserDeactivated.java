package org.openbpo.tenancy;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A user was disabled and can no longer sign in or use their tokens. Published in the transaction of the
 * change, so that what depends on the person being there (an agent's presence, the work they hold) is
 * undone with it, or not at all. {@code clientId}: null for the provider's staff; {@code by}: who disabled them.
 */
public record UserDeactivated(UUID userId, @Nullable UUID clientId, String by, Instant at) {

    public boolean providerStaff() {
        return clientId == null;
    }
}
