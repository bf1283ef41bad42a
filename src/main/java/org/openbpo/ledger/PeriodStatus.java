package org.openbpo.ledger;

/** Open takes any entry; soft-closed only accountants' adjusting entries; closed nothing. */
public enum PeriodStatus {
    OPEN, SOFT_CLOSED, CLOSED
}
