package org.openbpo.work;

import java.time.Instant;

/** One change in an item's life, as the timeline shows it; {@code data} is JSON. */
public record TimelineEntry(Instant at, String actor, String type, String data) {
}
