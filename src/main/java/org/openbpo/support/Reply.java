package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agent's reply as it goes out: threaded after the customer's latest message, in the client's name. */
public record Reply(UUID id, long itemId, UUID commentId, String messageId, String to, String subject, String body,
                    @Nullable String inReplyTo, List<String> references, ReplyStatus status, int attempts,
                    @Nullable String lastError, Instant createdAt, String createdBy, @Nullable Instant sentAt) {
}
