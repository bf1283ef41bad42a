package org.openbpo.workforce;

import java.time.Instant;
import java.util.UUID;

/** Data residency: the centre may handle this client's work and data since {@code allowedAt}. */
public record ServedClient(UUID centreId, UUID clientId, Instant allowedAt) {
}
