package org.openbpo.support.mail;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.IntakeStatus;

import java.util.List;

/** What became of one inbound message, to be written beside it. */
public record Settlement(IntakeStatus status, @Nullable String reason, List<String> notes, @Nullable Long itemId,
                         @Nullable String text, @Nullable String safeHtml) {

    static Settlement ignored(String reason, List<String> notes) {
        return new Settlement(IntakeStatus.IGNORED, reason, notes, null, null, null);
    }
}
