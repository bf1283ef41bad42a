package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An email to the ticket's customer as it goes out, in the client's name: an agent's reply (with the
 * comment that records it) or an acknowledgement of a request (without one).
 */
public record Reply(UUID id, long itemId, @Nullable UUID commentId, String messageId, String to, String subject, String body,
                    @Nullable String inReplyTo, List<String> references, ReplyStatus status, int attempts,
                    @Nullable String lastError, Instant createdAt, String createdBy, @Nullable Instant sentAt) {
}
