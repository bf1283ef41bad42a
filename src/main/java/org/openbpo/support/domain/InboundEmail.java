package org.openbpo.support.domain;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A customer's message as read: who wrote it, what it answers, its text (a plain-text part, or the
 * text of its HTML part), its HTML already sanitised, and its files. {@code automatic} says why the
 * message was written by a machine (an out-of-office reply, a bounce), or is null for a person.
 * {@code notes} record what could not be read faithfully (an unknown character set, say). {@code sentAt}
 * is when its Date header says it was written, if it says.
 */
public record InboundEmail(@Nullable String messageId, List<String> inReplyTo, List<String> references, String sender,
                           @Nullable String senderName, String subject, String text, @Nullable String safeHtml,
                           List<EmailAttachment> attachments, @Nullable String automatic, @Nullable String loopMark,
                           List<String> notes, @Nullable Instant sentAt) {

    public InboundEmail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
    }

    /**
     * When the sender wrote it, as far as the mail can be believed: its Date, but never after it reached us (a
     * clock ahead, or no Date at all, is taken as the moment it arrived).
     */
    public Instant writtenAt(Instant receivedAt) {
        return sentAt == null || sentAt.isAfter(receivedAt) ? receivedAt : sentAt;
    }

    /** The Message-IDs this message says it answers, nearest first. */
    public List<String> answers() {
        var ids = new java.util.ArrayList<>(inReplyTo);
        references.reversed().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids;
    }
}
