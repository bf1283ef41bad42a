package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** How fetching a client's mailbox goes: when next, when last, how much, and the last error if it keeps failing. */
public record MailboxStatus(Instant dueAt, @Nullable Instant lastPolledAt, int lastFetched, int failuresInARow,
                            @Nullable String lastError) {
}
