package org.openbpo.support;

/** What became of an inbound message. Everything but RECEIVED is final and carries its reason where there is one. */
public enum IntakeStatus {
    /** Stored, not yet read: a node will pick it up. */
    RECEIVED,
    TICKET_CREATED,
    COMMENT_ADDED,
    /** Read and deliberately not acted on: an automatic reply, a mail loop. */
    IGNORED,
    /** Could not be read (malformed MIME, no sender, too large); kept for an administrator. */
    REJECTED,
    /** Read, but the business refused it (no support line in force, say); kept for an administrator. */
    FAILED
}
