package org.openbpo.quality;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A client's sampling rule. Empty scopes match everything; of the rules matching an item, the one
 * naming the agent wins, then one naming the service line, then the work type, then the client-wide
 * one. Without any rule the work type's QA sample rate applies.
 */
public record SamplingPolicy(UUID clientId, UUID id, @Nullable String serviceLine, @Nullable String workType,
                             @Nullable UUID agentId, BigDecimal percent, int minimumPerWeek, int newAgentItems,
                             boolean active, Instant createdAt, String createdBy) {

    public boolean matches(String line, String type, @Nullable UUID agent) {
        return active && (serviceLine == null || serviceLine.equals(line)) && (workType == null || workType.equals(type))
                && (agentId == null || agentId.equals(agent));
    }

    /** Higher is more specific. */
    public int specificity() {
        return (agentId != null ? 4 : 0) + (serviceLine != null ? 2 : 0) + (workType != null ? 1 : 0);
    }

    public SamplingRule rule() {
        return new SamplingRule(percent.movePointLeft(2), newAgentItems, minimumPerWeek);
    }
}
