package org.openbpo.quality;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingRuleProperties {

    @Property(tries = 200)
    void theDrawIsFixedForAnItem(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long itemId) {
        UUID client = new UUID(7, 9);
        assertThat(SamplingRule.draw(client, itemId)).isEqualTo(SamplingRule.draw(client, itemId))
                .isBetween(BigDecimal.ZERO, new BigDecimal("0.9999"));
    }

    @Property(tries = 100)
    void newAgentsAreAlwaysCheckedAndExperiencedOnesAtTheRate(@ForAll @LongRange(min = 0, max = 19) long experience,
                                                              @ForAll @LongRange(min = 1, max = 1_000_000) long itemId) {
        assertThat(new SamplingRule(BigDecimal.ZERO).decide(UUID.randomUUID(), itemId, experience)).contains(SampleReason.NEW_AGENT);
        assertThat(new SamplingRule(BigDecimal.ZERO).decide(UUID.randomUUID(), itemId, 20)).isEmpty();
        assertThat(new SamplingRule(BigDecimal.ONE).decide(UUID.randomUUID(), itemId, 500)).contains(SampleReason.SAMPLE_RATE);
    }

    @Property(tries = 10)
    void aTenPercentRateSamplesAboutTenPercent(@ForAll @LongRange(min = 0, max = 1_000_000) long start) {
        UUID client = new UUID(start, 3);
        SamplingRule rule = new SamplingRule(new BigDecimal("0.10"));
        long sampled = LongStream.range(start, start + 20_000).filter(id -> rule.decide(client, id, 100).isPresent()).count();
        assertThat(sampled).isBetween(1_700L, 2_300L);
    }
}
