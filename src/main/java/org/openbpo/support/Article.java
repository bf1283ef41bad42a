package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A knowledge-base article of a client: an internal procedure (SOP) or a public help-centre article. */
public record Article(UUID id, Kind kind, String slug, String title, String body, @Nullable String category, boolean published,
                      Instant createdAt, Instant updatedAt, String updatedBy) {

    public enum Kind { SOP, PUBLIC }
}
