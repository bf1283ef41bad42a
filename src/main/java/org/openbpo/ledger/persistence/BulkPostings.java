package org.openbpo.ledger.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.domain.Posting;
import org.openbpo.ledger.domain.PostingLine;
import org.openbpo.shared.database.SqlFailures;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Posts many entries at once, in the caller's transaction, in slices. Before a slice is written the
 * code checks it against the chart, the dimensions and the periods (read once), to refuse with a
 * clear reason, and probes its keys in one statement: an entry already in the books under its key
 * is skipped, so importing the same file again posts nothing. The slice's entries, with ids taken
 * from the journal's sequence, and its lines then go through COPY into two temporary tables (the
 * journal's row-level security rules out COPY into the journal itself) and from there into the
 * journal with two plain INSERT … SELECTs: no join, no sort. The database's statement checks run
 * once per INSERT over everything it wrote (every line's entry is of this transaction and dated
 * like it, its account exists, each entry balances per currency and in functional value, no entry
 * is left without lines, nothing posts into a closed period) and move the running balances.
 */
@Repository
public class BulkPostings {

    /** How many entries went in, how many were already there under the same key, and how long each step took. */
    public record Outcome(long posted, long alreadyPresent, Map<String, Long> stepMillis) {
    }

    private static final int BUFFER = 1 << 16;
    private static final int SLICE = 100_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    BulkPostings(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public Outcome post(UUID client, Iterator<Posting> postings, Instant at, String by) {
        return post(client, postings, at, by, SLICE);
    }

    /** With slices of the given number of entries (the import's own size suits any file; tests cross slices with a few). */
    public Outcome post(UUID client, Iterator<Posting> postings, Instant at, String by, int sliceSize) {
        // The statement checks keep a slice's transition tables and their aggregates in memory.
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("""
                create temp table staged_entry (id bigint, entry_date date, description text, source text,
                    idempotency_key text, adjusting boolean) on commit drop""").update();
        jdbc.sql("""
                create temp table staged_line (entry_id bigint, line_no smallint, entry_date date, account_code text,
                    currency char(3), amount bigint, functional_amount bigint, cost_centre text, project text,
                    memo text) on commit drop""").update();
        Map<String, Long> steps = new LinkedHashMap<>();
        for (String name : List.of("chart", "checks and key probes", "entry ids", "copy to staging", "insert entries",
                "insert lines and balances")) {
            steps.put(name, 0L);
        }
        long step = System.nanoTime();
        Rules rules = rules(client);
        lap(steps, "chart", step);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long posted = 0;
        long present = 0;
        int ordinal = 0;
        try {
            while (postings.hasNext()) {
                List<Posting> slice = new ArrayList<>(Math.min(sliceSize, SLICE));
                while (postings.hasNext() && slice.size() < sliceSize) {
                    slice.add(postings.next());
                }
                step = System.nanoTime();
                Set<String> keys = new HashSet<>();
                for (Posting posting : slice) {
                    ordinal++;
                    rules.check(ordinal, posting);
                    if (!keys.add(posting.idempotencyKey())) {
                        duplicate(posting.idempotencyKey());
                    }
                }
                List<Posting> fresh = withoutKeysPresent(connection, client, slice, keys);
                present += slice.size() - fresh.size();
                step = add(steps, "checks and key probes", step);
                if (fresh.isEmpty()) {
                    continue;
                }
                long[] ids = ids(connection, fresh.size());
                step = add(steps, "entry ids", step);
                copy(connection, "copy staged_entry from stdin", rows -> entries(rows, fresh, ids));
                copy(connection, "copy staged_line from stdin", rows -> lines(rows, fresh, ids));
                step = add(steps, "copy to staging", step);
                jdbc.sql("""
                                insert into ledger.entry (client_id, id, entry_date, description, source, idempotency_key,
                                                          adjusting, posted_at, posted_by)
                                select ?, id, entry_date, description, source, idempotency_key, adjusting, ?, ?
                                  from staged_entry""")
                        .params(client, Timestamp.from(at), by).update();
                step = add(steps, "insert entries", step);
                jdbc.sql("""
                                insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, currency,
                                                         amount, functional_amount, cost_centre, project, memo)
                                select ?, entry_id, line_no, entry_date, account_code, currency, amount, functional_amount,
                                       cost_centre, project, memo
                                  from staged_line""")
                        .param(client).update();
                long linesAt = System.nanoTime();
                // The first and the last slice's line insert show whether the cost per slice grows with the journal.
                steps.putIfAbsent("insert lines, first slice", (linesAt - step) / 1_000_000);
                steps.put("insert lines, last slice", (linesAt - step) / 1_000_000);
                step = add(steps, "insert lines and balances", step);
                jdbc.sql("truncate staged_entry, staged_line").update();
                add(steps, "copy to staging", step);
                posted += fresh.size();
            }
        } catch (SQLException e) {
            throw SqlFailures.translated("Writing the entries", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        step = System.nanoTime();
        if (posted > 10_000) {
            // Plans made on the statistics of a client's empty books would read a million rows per entry.
            jdbc.sql("analyze ledger.entry, ledger.line, ledger.balance").update();
            lap(steps, "analyze", step);
        }
        return new Outcome(posted, present, steps);
    }

    private static void lap(Map<String, Long> steps, String name, long since) {
        steps.put(name, (System.nanoTime() - since) / 1_000_000);
    }

    private static long add(Map<String, Long> steps, String name, long since) {
        long now = System.nanoTime();
        steps.merge(name, (now - since) / 1_000_000, Long::sum);
        return now;
    }

    /** What a client's books allow, read once: postable accounts, dimensions, periods not open. */
    private Rules rules(UUID client) {
        Set<String> postable = new HashSet<>(jdbc.sql("select code from ledger.account where client_id = ? and not heading")
                .param(client).query(String.class).list());
        Set<String> dimensions = new HashSet<>(jdbc.sql("select kind || ':' || code from ledger.dimension where client_id = ?")
                .param(client).query(String.class).list());
        Map<LocalDate, String> periods = new HashMap<>();
        jdbc.sql("select starts_on, status from ledger.period where client_id = ? and status <> 'OPEN'").param(client)
                .query((rs, n) -> periods.put(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
        return new Rules(postable, dimensions, periods);
    }

    private record Rules(Set<String> postable, Set<String> dimensions, Map<LocalDate, String> periods) {

        void check(int ordinal, Posting posting) {
            Map<String, Long> sums = new HashMap<>(4);
            long functional = 0;
            for (PostingLine line : posting.lines()) {
                sums.merge(line.currency(), line.amount(), Math::addExact);
                functional = Math.addExact(functional, line.functionalAmount());
                if (!postable.contains(line.account())) {
                    refuse("unknown-account", "account", "There is no postable account " + line.account() + ".");
                }
                dimension("COST_CENTRE", line.costCentre());
                dimension("PROJECT", line.project());
            }
            sums.forEach((currency, sum) -> {
                if (sum != 0) {
                    refuse("unbalanced", "lines", "Entry " + ordinal + " does not balance in " + currency + ".");
                }
            });
            if (functional != 0) {
                refuse("unbalanced", "lines", "Entry " + ordinal + " does not balance in functional value.");
            }
            LocalDate month = posting.date().withDayOfMonth(1);
            String status = periods.get(month);
            if ("CLOSED".equals(status) || ("SOFT_CLOSED".equals(status) && !posting.adjusting())) {
                refuse("period-closed", "date", "The period starting " + month + " is " + status + ".");
            }
        }

        private void dimension(String kind, @Nullable String code) {
            if (code != null && !dimensions.contains(kind + ":" + code)) {
                refuse("unknown-dimension", "costCentre", "There is no cost centre or project " + code + ".");
            }
        }
    }

    private static void refuse(String code, String field, String why) {
        throw new BusinessRuleViolation(422, code, field, why);
    }

    private static void duplicate(String key) {
        refuse("duplicate-key", "idempotencyKey", "Two entries share the idempotency key " + key + ".");
    }

    /**
     * The slice without the entries whose key the books already hold. A key written by this very
     * transaction comes from an earlier slice of the same import: two entries of the file share it.
     */
    private static List<Posting> withoutKeysPresent(Connection connection, UUID client, List<Posting> slice, Set<String> keys)
            throws SQLException {
        Set<String> present = new HashSet<>();
        try (PreparedStatement probe = connection.prepareStatement("""
                select idempotency_key, xid = pg_current_xact_id() from ledger.entry
                 where client_id = ? and idempotency_key = any (?)""")) {
            probe.setObject(1, client);
            probe.setArray(2, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rows = probe.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean(2)) {
                        duplicate(rows.getString(1));
                    }
                    present.add(rows.getString(1));
                }
            }
        }
        if (present.isEmpty()) {
            return slice;
        }
        return slice.stream().filter(posting -> !present.contains(posting.idempotencyKey())).toList();
    }

    /** As many ids from the journal's sequence, in one round trip. */
    private static long[] ids(Connection connection, int count) throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement next = connection.prepareStatement(
                "select nextval('ledger.entry_id_seq') from generate_series(1, ?)")) {
            next.setInt(1, count);
            next.setFetchSize(0);
            try (ResultSet rows = next.executeQuery()) {
                for (int i = 0; i < count && rows.next(); i++) {
                    ids[i] = rows.getLong(1);
                }
            }
        }
        return ids;
    }

    private static void entries(CopyRows rows, List<Posting> postings, long[] ids) throws SQLException {
        for (int i = 0; i < postings.size(); i++) {
            Posting posting = postings.get(i);
            rows.append(ids[i]).append('\t').append(posting.date()).append('\t');
            text(rows, posting.description()).append('\t').append(posting.source().name()).append('\t');
            text(rows, posting.idempotencyKey()).append('\t').append(posting.adjusting() ? 't' : 'f').append('\n');
            rows.flushIfFull();
        }
    }

    private static void lines(CopyRows rows, List<Posting> postings, long[] ids) throws SQLException {
        for (int i = 0; i < postings.size(); i++) {
            Posting posting = postings.get(i);
            List<PostingLine> lines = posting.lines();
            for (int n = 0; n < lines.size(); n++) {
                PostingLine line = lines.get(n);
                rows.append(ids[i]).append('\t').append(n + 1).append('\t').append(posting.date()).append('\t');
                text(rows, line.account()).append('\t').append(line.currency()).append('\t').append(line.amount())
                        .append('\t').append(line.functionalAmount()).append('\t');
                text(rows, line.costCentre()).append('\t');
                text(rows, line.project()).append('\t');
                text(rows, line.memo()).append('\n');
            }
            rows.flushIfFull();
        }
    }

    private interface Rows {
        void write(CopyRows rows) throws SQLException;
    }

    /** COPY's text rows, sent to the server in pieces of about 64 KB. */
    private static final class CopyRows {
        private final CopyIn copy;
        private final StringBuilder text = new StringBuilder(BUFFER * 2);

        CopyRows(CopyIn copy) {
            this.copy = copy;
        }

        CopyRows append(Object value) {
            text.append(value);
            return this;
        }

        CopyRows append(char value) {
            text.append(value);
            return this;
        }

        CopyRows append(long value) {
            text.append(value);
            return this;
        }

        void flushIfFull() throws SQLException {
            if (text.length() > BUFFER) {
                flush();
            }
        }

        void flush() throws SQLException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    private static void copy(Connection connection, String sql, Rows writer) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            CopyRows rows = new CopyRows(copy);
            writer.write(rows);
            rows.flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** COPY's text format: backslash, tab and line breaks escaped, \N for null. */
    private static CopyRows text(CopyRows rows, @Nullable String value) {
        if (value == null) {
            return rows.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        return rows;
    }
}
