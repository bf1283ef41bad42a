package org.openbpo.contracts;

/** Urgency of a work item; get-next serves higher priorities first, escalation raises it by one. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }

    public int rank() {
        return ordinal();
    }

    public static Priority ofRank(int rank) {
        return values()[rank];
    }
}
