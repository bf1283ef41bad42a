package org.openbpo.workforce;

/** Whether an agent can take work right now; only AVAILABLE agents are offered new items. */
public enum Presence {
    AVAILABLE, BUSY, AWAY, OFFLINE
}
