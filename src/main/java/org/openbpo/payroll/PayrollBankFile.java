package org.openbpo.payroll;

import java.time.Instant;

/** A paid run's bank file: its format (NACHA, BACS, SEPA or CSV), name, media type, control figures and bytes. */
public record PayrollBankFile(long runId, String format, String fileName, String mediaType, int payments, String total,
                              String currency, Instant createdAt, byte[] content) {
}
