package org.openbpo.payables;

import java.math.BigDecimal;
import java.util.UUID;

/** Credit of a vendor's credit note set against one of its invoices by a payment proposal (not cancelled). */
public record CreditAllocation(UUID creditNoteId, UUID invoiceId, String invoiceNumber, UUID proposalId, String proposalStatus,
                               String currency, BigDecimal amount) {
}
