package org.openbpo.ledger.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.EntrySource;

import java.time.LocalDate;
import java.util.List;

/** A journal entry that passed the rules and balances: what the journal writes. */
public record Posting(LocalDate date, String description, EntrySource source, String idempotencyKey,
                      boolean adjusting, @Nullable Long reverses, List<PostingLine> lines) {

    public Posting {
        lines = List.copyOf(lines);
    }

    /** The entry that undoes this one: every line negated, in amount and in functional value. */
    public Posting reversal(long original, LocalDate on, String why) {
        return new Posting(on, why, EntrySource.REVERSAL, "reversal:" + original, adjusting, original,
                lines.stream().map(PostingLine::negated).toList());
    }
}
