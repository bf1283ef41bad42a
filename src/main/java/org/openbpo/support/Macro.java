package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** A canned reply of a client, with placeholders, and optionally the state it moves the ticket to. */
public record Macro(UUID id, String name, String body, @Nullable String moveTo) {
}
