package org.openbpo.work.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.openbpo.work.WorkStatistics;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The completion feed's rows: one per completion and consumer, until the consumer has acted on it. */
@Repository
public class CompletionFeedRows {

    /** A completion as the feed holds it for one consumer. */
    public record Pending(UUID clientId, long seq, WorkItemCompleted completed) {
    }

    private static final RowMapper<Pending> PENDING = (rs, n) -> new Pending(rs.getObject("client_id", UUID.class),
            rs.getLong("seq"), new WorkItemCompleted(rs.getObject("client_id", UUID.class), rs.getLong("item_id"),
            rs.getString("work_type"), rs.getString("service_line"), rs.getString("outcome"), rs.getString("billable_unit"),
            (Boolean) rs.getObject("sla_met"), rs.getLong("handle_seconds"), rs.getObject("completed_by", UUID.class),
            rs.getObject("maker_id", UUID.class), rs.getTimestamp("completed_at").toInstant(), measured(rs)));

    /** The scorecard's figures the completion carries, when it carries them (done items completed since V5_3). */
    private static WorkStatistics.@Nullable Outcome measured(ResultSet rs) throws SQLException {
        BigDecimal pendingClient = rs.getBigDecimal("pending_client_secs");
        Boolean everPaused = (Boolean) rs.getObject("ever_paused");
        if (pendingClient == null || everPaused == null || !"DONE".equals(rs.getString("outcome"))) {
            return null;
        }
        return new WorkStatistics.Outcome(rs.getLong("item_id"), rs.getString("service_line"),
                Priority.ofRank(rs.getInt("priority")), rs.getTimestamp("completed_at").toInstant(),
                (Boolean) rs.getObject("sla_met"), everPaused, rs.getBigDecimal("handled_secs"), pendingClient);
    }

    private final JdbcClient jdbc;

    CompletionFeedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes up to {@code limit} of the consumer's completions that are due, oldest first from
     * {@code fromSeq} on, skipping those another node is taking: they are deleted now and gone for good
     * when the transaction commits, or back in the feed when it rolls back. The rows are chosen and
     * locked through the feed's index and deleted by their row address (a TID scan), so no plan can
     * join them back to the whole table; a caller that starts from where its last take ended steps
     * over none of the deleted rows whose index entries wait at the front for vacuum. The statement
     * lives in {@code work.take_completions}, planned without sequential scans (migration V5_4).
     */
    public List<Pending> take(String consumer, int limit, Instant now, long fromSeq) {
        return jdbc.sql("select * from work.take_completions(?, ?, ?, ?)")
                .params(consumer, fromSeq, Timestamp.from(now), limit)
                .query(PENDING).list().stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
    }

    /** The consumer's completions that are due, oldest first, without taking them. */
    public List<Pending> due(String consumer, int limit, Instant now) {
        return jdbc.sql("""
                        select * from work.completion_feed
                         where consumer = ? and (retry_at is null or retry_at <= ?) order by seq limit ?""")
                .params(consumer, Timestamp.from(now), limit).query(PENDING).list();
    }

    /** Takes one completion, unless another node holds it or it is gone. */
    public List<Pending> takeOne(UUID clientId, String consumer, long seq) {
        return jdbc.sql("""
                        delete from work.completion_feed f
                         using (select client_id, consumer, seq from work.completion_feed
                                 where client_id = ? and consumer = ? and seq = ? for update skip locked) due
                         where f.client_id = due.client_id and f.consumer = due.consumer and f.seq = due.seq
                        returning f.*""")
                .params(clientId, consumer, seq).query(PENDING).list();
    }

    /** Puts a completion the consumer failed on aside with the reason, for a pause that doubles with every attempt (at most {@code maxBackoffSeconds}). */
    public void failed(UUID clientId, String consumer, long seq, String failure, Instant now, int maxBackoffSeconds) {
        jdbc.sql("""
                        update work.completion_feed
                           set attempts = attempts + 1, failure = ?,
                               retry_at = ?::timestamptz + make_interval(secs => least(?::float8, power(2, least(attempts + 1, 20))))
                         where client_id = ? and consumer = ? and seq = ?""")
                .params(failure, Timestamp.from(now), maxBackoffSeconds, clientId, consumer, seq).update();
    }
}
