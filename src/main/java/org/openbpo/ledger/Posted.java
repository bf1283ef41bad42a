package org.openbpo.ledger;

/** The outcome of a post: the entry, and whether an earlier post with the same key had made it. */
public record Posted(Entry entry, boolean replayed) {
}
