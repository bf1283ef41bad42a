package org.openbpo.ledger;

/** Accounts that jobs and reports look up by what they are for rather than by code. */
public enum AccountPurpose {
    RETAINED_EARNINGS, UNREALISED_FX
}
