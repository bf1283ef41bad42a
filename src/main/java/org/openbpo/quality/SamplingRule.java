package org.openbpo.quality;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;

/**
 * Which completed items QA looks at. The draw is a hash of the item, not a random number, so it
 * is the same on every node and on every redelivery of the completion event, and cannot be gamed
 * by an agent who does not know the item's id in advance. An agent's first
 * {@value #NEW_AGENT_ITEMS} completed items are always checked.
 */
public record SamplingRule(BigDecimal rate) {

    public static final int NEW_AGENT_ITEMS = 20;

    public Optional<SampleReason> decide(UUID clientId, long itemId, long agentNewAgentSamples) {
        if (agentNewAgentSamples < NEW_AGENT_ITEMS) {
            return Optional.of(SampleReason.NEW_AGENT);
        }
        return draw(clientId, itemId).compareTo(rate) < 0 ? Optional.of(SampleReason.SAMPLE_RATE) : Optional.empty();
    }

    /** A number in [0, 1) with four decimals, fixed for the item. */
    static BigDecimal draw(UUID clientId, long itemId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((clientId + "/" + itemId).getBytes(StandardCharsets.UTF_8));
            long bucket = Math.floorMod(ByteBuffer.wrap(digest).getLong(), 10_000L);
            return BigDecimal.valueOf(bucket, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
