package org.openbpo.ledger.persistence;

import org.openbpo.ledger.domain.Posting;
import org.openbpo.ledger.domain.PostingLine;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Posts many entries at once, in the caller's transaction: the lines stream into a temporary
 * staging table through COPY, set-based queries check them (balance per entry and currency,
 * known accounts, open periods, unused keys), and two INSERT … SELECTs write the journal. The
 * database's own checks still run, once per statement over everything the statement wrote.
 */
@Repository
public class BulkPostings {

    /** How many entries went in, how many were already there under the same key, and how long each step took. */
    public record Outcome(long posted, long alreadyPresent, java.util.Map<String, Long> stepMillis) {
    }

    private static final int BUFFER = 1 << 16;
    private static final long SLICE = 100_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    BulkPostings(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public Outcome post(UUID client, Iterator<Posting> postings, Instant at, String by) {
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("""
                create temp table staged_line (ordinal int, entry_date date, description text, source text, idempotency_key text,
                    adjusting boolean, line_no smallint, account_code text, currency char(3), amount bigint,
                    functional_amount bigint, cost_centre text, project text, memo text) on commit drop""").update();
        java.util.Map<String, Long> steps = new java.util.LinkedHashMap<>();
        long step = System.nanoTime();
        copy(postings);
        step = lap(steps, "copy to staging", step);
        refuseWhatDoesNotPost(client);
        step = lap(steps, "set-based checks", step);
        jdbc.sql("""
                create temp table staged_entry on commit drop as
                select ordinal, nextval('ledger.entry_id_seq') as id, entry_date, description, source, idempotency_key, adjusting
                  from staged_line s
                 where line_no = 1
                   and not exists (select from ledger.entry e where e.client_id = ? and e.idempotency_key = s.idempotency_key)
                 order by ordinal""")
                .param(client).update();
        step = lap(steps, "entry ids", step);
        long staged = jdbc.sql("select count(*) from staged_line where line_no = 1").query(Long.class).single();
        // Both tables lie in ordinal order (COPY wrote them so), so a block-range index finds a slice
        // for the cost of one pass; the planner needs only the ordinal's statistics to join two slices.
        jdbc.sql("create index on staged_line using brin (ordinal)").update();
        jdbc.sql("create index on staged_entry using brin (ordinal)").update();
        jdbc.sql("analyze staged_line (ordinal), staged_entry (ordinal)").update();
        step = lap(steps, "staging index", step);
        long posted = 0;
        long entriesMillis = 0;
        long linesMillis = 0;
        // In slices, so each statement's sort, join and the running-balance trigger's table stay in memory.
        for (long from = 0; from < staged; from += SLICE) {
            long started = System.nanoTime();
            posted += jdbc.sql("""
                            insert into ledger.entry (client_id, id, entry_date, description, source, idempotency_key,
                                                      adjusting, posted_at, posted_by)
                            select ?, id, entry_date, description, source, idempotency_key, adjusting, ?, ?
                              from staged_entry where ordinal > ? and ordinal <= ? order by ordinal""")
                    .params(client, Timestamp.from(at), by, from, from + SLICE).update();
            long between = System.nanoTime();
            jdbc.sql("""
                            insert into ledger.line (client_id, entry_id, line_no, entry_date, account_code, currency, amount,
                                                     functional_amount, cost_centre, project, memo)
                            select ?, e.id, s.line_no, s.entry_date, s.account_code, s.currency, s.amount, s.functional_amount,
                                   s.cost_centre, s.project, s.memo
                              from staged_line s join staged_entry e using (ordinal)
                             where s.ordinal > ? and s.ordinal <= ? and e.ordinal > ? and e.ordinal <= ?""")
                    .params(client, from, from + SLICE, from, from + SLICE).update();
            entriesMillis += (between - started) / 1_000_000;
            linesMillis += (System.nanoTime() - between) / 1_000_000;
        }
        steps.put("insert entries", entriesMillis);
        steps.put("insert lines and balances", linesMillis);
        step = System.nanoTime();
        if (posted > 10_000) {
            // Plans made on the statistics of a client's empty books would read a million rows per entry.
            jdbc.sql("analyze ledger.entry, ledger.line, ledger.balance").update();
            lap(steps, "analyze", step);
        }
        return new Outcome(posted, staged - posted, steps);
    }

    private static long lap(java.util.Map<String, Long> steps, String name, long since) {
        long now = System.nanoTime();
        steps.put(name, (now - since) / 1_000_000);
        return now;
    }

    private void refuseWhatDoesNotPost(UUID client) {
        jdbc.sql("""
                        select ordinal, currency, sum(amount) from staged_line group by ordinal, currency having sum(amount) <> 0
                        union all
                        select ordinal, 'functional value', sum(functional_amount) from staged_line group by ordinal
                        having sum(functional_amount) <> 0
                        limit 1""")
                .query((rs, n) -> rs.getInt(1) + " does not balance in " + rs.getString(2)).optional()
                .ifPresent(why -> refuse("unbalanced", "lines", "Entry " + why + "."));
        jdbc.sql("""
                        select distinct s.account_code from staged_line s
                          left join ledger.account a on a.client_id = ? and a.code = s.account_code
                         where a.code is null or a.heading limit 1""")
                .param(client).query(String.class).optional()
                .ifPresent(code -> refuse("unknown-account", "account", "There is no postable account " + code + "."));
        jdbc.sql("""
                        select s.code from (select distinct cost_centre as code, 'COST_CENTRE' as kind from staged_line
                                             where cost_centre is not null
                                            union
                                            select distinct project, 'PROJECT' from staged_line where project is not null) s
                         where not exists (select from ledger.dimension d
                                            where d.client_id = ? and d.kind = s.kind and d.code = s.code)
                         limit 1""")
                .param(client).query(String.class).optional()
                .ifPresent(code -> refuse("unknown-dimension", "costCentre", "There is no cost centre or project " + code + "."));
        jdbc.sql("""
                        select idempotency_key from staged_line where line_no = 1 group by idempotency_key having count(*) > 1 limit 1""")
                .query(String.class).optional()
                .ifPresent(key -> refuse("duplicate-key", "idempotencyKey", "Two entries share the idempotency key " + key + "."));
        jdbc.sql("""
                        select p.starts_on || ' is ' || p.status
                          from (select distinct date_trunc('month', entry_date)::date as month, bool_and(adjusting) as adjusting
                                  from staged_line group by 1) m
                          join ledger.period p on p.client_id = ? and p.starts_on = m.month
                         where p.status = 'CLOSED' or (p.status = 'SOFT_CLOSED' and not m.adjusting)
                         limit 1""")
                .param(client).query(String.class).optional()
                .ifPresent(period -> refuse("period-closed", "date", "The period starting " + period + "."));
    }

    private static void refuse(String code, String field, String why) {
        throw new BusinessRuleViolation(422, code, field, why);
    }

    private void copy(Iterator<Posting> postings) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy staged_line from stdin");
            StringBuilder rows = new StringBuilder(BUFFER * 2);
            int ordinal = 0;
            try {
                while (postings.hasNext()) {
                    Posting posting = postings.next();
                    ordinal++;
                    List<PostingLine> lines = posting.lines();
                    for (int i = 0; i < lines.size(); i++) {
                        PostingLine line = lines.get(i);
                        rows.append(ordinal).append('\t').append(posting.date()).append('\t');
                        text(rows, posting.description()).append('\t').append(posting.source().name()).append('\t');
                        text(rows, posting.idempotencyKey()).append('\t').append(posting.adjusting() ? 't' : 'f').append('\t')
                                .append(i + 1).append('\t');
                        text(rows, line.account()).append('\t').append(line.currency()).append('\t').append(line.amount())
                                .append('\t').append(line.functionalAmount()).append('\t');
                        text(rows, line.costCentre()).append('\t');
                        text(rows, line.project()).append('\t');
                        text(rows, line.memo()).append('\n');
                    }
                    if (rows.length() > BUFFER) {
                        flush(copy, rows);
                    }
                }
                flush(copy, rows);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Staging the entries failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void flush(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    /** COPY's text format: backslash, tab and line breaks escaped, \N for null. */
    private static StringBuilder text(StringBuilder rows, @org.jspecify.annotations.Nullable String value) {
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
