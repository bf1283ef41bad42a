package org.openbpo.audit;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One audit record as read back; {@code sealed} once a block of the client's chain covers it. */
public record AuditEntry(UUID clientId, long id, Instant recordedAt, String actor, String action,
                         String entityType, String entityId, @Nullable String before, @Nullable String after,
                         boolean sealed) {
}
