package org.openbpo.support;

import java.time.Instant;
import java.util.List;

/** A customer and their tickets on every channel, newest first. */
public record CustomerHistory(Customer customer, List<Contact> tickets) {

    /** One ticket of the customer: what it was about, how it came in, where it stands. */
    public record Contact(long itemId, String reference, String title, String channel, String state, Instant createdAt) {
    }
}
