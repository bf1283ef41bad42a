package org.openbpo.ledger;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.ledger.domain.Chart;
import org.openbpo.ledger.domain.LedgerKeys;
import org.openbpo.ledger.domain.Posting;
import org.openbpo.ledger.domain.PostingLine;
import org.openbpo.ledger.domain.PostingRules;
import org.openbpo.ledger.persistence.EntryRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Posts journal entries and reads them back. Entries are append-only: a mistake is undone by a
 * reversal entry. A repeated post with an idempotency key the client used before changes nothing
 * and returns the first entry.
 *
 * <p>A post made outside any transaction (the API without an {@code Idempotency-Key} header, most
 * integrations) is written together with the posts that arrive while the previous ones are being
 * written: one statement and one commit for all of them ({@link PostingBatches}). Each still posts
 * all or nothing under its own key: if the database refuses the shared statement, every post of
 * the batch is written again on its own. A post made inside the caller's transaction (payroll's and
 * payables' listeners, the API with an {@code Idempotency-Key} header) is written in it, at once.
 */
@Service
public class Journal {

    private final EntryRows rows;
    private final Books books;
    private final Periods periods;
    private final ExchangeRates rates;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final PostingBatches batches;
    private final AuditTrail audit;

    Journal(EntryRows rows, Books books, Periods periods, ExchangeRates rates, AuditTrail audit, Clock clock,
            TransactionTemplate transactions,
            @Value("${openbpo.ledger.posting-writers:2}") int writers,
            @Value("${openbpo.ledger.posting-batch:128}") int largestBatch) {
        this.rows = rows;
        this.books = books;
        this.periods = periods;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.batches = new PostingBatches(writers, largestBatch, this::writeTogether);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        batches.stop();
    }

    public Posted post(UUID client, PostEntry command) {
        if (command.idempotencyKey() == null || command.idempotencyKey().isBlank()) {
            throw BusinessRuleViolation.invalid("idempotencyKey", "Every entry needs an idempotency key (or an Idempotency-Key header).");
        }
        if (command.source() == EntrySource.REVERSAL || command.source() == EntrySource.REVALUATION) {
            throw BusinessRuleViolation.invalid("source", command.source() + " entries are made by the ledger itself "
                    + "(reverse an entry, or run a revaluation).");
        }
        if (!TenantScope.current().includes(client)) {
            throw new NotFound("client", client);
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return postNow(client, command, Books.actor());
        }
        return batches.post(client, command, Books.actor())
                .orElseGet(() -> transactions.execute(tx -> replay(client, command.idempotencyKey()).orElseThrow()));
    }

    /** Checks and writes one post in the current transaction. */
    private Posted postNow(UUID client, PostEntry command, String by) {
        Posted posted = write(client, check(client, command), by);
        if (!posted.replayed()) {
            audit.recordEach(POSTED, "entry", List.of(client), List.of(String.valueOf(posted.entry().id())), List.of(by),
                    List.of(posted(posted.entry())));
        }
        return posted;
    }

    private static final String POSTED = "ledger.entry-posted";

    /**
     * What the audit record of a post says: the entry's head and size. The lines themselves are in the
     * journal, which is append-only; the record puts the post, who made it and when in the hash chain.
     */
    private static Map<String, Object> posted(Entry entry) {
        long functionalDebits = 0;
        for (Entry.Line line : entry.lines()) {
            functionalDebits = Math.addExact(functionalDebits, Math.max(line.functionalAmount(), 0));
        }
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("entry", entry.id());
        after.put("date", entry.date().toString());
        after.put("description", entry.description());
        after.put("source", entry.source().name());
        after.put("idempotencyKey", entry.idempotencyKey());
        after.put("adjusting", entry.adjusting());
        after.put("reverses", entry.reverses());
        after.put("lines", entry.lines().size());
        after.put("functionalDebits", functionalDebits);
        return after;
    }

    private Posting check(UUID client, PostEntry command) {
        Chart chart = books.chart(client);
        return new PostingRules(chart, rates.of(client), chart.book().functionalCurrency())
                .check(command, command.idempotencyKey(), null);
    }

    /**
     * Writes a batch in one transaction and answers each request after the commit. A post the rules
     * refuse is answered with its refusal and left out; a post whose key was taken (before, or by
     * another post of the same batch) is answered empty, and its caller reads the first entry after
     * the commit, on its own thread. If the transaction fails as a whole (the
     * database refused one post, a month closed in the meantime, a deadlock), each post is written
     * again in a transaction of its own, so that only the guilty one fails.
     */
    private void writeTogether(List<PostingBatches.Request> batch) {
        Set<UUID> clients = batch.stream().map(PostingBatches.Request::client).collect(Collectors.toUnmodifiableSet());
        Map<PostingBatches.Request, Object> answers;
        try {
            answers = TenantScope.call(AllowedClients.only(clients), () -> transactions.execute(tx -> answers(batch)));
        } catch (RuntimeException failed) {
            batch.forEach(this::writeAlone);
            return;
        }
        answers.forEach((request, answer) -> {
            if (answer instanceof Posted posted) {
                request.answer().complete(Optional.of(posted));
            } else if (answer == KEY_TAKEN) {
                request.answer().complete(Optional.empty());
            } else {
                request.answer().completeExceptionally((Throwable) answer);
            }
        });
    }

    private void writeAlone(PostingBatches.Request request) {
        try {
            request.answer().complete(Optional.of(TenantScope.call(AllowedClients.only(request.client()), () ->
                    transactions.execute(tx -> postNow(request.client(), request.command(), request.by())))));
        } catch (RuntimeException refused) {
            request.answer().completeExceptionally(refused);
        }
    }

