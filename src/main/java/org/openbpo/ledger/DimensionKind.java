package org.openbpo.ledger;

/** What a posting line may be analysed by besides its account. */
public enum DimensionKind {
    COST_CENTRE, PROJECT
}
