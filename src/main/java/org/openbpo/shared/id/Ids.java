package org.openbpo.shared.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (version 7): unguessable like random ones, yet they keep B-tree inserts local.
 * Within one node they are also strictly increasing (RFC 9562, section 6.2, method 1): an id made in
 * the same millisecond as the one before counts up in the 12 bits after the version, so things
 * made one after the other, such as the messages of one mailbox batch, sort in the order they were made.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {
    }

    public static UUID next() {
        long millis = CLOCK.millis();
        // a random start in the lower half of the 12 bits leaves room to count up within the millisecond
        long candidate = (millis << 16) | 0x7000L | RANDOM.nextInt(0x800);
        long randomB = RANDOM.nextLong();
        long most = LAST.updateAndGet(last -> {
            if (candidate > last) {
                return candidate;
            }
            long next = last + 1;
            return (next & 0xF000L) == 0x7000L ? next : (((last >>> 16) + 1) << 16) | 0x7000L; // full: next millisecond
        });
        long least = (randomB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
