package org.openbpo.billing;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One e-mail of an invoice to the client's billing contact: on issue, or sent again on request. */
public record InvoiceMailing(UUID id, UUID invoiceId, Reason reason, String messageId, String recipient, Status status,
                             int attempts, @Nullable String lastError, Instant createdAt, String createdBy,
                             @Nullable Instant sentAt) {

    public enum Reason { ISSUED, SENT_AGAIN }

    public enum Status { PENDING, SENT, FAILED }
}
