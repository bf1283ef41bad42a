package org.openbpo.quality;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A completed item picked for QA, and why it was picked. */
public record Sample(UUID clientId, long itemId, String workType, String serviceLine, @Nullable UUID agentId,
                     SampleReason reason, Instant sampledAt, String status) {
}
