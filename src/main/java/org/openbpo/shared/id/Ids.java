package org.openbpo.shared.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7): unguessable like random ones, yet they keep B-tree inserts local.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = Clock.systemUTC();

    private Ids() {
    }

    public static UUID next() {
        long millis = CLOCK.millis();
        long randomA = RANDOM.nextLong();
        long randomB = RANDOM.nextLong();
        long most = (millis << 16) | 0x7000L | (randomA & 0x0FFFL);
        long least = (randomB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
