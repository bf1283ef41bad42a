package org.openbpo.shared.calendar;

/** How a stopped SLA clock ended: within its target, or after it. */
public enum SlaOutcome {
    MET,
    BREACHED
}
