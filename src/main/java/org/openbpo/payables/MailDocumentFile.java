package org.openbpo.payables;

/** A kept file of a message, to view or download; {@code pdf} when its first bytes say it is a PDF, whatever its name. */
public record MailDocumentFile(String filename, String contentType, byte[] content, boolean pdf) {
}
