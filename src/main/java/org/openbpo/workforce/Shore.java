package org.openbpo.workforce;

/** Where a centre sits relative to the clients it serves, which drives cost and data-residency rules. */
public enum Shore {
    ONSHORE, NEARSHORE, OFFSHORE
}
