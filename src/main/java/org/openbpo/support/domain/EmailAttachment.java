package org.openbpo.support.domain;

/** A file that came with a customer's message; the name is already safe to show and store. */
public record EmailAttachment(String filename, String contentType, byte[] content) {

    public long size() {
        return content.length;
    }
}
