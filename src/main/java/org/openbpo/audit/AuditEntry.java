package org.openbpo.audit;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

public record AuditEntry(UUID clientId, long id, Instant recordedAt, String actor, String action,
                         String entityType, String entityId, @Nullable String before, @Nullable String after,
                         @Nullable Long chainSeq) {
}
