package org.openbpo.work;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** Where a client's work waits for agents who hold the skill (and language) it asks for. */
public record Queue(UUID clientId, UUID id, String code, String name, String serviceLine,
                    @Nullable String requiredSkill, int minProficiency, @Nullable String language) {
}
