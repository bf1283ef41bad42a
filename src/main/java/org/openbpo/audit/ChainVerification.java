package org.openbpo.audit;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** The outcome of walking one client's chain: intact, or the first link that is broken and why. */
public record ChainVerification(UUID clientId, long checked, @Nullable Long brokenAt, @Nullable String reason) {

    public boolean intact() {
        return brokenAt == null;
    }
}
