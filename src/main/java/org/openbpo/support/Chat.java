package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A live chat with one of a client's customers, and the ticket it became. */
public record Chat(UUID clientId, UUID id, long itemId, UUID customerId, String customerName, Status status,
                   @Nullable UUID agentId, @Nullable String agentName, Instant startedAt, @Nullable Instant answeredAt,
                   @Nullable Instant endedAt, int lastSeq) {

    public enum Status { WAITING, ACTIVE, ENDED }

    public String reference() {
        return "WI-" + itemId;
    }
}
