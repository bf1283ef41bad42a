package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** What became of one resolved ticket: handle time, first-contact resolution, and the customer's score. */
public record TicketOutcome(long itemId, String serviceLine, Instant resolvedAt, long handleSeconds, boolean firstContact,
                            @Nullable Instant surveySentAt, @Nullable Integer score, @Nullable Instant answeredAt) {
}
