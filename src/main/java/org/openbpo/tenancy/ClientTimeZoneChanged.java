package org.openbpo.tenancy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A client's time zone changed in its settings. Its days now start and end at other moments: what was worked out
 * in the old zone and kept (a contract term's first and last day, say) must be worked out again: on every node,
 * which {@link ClientTimeZones} tells of the change.
 */
public record ClientTimeZoneChanged(UUID clientId, ZoneId from, ZoneId to, String by, Instant at) {
}
