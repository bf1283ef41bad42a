package org.openbpo.payables;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A client's AP mailbox as the API shows it: never the password, only whether one is stored; and
 * how fetching it goes (when next, when last, how many messages, the last error while it keeps failing).
 */
public record ApMailbox(String host, int port, MailboxSecurity security, @Nullable String username, boolean passwordStored,
                        String folder, @Nullable String address, Instant dueAt, @Nullable Instant lastPolledAt,
                        int lastFetched, int failuresInARow, @Nullable String lastError) {
}
