package org.openbpo.audit;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * The outcome of walking one client's chain: intact, or the first link that is broken (a legacy record
 * or a block, named in {@code brokenAt}) and why. {@code checked} counts the records that hold before it.
 */
public record ChainVerification(UUID clientId, long checked, long blocks, @Nullable String brokenAt,
                                @Nullable String reason) {

    public boolean intact() {
        return brokenAt == null;
    }
}
