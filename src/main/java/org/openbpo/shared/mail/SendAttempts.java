package org.openbpo.shared.mail;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How an outbox retries a mail its server refused, and how long a node may take to send one. A
 * node takes a mail by moving its next attempt a lease ahead, in a transaction of its own; it
 * renders and sends with no transaction open, then records the outcome. No other node takes the
 * mail meanwhile, and if the node dies mid-send, the mail falls due again when the lease ends.
 */
public final class SendAttempts {

    /**
     * After this many failed attempts the mail is given up, with the last reason kept. Inboxes give
     * up reading a message the database kept failing to read after as many (EmailIntake, InvoiceMails).
     */
    public static final int MOST = 8;

    /**
     * Longer than a send can take: the connection's 10-s timeout and 30 s for each read and each
     * write of the few commands of one SMTP exchange, with room to spare.
     */
    public static final Duration LEASE = Duration.ofMinutes(15);

    private SendAttempts() {
    }

    /**
     * Where a lease taken now ends, to the microsecond as the database keeps it: the node that took
     * the mail names it when recording a failed attempt, so a node whose lease ran out (and another
     * took the mail) cannot move the other's next attempt. A mail sent is recorded as sent whoever
     * holds the lease: the server has it either way.
     */
    public static Instant leaseEnd(Instant now) {
        return now.plus(LEASE).truncatedTo(ChronoUnit.MICROS);
    }

    /** When to try again after the given failed attempt (1, 2, …): 2, 4, 8 … minutes later; null when it is given up. */
    public static @Nullable Instant retryAfter(int attempt, Instant now) {
        return attempt >= MOST ? null : now.plus(Duration.ofMinutes(1).multipliedBy(1L << Math.min(attempt, 10)));
    }

    /** The reason kept for a failed attempt. */
    public static String reason(Exception failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
