package org.openbpo.payables;

/** Where a vendor invoice stands between capture and payment. */
public enum InvoiceStatus {
    /** A mismatch or a suspected duplicate: an agent works it as an exception work item. */
    EXCEPTION,
    /** Waiting for one of the client's approvers. */
    AWAITING_APPROVAL,
    /** Approved (or matched to its order within tolerance) and posted: ready to be proposed for payment. */
    APPROVED,
    /** In a payment proposal. */
    PROPOSED,
    PAID,
    REJECTED;

    public boolean open() {
        return this != PAID && this != REJECTED;
    }
}
