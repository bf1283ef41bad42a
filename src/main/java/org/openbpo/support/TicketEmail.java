package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One email from the customer on a ticket, as an agent reads it: the text without the quoted
 * history, and the HTML only in its sanitised form — the raw HTML is never served to a browser.
 */
public record TicketEmail(UUID id, Instant receivedAt, @Nullable String sender, @Nullable String subject,
                          @Nullable String text, @Nullable String safeHtml, List<String> notes) {
}
