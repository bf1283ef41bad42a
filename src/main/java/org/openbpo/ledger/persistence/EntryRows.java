package org.openbpo.ledger.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.Entry;
import org.openbpo.ledger.EntrySource;
import org.openbpo.ledger.domain.Posting;
import org.openbpo.ledger.domain.PostingLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The journal: entries and their lines, appended and read, never changed. */
@Repository
public class EntryRows {

    /**
     * One round trip posts the entry and its lines, or nothing when the idempotency key was used
     * before. The database's triggers add the lines to the running balances in the same statement,
     * refuse closed periods, and check the balance at commit.
     */
    private static final String POST = """
            with new_entry as (
                insert into ledger.entry (client_id, id, entry_date, description, source, idempotency_key, adjusting,
                                          reverses, posted_at, posted_by)
                values (?, nextval('ledger.entry_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (client_id, idempotency_key) do nothing
                returning id
            ), new_lines as (
                insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, currency, amount,
                                         functional_amount, cost_centre, project, memo)
                select ?, new_entry.id, l.line_no::smallint, ?, l.account, l.currency, l.amount, l.functional,
                       l.cost_centre, l.project, l.memo
                  from new_entry,
                       unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                           with ordinality as l(account, currency, amount, functional, cost_centre, project, memo, line_no)
            )
            select id from new_entry""";

    /**
     * Many posts in one round trip: each entry whose key its client has not used, with its lines.
     * Entries go in key order, so two batches waiting on each other's keys cannot deadlock. Answers
     * (ordinal, id) for the entries it wrote; an entry whose key was taken is left out, with its lines.
     */
    private static final String POST_ALL = """
            with wanted as materialized (
                select * from unnest((?::text[])::uuid[], (?::text[])::date[], ?::text[], ?::text[], ?::text[],
                                     (?::text[])::boolean[], ?::text[])
                         with ordinality as w(client_id, entry_date, description, source, idempotency_key, adjusting,
                                              posted_by, ordinal)
            ), new_entry as (
                insert into ledger.entry (client_id, id, entry_date, description, source, idempotency_key, adjusting,
                                          posted_at, posted_by)
                select client_id, nextval('ledger.entry_id_seq'), entry_date, description, source, idempotency_key, adjusting,
                       ?, posted_by
                  from wanted
                 order by client_id, idempotency_key
                on conflict (client_id, idempotency_key) do nothing
                returning client_id, idempotency_key, id
            ), posted as materialized (
                select w.ordinal, w.client_id, w.entry_date, n.id
                  from wanted w join new_entry n on n.client_id = w.client_id and n.idempotency_key = w.idempotency_key
            ), new_lines as (
                insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, currency, amount,
                                         functional_amount, cost_centre, project, memo)
                select p.client_id, p.id, l.line_no::smallint, p.entry_date, l.account, l.currency, l.amount, l.functional,
                       l.cost_centre, l.project, l.memo
                  from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[],
                              ?::text[]) as l(ordinal, line_no, account, currency, amount, functional, cost_centre, project, memo)
                  join posted p on p.ordinal = l.ordinal
            )
            select ordinal, id from posted""";

    private final JdbcClient jdbc;

    EntryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new entry's id, or empty if the client already has an entry with this idempotency key. */
    public Optional<Long> post(UUID client, Posting posting, Instant at, String by) {
        List<PostingLine> lines = posting.lines();
        int n = lines.size();
        String[] accounts = new String[n];
        String[] currencies = new String[n];
        Long[] amounts = new Long[n];
        Long[] functional = new Long[n];
        String[] costCentres = new String[n];
        String[] projects = new String[n];
        String[] memos = new String[n];
        for (int i = 0; i < n; i++) {
            PostingLine line = lines.get(i);
            accounts[i] = line.account();
            currencies[i] = line.currency();
            amounts[i] = line.amount();
            functional[i] = line.functionalAmount();
            costCentres[i] = line.costCentre();
            projects[i] = line.project();
            memos[i] = line.memo();
        }
        List<Object> params = new ArrayList<>(Arrays.asList(client, posting.date(), posting.description(),
                posting.source().name(), posting.idempotencyKey(), posting.adjusting(), posting.reverses(),
                Timestamp.from(at), by, client, posting.date(), accounts, currencies, amounts, functional,
                costCentres, projects, memos));
        return jdbc.sql(POST).params(params).query(Long.class).optional();
    }

