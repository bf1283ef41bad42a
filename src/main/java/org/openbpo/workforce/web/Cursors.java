package org.openbpo.workforce.web;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;

import java.util.UUID;

/** Cursors of lists keyed by an id. */
final class Cursors {

    private Cursors() {
    }

    static @Nullable UUID afterId(@Nullable String cursor) {
        String after = CursorPage.decode(cursor);
        try {
            return after == null ? null : UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
