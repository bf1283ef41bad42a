package org.openbpo.quality;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Set the sampling rule for a scope (replacing the one in force for the same scope): sample
 * {@code percent} of completed items, at least {@code minimumPerWeek} per agent per week, and every
 * item of an agent's first {@code newAgentItems} on the client.
 */
public record SetSamplingPolicy(@Nullable String serviceLine, @Nullable String workType, @Nullable UUID agentId,
                                @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal percent,
                                @Min(0) @Max(1000) int minimumPerWeek,
                                @Nullable @Min(0) @Max(10000) Integer newAgentItems) {
}
