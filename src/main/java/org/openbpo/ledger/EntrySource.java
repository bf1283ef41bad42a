package org.openbpo.ledger;

/** Where a journal entry came from. */
public enum EntrySource {
    MANUAL, PAYROLL_RUN, VENDOR_INVOICE, PAYMENT, IMPORT, REVERSAL, REVALUATION, CLIENT_INVOICE, CREDIT_NOTE
}
