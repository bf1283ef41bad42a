package org.openbpo.work;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** Something a team lead should look at, such as an item that used its SLA warning share. */
public record Notification(UUID clientId, UUID id, @Nullable Long itemId, String kind, String message, Instant createdAt) {

    public @Nullable String itemReference() {
        return itemId == null ? null : "WI-" + itemId;
    }
}
