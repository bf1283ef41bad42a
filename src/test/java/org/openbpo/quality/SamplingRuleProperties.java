package org.openbpo.quality;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.openbpo.shared.secret.Secrets;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingRuleProperties {

    private static final SampleDraws DRAWS = new SampleDraws(new Secrets("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
    private static final SampleDraws OTHER_KEY = new SampleDraws(new Secrets("HxscGxoZGBcWFRQTEhEQDw4NDAsKCQgHBgUEAwIBAAA="));

    @Property(tries = 200)
    void theDrawIsFixedForAnItem(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long itemId) {
        UUID client = new UUID(7, 9);
        assertThat(DRAWS.of(client, itemId)).isEqualTo(DRAWS.of(client, itemId))
                .isBetween(BigDecimal.ZERO, new BigDecimal("0.9999"));
    }

    @Property(tries = 10)
    void withoutTheKeyTheDrawCannotBeWorkedOut(@ForAll @LongRange(min = 0, max = 1_000_000) long start) {
        UUID client = new UUID(start, 5);
        long same = LongStream.range(start, start + 1_000).filter(id -> DRAWS.of(client, id).equals(OTHER_KEY.of(client, id))).count();
        assertThat(same).as("another key draws other numbers: about 1 in 10,000 alike").isLessThan(5);
    }

    @Property(tries = 100)
    void newAgentsAreAlwaysCheckedAndExperiencedOnesAtTheRate(@ForAll @LongRange(min = 0, max = 19) long experience,
                                                              @ForAll @LongRange(min = 1, max = 1_000_000) long itemId) {
        assertThat(new SamplingRule(BigDecimal.ZERO).decide(DRAWS.of(UUID.randomUUID(), itemId), experience)).contains(SampleReason.NEW_AGENT);
        assertThat(new SamplingRule(BigDecimal.ZERO).decide(DRAWS.of(UUID.randomUUID(), itemId), 20)).isEmpty();
        assertThat(new SamplingRule(BigDecimal.ONE).decide(DRAWS.of(UUID.randomUUID(), itemId), 500)).contains(SampleReason.SAMPLE_RATE);
    }

    @Property(tries = 10)
    void aTenPercentRateSamplesAboutTenPercent(@ForAll @LongRange(min = 0, max = 1_000_000) long start) {
        UUID client = new UUID(start, 3);
        SamplingRule rule = new SamplingRule(new BigDecimal("0.10"));
        long sampled = LongStream.range(start, start + 20_000).filter(id -> rule.decide(DRAWS.of(client, id), 100).isPresent()).count();
        assertThat(sampled).isBetween(1_700L, 2_300L);
    }
}
