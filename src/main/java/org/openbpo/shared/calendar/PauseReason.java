package org.openbpo.shared.calendar;

/** Why an SLA clock stopped running; reported to the client with every pause. */
public enum PauseReason {
    PENDING_CLIENT,
    PENDING_THIRD_PARTY,
    CLIENT_HOLD,
    OTHER
}
