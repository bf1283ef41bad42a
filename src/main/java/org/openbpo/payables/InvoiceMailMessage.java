package org.openbpo.payables;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message that reached the client's AP mailbox, what became of it and why, and the files it carried. */
public record InvoiceMailMessage(UUID id, String source, Instant receivedAt, @Nullable String sender, @Nullable String subject,
                                 long size, InvoiceMailStatus status, @Nullable String reason, List<UUID> invoiceIds,
                                 List<UUID> creditNoteIds, @Nullable Long workItemId, List<Document> documents) {

    /** A file of the message; a refused one is listed with the reason, its content not kept. */
    public record Document(int number, String filename, String contentType, long size, String kind, @Nullable String refused) {
    }

    public InvoiceMailMessage withDocuments(List<Document> documents) {
        return new InvoiceMailMessage(id, source, receivedAt, sender, subject, size, status, reason, invoiceIds, creditNoteIds,
                workItemId, List.copyOf(documents));
    }
}
