package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One message that reached a client's channel and what became of it; the raw message is kept apart. */
public record InboundMessage(UUID id, String key, @Nullable String messageId, IntakeSource source, long sizeBytes,
                             Instant receivedAt, @Nullable String sender, @Nullable String subject, IntakeStatus status,
                             @Nullable String reason, List<String> notes, @Nullable Long itemId,
                             @Nullable Instant processedAt) {
}
