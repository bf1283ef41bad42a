package org.openbpo.quality;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A customer's satisfaction with one item, 1 (very unhappy) to 5 (very happy), as a survey tool
 * hands it in. {@code respondedAt} defaults to now.
 */
public record CsatResponse(@Positive long itemId, @Min(1) @Max(5) int score, @Nullable @Size(max = 2000) String comment,
                           @Nullable Instant respondedAt) {
}
