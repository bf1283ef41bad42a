package org.openbpo.work.domain;

/** What a work type's state means to the engine, whatever the work type calls it. */
public enum StateCategory {
    NEW, OPEN, PENDING_CLIENT, PENDING_THIRD_PARTY, REVIEW, DONE, CANCELLED;

    /** Waiting on someone outside the provider: the SLA clock stops and the reason is shown to the client. */
    public boolean pausesSla() {
        return this == PENDING_CLIENT || this == PENDING_THIRD_PARTY;
    }

    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }

    /** Waiting in a queue for an agent to take it. */
    public boolean routable() {
        return this == NEW || this == OPEN;
    }
}
