package org.openbpo.payables;

/** A kept file of a message, to view or download. */
public record MailDocumentFile(String filename, String contentType, byte[] content) {
}
