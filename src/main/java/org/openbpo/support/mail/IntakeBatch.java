package org.openbpo.support.mail;

import org.openbpo.support.CustomerRecords;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch of customer emails writes once for all its messages rather than once per message:
 * the customers of its new tickets and the Message-IDs of its conversations. A reply later in the
 * same batch finds the ticket of an earlier message here, since those are written only at the end.
 */
public final class IntakeBatch {

    record Thread(long itemId, Instant at) {
    }

    final List<CustomerRecords.NewTicket> newTickets = new ArrayList<>();
    final Map<String, Thread> threads = new LinkedHashMap<>();
}
