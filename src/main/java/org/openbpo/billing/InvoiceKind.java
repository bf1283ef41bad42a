package org.openbpo.billing;

/** An invoice for a month, or a credit note correcting an issued one. */
public enum InvoiceKind {
    INVOICE,
    CREDIT_NOTE
}
