package org.openbpo.ledger;

import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.domain.Chart;
import org.openbpo.ledger.domain.Posting;
import org.openbpo.ledger.domain.PostingLine;
import org.openbpo.ledger.domain.PostingRules;
import org.openbpo.ledger.persistence.EntryRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts journal entries and reads them back. Entries are append-only: a mistake is undone by a
 * reversal entry. A repeated post with an idempotency key the client used before changes nothing
 * and returns the first entry.
 */
@Service
public class Journal {

    private final EntryRows rows;
    private final Books books;
    private final Periods periods;
    private final ExchangeRates rates;
    private final Clock clock;

    Journal(EntryRows rows, Books books, Periods periods, ExchangeRates rates, Clock clock) {
        this.rows = rows;
        this.books = books;
        this.periods = periods;
        this.rates = rates;
        this.clock = clock;
    }

    @Transactional
    public Posted post(UUID client, PostEntry command) {
        if (command.idempotencyKey() == null || command.idempotencyKey().isBlank()) {
            throw BusinessRuleViolation.invalid("idempotencyKey", "Every entry needs an idempotency key (or an Idempotency-Key header).");
        }
        if (command.source() == EntrySource.REVERSAL || command.source() == EntrySource.REVALUATION) {
            throw BusinessRuleViolation.invalid("source", command.source() + " entries are made by the ledger itself "
                    + "(reverse an entry, or run a revaluation).");
        }
        Chart chart = books.chart(client);
        Posting posting = new PostingRules(chart, rates.of(client), chart.book().functionalCurrency())
                .check(command, command.idempotencyKey(), null);
        return write(client, posting);
    }

    /** Posts the reversal of an entry; reversing it again returns the same reversal. */
    @Transactional
    public Posted reverse(UUID client, long entryId, ReverseEntry command) {
        Entry original = get(client, entryId);
        Optional<Long> earlier = rows.reversalOf(client, entryId);
        if (earlier.isPresent()) {
            return new Posted(get(client, earlier.get()), true);
        }
        LocalDate on = command.date() == null ? original.date() : command.date();
        String why = command.description() == null || command.description().isBlank()
                ? "Reversal of entry " + entryId + ": " + original.description() : command.description().strip();
        return write(client, asPosting(original).reversal(entryId, on, why));
    }

    @Transactional(readOnly = true)
    public Entry get(UUID client, long entryId) {
        books.book(client);
        return rows.find(client, entryId).orElseThrow(() -> new NotFound("entry", entryId));
    }

    @Transactional(readOnly = true)
    public List<Entry> page(UUID client, LocalDate from, LocalDate to, @Nullable LocalDate afterDate, long afterId, int limit) {
        books.book(client);
        return rows.page(client, from, to, afterDate, afterId, limit);
    }

    /** Writes a posting the caller built and checked itself (reversals, revaluations, imports). */
    Posted write(UUID client, Posting posting) {
        try {
            periods.requireOpen(client, posting.date(), posting.adjusting());
        } catch (BusinessRuleViolation closed) {
            // A retry of an entry that posted before the month closed is still a no-op.
            return replay(client, posting.idempotencyKey()).orElseThrow(() -> closed);
        }
        Instant at = clock.instant();
        String by = Books.actor();
        Optional<Long> id;
        try {
            id = rows.post(client, posting, at, by);
        } catch (DataAccessException refused) {
            throw translate(refused);
        }
        return id.map(posted -> new Posted(asEntry(posted, posting, at, by), false))
                .orElseGet(() -> replay(client, posting.idempotencyKey()).orElseThrow());
    }

    Optional<Posted> replay(UUID client, String idempotencyKey) {
        return rows.idOf(client, idempotencyKey).flatMap(first -> rows.find(client, first)).map(first -> new Posted(first, true));
    }

    /** What the database refused, in the words of the posting rules. */
    private static RuntimeException translate(DataAccessException refused) {
        Throwable cause = refused.getMostSpecificCause();
        String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
        if ("LP001".equals(state)) {
            return new BusinessRuleViolation(422, "period-closed", "date", "The database refused the entry: "
                    + cause.getMessage().lines().findFirst().orElse("") + ".");
        }
        if ("23505".equals(state) && cause.getMessage().contains("entry_reversed_once")) {
            return BusinessRuleViolation.conflict("already-reversed", "This entry has already been reversed.");
        }
        return refused;
    }

    private static Posting asPosting(Entry entry) {
        List<PostingLine> lines = new ArrayList<>();
        for (Entry.Line line : entry.lines()) {
            lines.add(new PostingLine(line.account(), line.currency(), line.amount(), line.functionalAmount(),
                    line.costCentre(), line.project(), line.memo()));
        }
        return new Posting(entry.date(), entry.description(), entry.source(), entry.idempotencyKey(), entry.adjusting(),
                entry.reverses(), lines);
    }

    static Entry asEntry(long id, Posting posting, Instant at, String by) {
        List<Entry.Line> lines = new ArrayList<>();
        for (int i = 0; i < posting.lines().size(); i++) {
            PostingLine line = posting.lines().get(i);
            lines.add(new Entry.Line(i + 1, line.account(), line.currency(), Math.max(line.amount(), 0),
                    Math.max(-line.amount(), 0), line.functionalAmount(), line.costCentre(), line.project(), line.memo()));
        }
        return new Entry(id, posting.date(), posting.description(), posting.source(), posting.idempotencyKey(),
                posting.adjusting(), posting.reverses(), at, by, List.copyOf(lines));
    }
}
