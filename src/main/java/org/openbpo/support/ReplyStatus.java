package org.openbpo.support;

/** Where a reply is on its way out: waiting (first try or a retry), handed to the client's mail server, or given up. */
public enum ReplyStatus {
    PENDING, SENT, FAILED
}
