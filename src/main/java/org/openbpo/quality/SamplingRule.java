package org.openbpo.quality;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Which completed items QA looks at. The draw is a keyed hash of the item ({@link SampleDraws}), not a
 * random number, so it is the same on every node and on every redelivery of the completion event, and
 * nobody without the installation's key can tell in advance which items it picks. An agent's first
 * {@code newAgentItems} completed items are always checked, and an agent with fewer than
 * {@code minimumPerWeek} samples this week has the next item checked too.
 */
public record SamplingRule(BigDecimal rate, int newAgentItems, int minimumPerWeek) {

    public static final int NEW_AGENT_ITEMS = 20;

    public SamplingRule(BigDecimal rate) {
        this(rate, NEW_AGENT_ITEMS, 0);
    }

    /** {@code draw}: the item's number in [0, 1) ({@link SampleDraws#of}). */
    public Optional<SampleReason> decide(BigDecimal draw, long agentNewAgentSamples) {
        return decide(draw, agentNewAgentSamples, Long.MAX_VALUE);
    }

    public Optional<SampleReason> decide(BigDecimal draw, long agentNewAgentSamples, long agentSampledThisWeek) {
        return decide(draw, agentNewAgentSamples, () -> agentSampledThisWeek);
    }

    /** As above, asking for the agent's samples this week only when the weekly minimum decides. */
    public Optional<SampleReason> decide(BigDecimal draw, long agentNewAgentSamples, LongSupplier agentSampledThisWeek) {
        if (agentNewAgentSamples < newAgentItems) {
            return Optional.of(SampleReason.NEW_AGENT);
        }
        if (draw.compareTo(rate) < 0) {
            return Optional.of(SampleReason.SAMPLE_RATE);
        }
        return minimumPerWeek > 0 && agentSampledThisWeek.getAsLong() < minimumPerWeek
                ? Optional.of(SampleReason.MINIMUM_PER_WEEK) : Optional.empty();
    }

    /** A number in [0, 1) with four decimals, taken from a digest. */
    static BigDecimal bucket(byte[] digest) {
        long bucket = Math.floorMod(ByteBuffer.wrap(digest).getLong(), 10_000L);
        return BigDecimal.valueOf(bucket, 4);
    }
}
