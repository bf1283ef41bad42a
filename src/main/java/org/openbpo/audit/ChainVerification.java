package org.openbpo.audit;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * The outcome of walking one client's chain: intact, or the first link that is broken (a legacy record
 * or a block, named in {@code brokenAt}) and why. {@code checked} counts the records that hold before it.
 * The head is where the chain ends as its head row names it: the id of the newest sealed record and the
 * hash of the newest link (hex). Noted down, it lets a later verification tell whether the chain still
 * runs through it ({@link AuditTrail#holdsLink}): a chain cut back or rebuilt from the genesis verifies
 * as intact on its own, but no longer holds the noted hash.
 */
public record ChainVerification(UUID clientId, long checked, long blocks, @Nullable String brokenAt,
                                @Nullable String reason, long lastRecord, String headHash) {

    public boolean intact() {
        return brokenAt == null;
    }
}
