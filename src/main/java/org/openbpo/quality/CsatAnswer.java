package org.openbpo.quality;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A stored CSAT response, as the scorecard's drill-down lists it. */
public record CsatAnswer(long itemId, String reference, String serviceLine, int score, @Nullable String comment, Instant respondedAt) {
}
