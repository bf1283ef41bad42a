package org.openbpo.shared.bankfile;

/** A written bank file: what to call it, its media type and its bytes. */
public record BankFile(String fileName, String mediaType, byte[] content) {
}
