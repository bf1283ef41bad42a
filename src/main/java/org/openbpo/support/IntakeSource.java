package org.openbpo.support;

/** How a message reached us: fetched from the client's mailbox, or handed in by a mail relay. */
public enum IntakeSource {
    IMAP, RELAY
}
