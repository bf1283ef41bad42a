package org.openbpo.support;

import java.time.Instant;

/** One line of a chat, numbered in the order it was said. */
public record ChatMessage(int seq, Author author, String name, String body, Instant at) {

    public enum Author { CUSTOMER, AGENT, SYSTEM }
}