    /**
     * Writes the postings (each of its client, by its poster) in one statement; for each, in order,
     * its new entry's id, or empty if its client already had an entry with its idempotency key.
     */
    public List<Optional<Long>> postAll(List<UUID> clients, List<Posting> postings, Instant at, List<String> by) {
        int n = postings.size();
        String[] owners = new String[n];
        String[] dates = new String[n];
        String[] descriptions = new String[n];
        String[] sources = new String[n];
        String[] keys = new String[n];
        String[] adjusting = new String[n];
        String[] posters = new String[n];
        int lineCount = postings.stream().mapToInt(p -> p.lines().size()).sum();
        Long[] ordinals = new Long[lineCount];
        Long[] numbers = new Long[lineCount];
        String[] accounts = new String[lineCount];
        String[] currencies = new String[lineCount];
        Long[] amounts = new Long[lineCount];
        Long[] functional = new Long[lineCount];
        String[] costCentres = new String[lineCount];
        String[] projects = new String[lineCount];
        String[] memos = new String[lineCount];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Posting posting = postings.get(i);
            owners[i] = clients.get(i).toString();
            dates[i] = posting.date().toString();
            descriptions[i] = posting.description();
            sources[i] = posting.source().name();
            keys[i] = posting.idempotencyKey();
            adjusting[i] = Boolean.toString(posting.adjusting());
            posters[i] = by.get(i);
            List<PostingLine> lines = posting.lines();
            for (int j = 0; j < lines.size(); j++, k++) {
                PostingLine line = lines.get(j);
                ordinals[k] = (long) i + 1;
                numbers[k] = (long) j + 1;
                accounts[k] = line.account();
                currencies[k] = line.currency();
                amounts[k] = line.amount();
                functional[k] = line.functionalAmount();
                costCentres[k] = line.costCentre();
                projects[k] = line.project();
                memos[k] = line.memo();
            }
        }
        List<Object> params = new ArrayList<>(Arrays.asList(owners, dates, descriptions, sources, keys, adjusting, posters,
                Timestamp.from(at), ordinals, numbers, accounts, currencies, amounts, functional, costCentres, projects, memos));
        Long[] ids = new Long[n];
        jdbc.sql(POST_ALL).params(params).query(rs -> {
            ids[(int) rs.getLong(1) - 1] = rs.getLong(2);
        });
        List<Optional<Long>> written = new ArrayList<>(n);
        for (Long id : ids) {
            written.add(Optional.ofNullable(id));
        }
        return written;
    }

    /** Every line of a client's journal in date and entry order, streamed to the callback. */
    public void everyLine(UUID client, java.util.function.Consumer<JournalLine> each) {
        // Read to the end, so plan for the whole result rather than for its first rows.
        jdbc.sql("set local cursor_tuple_fraction = 1").update();
        jdbc.sql("""
                        select e.id, e.entry_date, e.description, e.source, e.idempotency_key, e.reverses, l.line_no,
                               l.account_code, l.currency, l.amount, l.functional_amount, l.cost_centre, l.project, l.memo
                          from ledger.entry e
                          join ledger.line l on l.client_id = e.client_id and l.entry_id = e.id
                         where e.client_id = ?
                         order by e.entry_date, e.id, l.line_no""")
                .param(client).withFetchSize(10_000)
                .query(rs -> {
                    Long reverses = rs.getObject(6, Long.class);
                    each.accept(new JournalLine(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), reverses, rs.getInt(7), rs.getString(8),
                            rs.getString(9), rs.getLong(10), rs.getLong(11), rs.getString(12), rs.getString(13), rs.getString(14)));
                });
    }

    /** One line with its entry's head, as an export reads them. */
    public record JournalLine(long entryId, LocalDate date, String description, String source, String idempotencyKey,
                              @Nullable Long reverses, int lineNo, String account, String currency, long amount,
                              long functionalAmount, @Nullable String costCentre, @Nullable String project,
                              @Nullable String memo) {
    }

    /** Which of the keys the client's entries hold. */
    public Set<String> keysHeld(UUID client, List<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select idempotency_key from ledger.entry where client_id = ? and idempotency_key = any (?::text[])")
                .params(List.of(client, keys.toArray(String[]::new))).query(String.class).list());
    }

    /** Serialises the revaluations of a client's books: each waits for the one before it to commit or roll back. */
    public void lockRevaluations(UUID client) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('ledger.revaluation:' || ?, 0))").param(client.toString())
                .query(rs -> { });
    }

    /** How many revaluations of the day were reversed. */
    public int reversedRevaluations(UUID client, LocalDate day) {
        return jdbc.sql("""
                        select count(*) from ledger.entry e
                         where e.client_id = ? and e.entry_date = ? and e.source = 'REVALUATION'
                           and exists (select 1 from ledger.entry r where r.client_id = e.client_id and r.reverses = e.id)""")
                .params(client, day).query(Integer.class).single();
    }

    /** The days among these with a revaluation that stands (was not reversed). */
    public java.util.Set<LocalDate> revaluedDays(UUID client, List<LocalDate> days) {
        if (days.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("""
                        select distinct e.entry_date from ledger.entry e
                         where e.client_id = ? and e.entry_date = any (?::date[]) and e.source = 'REVALUATION'
                           and not exists (select 1 from ledger.entry r where r.client_id = e.client_id and r.reverses = e.id)""")
                .params(client, days.stream().map(LocalDate::toString).toArray(String[]::new))
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list());
    }

    /**
     * The latest revaluation dated after the day that was not reversed, if any: the one a revaluation
     * of that day would partly undo.
     */
    public Optional<DatedEntry> latestRevaluationAfter(UUID client, LocalDate day) {
        return jdbc.sql("""
                        select e.entry_date, e.id
                          from ledger.entry e
                         where e.client_id = ? and e.entry_date > ? and e.source = 'REVALUATION'
                           and not exists (select 1 from ledger.entry r where r.client_id = e.client_id and r.reverses = e.id)
                         order by e.entry_date desc, e.id desc
                         limit 1""")
                .params(client, day).query((rs, n) -> new DatedEntry(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .optional();
    }

    /** An entry's day and id. */
    public record DatedEntry(LocalDate date, long id) {
    }

    public Optional<Long> reversalOf(UUID client, long entryId) {
        return jdbc.sql("select id from ledger.entry where client_id = ? and reverses = ?")
                .params(client, entryId).query(Long.class).optional();
    }

    public Optional<Entry> find(UUID client, long id) {
        return withLines(client, jdbc.sql("select * from ledger.entry where client_id = ? and id = ?")
                .params(client, id).query(this::entryHead).optional());
    }

    /** The entry the client posted under this idempotency key, if any. */
    public Optional<Entry> findByKey(UUID client, String idempotencyKey) {
        return withLines(client, jdbc.sql("select * from ledger.entry where client_id = ? and idempotency_key = ?")
                .params(client, idempotencyKey).query(this::entryHead).optional());
    }

    /** One entry with its lines, read by the entry's primary key alone. */
    private Optional<Entry> withLines(UUID client, Optional<Entry> head) {
        return head.map(entry -> {
            List<Entry.Line> lines = jdbc.sql("select * from ledger.line where client_id = ? and entry_id = ? order by line_no")
                    .params(client, entry.id()).query((rs, n) -> line(rs)).list();
            return new Entry(entry.id(), entry.date(), entry.description(), entry.source(), entry.idempotencyKey(),
                    entry.adjusting(), entry.reverses(), entry.postedAt(), entry.postedBy(), lines);
        });
    }

    /** Entries dated between the two days, ordered by date and id, after the cursor's (date, id). */
    public List<Entry> page(UUID client, LocalDate from, LocalDate to, @Nullable LocalDate afterDate, long afterId, int limit) {
        List<Entry> heads = jdbc.sql("""
                        select * from ledger.entry
                         where client_id = ? and entry_date between ? and ? and (entry_date, id) > (?, ?)
                         order by entry_date, id limit ?""")
                .params(client, from, to, afterDate == null ? LocalDate.of(1, 1, 1) : afterDate, afterId, limit)
                .query(this::entryHead).list();
        return withLines(client, heads);
    }

    private Entry entryHead(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Long reverses = rs.getObject("reverses", Long.class);
        return new Entry(rs.getLong("id"), rs.getObject("entry_date", LocalDate.class), rs.getString("description"),
                EntrySource.valueOf(rs.getString("source")), rs.getString("idempotency_key"), rs.getBoolean("adjusting"),
                reverses, rs.getTimestamp("posted_at").toInstant(), rs.getString("posted_by"), List.of());
    }

    private static Entry.Line line(java.sql.ResultSet rs) throws java.sql.SQLException {
        long amount = rs.getLong("amount");
        return new Entry.Line(rs.getInt("line_no"), rs.getString("account_code"), rs.getString("currency"),
                Math.max(amount, 0), Math.max(-amount, 0), rs.getLong("functional_amount"),
                rs.getString("cost_centre"), rs.getString("project"), rs.getString("memo"));
    }

    private List<Entry> withLines(UUID client, List<Entry> heads) {
        if (heads.isEmpty()) {
            return heads;
        }
        Long[] ids = heads.stream().map(Entry::id).toArray(Long[]::new);
        Map<Long, List<Entry.Line>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        select * from ledger.line where client_id = ? and entry_id = any (?::bigint[])
                         order by entry_id, line_no""")
                .params(List.of(client, ids))
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("entry_id"), id -> new ArrayList<>()).add(line(rs));
                });
        return heads.stream().map(head -> new Entry(head.id(), head.date(), head.description(), head.source(),
                head.idempotencyKey(), head.adjusting(), head.reverses(), head.postedAt(), head.postedBy(),
                List.copyOf(lines.getOrDefault(head.id(), List.of())))).toList();
    }
}
