package org.openbpo.support.mail;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.CustomerRecords;
import org.openbpo.support.IdentifyCustomer;
import org.openbpo.support.domain.InboundEmail;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.CreateWorkItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a batch of customer emails writes once for all its messages rather than once per message:
 * its new tickets (raised together by the work engine), the customers of those tickets and the
 * Message-IDs of its conversations. A reply later in the same batch finds the ticket of an earlier
 * message here, since those are written only at the end.
 */
public final class IntakeBatch {

    record Thread(long itemId, Instant at) {
    }

    /** A message that becomes a new ticket when the batch next raises its tickets; its settlement is known from then on. */
    static final class NewTicket implements Supplier<Settlement> {
        final CreateWorkItem command;
        final CurrentUser by;
        final IdentifyCustomer who;
        final InboundEmail email;
        final String text;
        final List<String> notes;
        final Instant receivedAt;
        private @Nullable Settlement settlement;

        NewTicket(CreateWorkItem command, CurrentUser by, IdentifyCustomer who, InboundEmail email, String text,
                  List<String> notes, Instant receivedAt) {
            this.command = command;
            this.by = by;
            this.who = who;
            this.email = email;
            this.text = text;
            this.notes = notes;
            this.receivedAt = receivedAt;
        }

        void settled(Settlement settlement) {
            this.settlement = settlement;
        }

        @Override
        public Settlement get() {
            if (settlement == null) {
                throw new IllegalStateException("The batch's tickets have not been raised yet");
            }
            return settlement;
        }
    }

    final List<NewTicket> toRaise = new ArrayList<>();
    final Set<String> toRaiseMessageIds = new HashSet<>();
    final List<CustomerRecords.NewTicket> newTickets = new ArrayList<>();
    final Map<String, Thread> threads = new LinkedHashMap<>();
}