    /** The answer of a post whose key was taken: its caller reads the first entry after the commit. */
    private static final Object KEY_TAKEN = new Object();

    /** Each request's answer: its {@link Posted}, {@link #KEY_TAKEN}, or the refusal to throw at its caller. */
    private Map<PostingBatches.Request, Object> answers(List<PostingBatches.Request> batch) {
        Map<PostingBatches.Request, Object> answers = new IdentityHashMap<>();
        List<PostingBatches.Request> together = new ArrayList<>();
        List<Posting> postings = new ArrayList<>();
        List<PostingBatches.Request> repeats = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (PostingBatches.Request request : batch) {
            try {
                Posting posting = check(request.client(), request.command());
                try {
                    periods.requireOpen(request.client(), posting.date(), posting.adjusting());
                } catch (BusinessRuleViolation closed) {
                    answers.put(request, replay(request.client(), posting.idempotencyKey()).<Object>map(p -> p).orElse(closed));
                    continue;
                }
                if (!keys.add(request.client() + "\n" + posting.idempotencyKey())) {
                    repeats.add(request);
                    continue;
                }
                together.add(request);
                postings.add(posting);
            } catch (BusinessRuleViolation refused) {
                answers.put(request, refused);
            }
        }
        if (!postings.isEmpty()) {
            Instant at = clock.instant();
            List<UUID> owners = together.stream().map(PostingBatches.Request::client).toList();
            List<String> by = together.stream().map(PostingBatches.Request::by).toList();
            List<Optional<Long>> ids = rows.postAll(owners, postings, at, by);
            List<UUID> auditClients = new ArrayList<>();
            List<String> auditIds = new ArrayList<>();
            List<String> auditActors = new ArrayList<>();
            List<Map<String, Object>> auditAfters = new ArrayList<>();
            for (int i = 0; i < together.size(); i++) {
                PostingBatches.Request request = together.get(i);
                Posting posting = postings.get(i);
                String who = by.get(i);
                Object answer = ids.get(i).<Object>map(id -> new Posted(asEntry(id, posting, at, who), false)).orElse(KEY_TAKEN);
                answers.put(request, answer);
                if (answer instanceof Posted posted) {
                    auditClients.add(request.client());
                    auditIds.add(String.valueOf(posted.entry().id()));
                    auditActors.add(who);
                    auditAfters.add(posted(posted.entry()));
                }
            }
            if (!auditIds.isEmpty()) {
                // One insert for the whole batch, in its transaction: the records commit with the entries.
                audit.recordEach(POSTED, "entry", auditClients, auditIds, auditActors, auditAfters);
            }
        }
        for (PostingBatches.Request repeat : repeats) {
            answers.put(repeat, KEY_TAKEN);
        }
        return answers;
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
        String by = Books.actor();
        Posted reversal = write(client, asPosting(original).reversal(entryId, on, why), by);
        if (!reversal.replayed()) {
            // Recorded against the entry reversed, so its history tells it was undone, by whom and how.
            audit.recordEach("ledger.entry-reversed", "entry", List.of(client), List.of(String.valueOf(entryId)), List.of(by),
                    List.of(posted(reversal.entry())));
        }
        return reversal;
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
        return write(client, posting, Books.actor());
    }

    private Posted write(UUID client, Posting posting, String by) {
        try {
            periods.requireOpen(client, posting.date(), posting.adjusting());
        } catch (BusinessRuleViolation closed) {
            // A retry of an entry that posted before the month closed is still a no-op.
            return replay(client, posting).orElseThrow(() -> closed);
        }
        Instant at = clock.instant();
        Optional<Long> id;
        try {
            id = rows.post(client, posting, at, by);
        } catch (DataAccessException refused) {
            throw translate(refused);
        }
        return id.map(posted -> new Posted(asEntry(posted, posting, at, by), false))
                .orElseGet(() -> replay(client, posting).orElseThrow());
    }

    /**
     * The entry first posted under the posting's key, if it is the same kind of entry: a reversal of
     * the same entry, a revaluation, a pay run's posting. Another entry under the key (one posted under
     * the ledger's own key before users' keys were kept apart) is not passed off as this one.
     */
    private Optional<Posted> replay(UUID client, Posting posting) {
        return replay(client, posting.idempotencyKey()).map(first -> {
            if (first.entry().source() != posting.source() || !Objects.equals(first.entry().reverses(), posting.reverses())) {
                throw new BusinessRuleViolation(409, "idempotency-key-taken", "idempotencyKey", "Entry "
                        + first.entry().id() + " holds the key " + posting.idempotencyKey() + " and is not this "
                        + posting.source() + " entry; nothing was posted.");
            }
            return first;
        });
    }

    /** Which of the keys the client's entries hold. */
    void lockRevaluations(UUID client) {
        rows.lockRevaluations(client);
    }

    /** The key a revaluation of the day posts under now: each reversal of that day's revaluation frees it again. */
    String revaluationKey(UUID client, LocalDate day) {
        return LedgerKeys.revaluation(day, rows.reversedRevaluations(client, day));
    }

    Set<LocalDate> revaluedDays(UUID client, List<LocalDate> days) {
        return rows.revaluedDays(client, days);
    }

    /** The latest revaluation after the day that stands (was not reversed), if any. */
    Optional<EntryRows.DatedEntry> latestRevaluationAfter(UUID client, LocalDate day) {
        return rows.latestRevaluationAfter(client, day);
    }

    Optional<Posted> replay(UUID client, String idempotencyKey) {
        return rows.findByKey(client, idempotencyKey).map(first -> new Posted(first, true));
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
