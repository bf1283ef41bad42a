package org.openbpo.billing;

/** Draft (rated, may be refreshed) → review (its month is closed, figures frozen) → issued (numbered, final). */
public enum InvoiceStatus {
    DRAFT,
    REVIEW,
    ISSUED
}
