package org.openbpo.payables;

/** What became of a message that reached a client's AP mailbox. */
public enum InvoiceMailStatus {
    /** Stored, not yet read (a crash between storing and reading leaves it here for any node to finish). */
    RECEIVED,
    /** Its UBL e-invoices (and credit notes) were captured. */
    CAPTURED,
    /** It carries a PDF only: a draft for an agent to key in, raised as a work item. */
    TO_KEY,
    /** An agent keyed the invoice in from its PDF. */
    KEYED,
    /** Written by a machine (auto-reply, bounce) or by ourselves (a loop): nothing to do. */
    IGNORED,
    /** Nothing captured, with the reason: an unreadable message, a refused e-invoice, no invoice attached. */
    REJECTED
}
