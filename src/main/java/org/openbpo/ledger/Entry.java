package org.openbpo.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A posted journal entry. Amounts are minor units; a line is either a debit or a credit. */
public record Entry(long id, LocalDate date, String description, EntrySource source, String idempotencyKey,
                    boolean adjusting, @Nullable Long reverses, Instant postedAt, String postedBy, List<Line> lines) {

    public record Line(int lineNo, String account, String currency, long debit, long credit, long functionalAmount,
                       @Nullable String costCentre, @Nullable String project, @Nullable String memo) {

        /** Debit positive, credit negative. */
        public long amount() {
            return debit - credit;
        }
    }
}
