package org.openbpo.support.domain;

import org.jspecify.annotations.Nullable;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the headers of a raw message say before it is read in full: enough to store it under a
 * key that is the same every time the same message arrives, and to count its sender.
 */
public record Envelope(@Nullable String messageId, @Nullable String sender, @Nullable String subject) {

    /** The Message-ID, or a SHA-256 of the raw bytes for the rare message without one. */
    public String key(byte[] raw) {
        if (messageId != null) {
            return messageId;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String printable(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
