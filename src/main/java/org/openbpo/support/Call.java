package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One phone call in a client's call log, and the ticket it belongs to. */
public record Call(UUID id, String callKey, long itemId, UUID customerId, String caller, Direction direction,
                   @Nullable UUID agentId, Instant startedAt, @Nullable Instant endedAt, @Nullable Integer talkSeconds,
                   @Nullable String recordingUrl, String source) {

    public enum Direction { INBOUND, OUTBOUND }

    public String reference() {
        return "WI-" + itemId;
    }
}
