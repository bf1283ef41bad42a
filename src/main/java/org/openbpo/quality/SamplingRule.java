package org.openbpo.quality;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Which completed items QA looks at. The draw is a hash of the item, not a random number, so it
 * is the same on every node and on every redelivery of the completion event, and cannot be gamed
 * by an agent who does not know the item's id in advance. An agent's first {@code newAgentItems}
 * completed items are always checked, and an agent with fewer than {@code minimumPerWeek} samples
 * this week has the next item checked too.
 */
public record SamplingRule(BigDecimal rate, int newAgentItems, int minimumPerWeek) {

    public static final int NEW_AGENT_ITEMS = 20;

    public SamplingRule(BigDecimal rate) {
        this(rate, NEW_AGENT_ITEMS, 0);
    }

    public Optional<SampleReason> decide(UUID clientId, long itemId, long agentNewAgentSamples) {
        return decide(clientId, itemId, agentNewAgentSamples, Long.MAX_VALUE);
    }

    public Optional<SampleReason> decide(UUID clientId, long itemId, long agentNewAgentSamples, long agentSampledThisWeek) {
        return decide(clientId, itemId, agentNewAgentSamples, () -> agentSampledThisWeek);
    }

    /** As above, asking for the agent's samples this week only when the weekly minimum decides. */
    public Optional<SampleReason> decide(UUID clientId, long itemId, long agentNewAgentSamples, LongSupplier agentSampledThisWeek) {
        if (agentNewAgentSamples < newAgentItems) {
            return Optional.of(SampleReason.NEW_AGENT);
        }
        if (draw(clientId, itemId).compareTo(rate) < 0) {
            return Optional.of(SampleReason.SAMPLE_RATE);
        }
        return minimumPerWeek > 0 && agentSampledThisWeek.getAsLong() < minimumPerWeek
                ? Optional.of(SampleReason.MINIMUM_PER_WEEK) : Optional.empty();
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
