package org.openbpo.work;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The work items behind a scorecard's figures, so a client can check every number: the items
 * completed in a period with their SLA verdict, handle time and the time they waited on the client,
 * and the items still open at its end.
 */
@Service
public class WorkBehindFigures {

    /** One completed item; {@code pendingClientSeconds} is calendar time spent in the work type's pending-client states. */
    public record CompletedItem(long id, String reference, String serviceLine, Priority priority, String title,
                                Instant createdAt, Instant completedAt, @Nullable Boolean slaMet, long handleSeconds,
                                long pendingClientSeconds) {
    }

    public record OpenItem(long id, String reference, String serviceLine, Priority priority, String title, String state,
                           Instant createdAt, long ageSeconds) {
    }

    /** Completed items of a service line that waited on the client, and for how long in all. */
    public record PendingClient(String serviceLine, long items, long seconds) {
    }

    static final String PENDING_CLIENT_SECONDS = """
            coalesce((select sum(extract(epoch from coalesce(m.next_at, w.completed_at) - m.at))
                        from (select e.at, e.data ->> 'to' as to_state, lead(e.at) over (order by e.seq) as next_at
                                from work.work_event e
                               where e.client_id = w.client_id and e.item_id = w.id and e.type = 'moved') m
                       where m.to_state in (select s ->> 'code' from work.work_type t, jsonb_array_elements(t.definition -> 'states') s
                                             where t.client_id = w.client_id and t.code = w.work_type
                                               and t.version = w.work_type_version and s ->> 'category' = 'PENDING_CLIENT')), 0)""";

    /**
     * The SQL expression for a done item {@code w}'s calendar time in pending-client states, for read
     * models that keep it (quality's scorecard read model and its back-fill).
     */
    public static String pendingClientSeconds() {
        return PENDING_CLIENT_SECONDS;
    }

    private final JdbcClient jdbc;

    WorkBehindFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Completed in [from, to) on the line; {@code priority} and {@code slaMet} narrow it when given. */
    @Transactional(readOnly = true)
    public List<CompletedItem> completed(UUID clientId, String serviceLine, @Nullable Priority priority, @Nullable Boolean slaMet,
                                         Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select w.id, w.service_line, w.priority, w.title, w.created_at, w.completed_at, w.sla_met,
                               coalesce((select sum(extract(epoch from h.ended_at - h.started_at)) from work.handle_time h
                                          where h.client_id = w.client_id and h.item_id = w.id and h.ended_at is not null), 0),
                               %s
                          from work.work_item w
                         where w.client_id = ? and w.service_line = ? and w.category = 'DONE'
                           and w.completed_at >= ? and w.completed_at < ?
                           and (?::int is null or w.priority = ?::int) and (?::boolean is null or w.sla_met = ?::boolean)
                         order by w.completed_at, w.id limit ?""".formatted(PENDING_CLIENT_SECONDS))
                .params(clientId, serviceLine, Timestamp.from(from), Timestamp.from(to),
                        priority == null ? null : priority.rank(), priority == null ? null : priority.rank(), slaMet, slaMet, limit)
                .query((rs, n) -> new CompletedItem(rs.getLong(1), "WI-" + rs.getLong(1), rs.getString(2),
                        Priority.ofRank(rs.getInt(3)), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                        (Boolean) rs.getObject(7), seconds(rs.getBigDecimal(8)),
                        seconds(rs.getBigDecimal(9))))
                .list();
    }

    /** Open at {@code at} on the line (raised before it, not completed by then), oldest first. */
    @Transactional(readOnly = true)
    public List<OpenItem> openAt(UUID clientId, String serviceLine, Instant at, int limit) {
        return jdbc.sql("""
                        select id, service_line, priority, title, state, created_at, extract(epoch from ? - created_at)
                          from work.work_item
                         where client_id = ? and service_line = ? and created_at < ? and (completed_at is null or completed_at >= ?)
                         order by created_at, id limit ?""")
                .params(Timestamp.from(at), clientId, serviceLine, Timestamp.from(at), Timestamp.from(at), limit)
                .query((rs, n) -> new OpenItem(rs.getLong(1), "WI-" + rs.getLong(1), rs.getString(2), Priority.ofRank(rs.getInt(3)),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), seconds(rs.getBigDecimal(7))))
                .list();
    }

    private static long seconds(java.math.BigDecimal value) {
        return value.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
    }

    @Transactional(readOnly = true)
    public List<PendingClient> pendingClient(UUID clientId, Instant from, Instant to) {
        return jdbc.sql("""
                        select service_line, count(*) filter (where seconds > 0), coalesce(sum(seconds), 0)
                          from (select w.service_line, %s as seconds
                                  from work.work_item w
                                 where w.client_id = ? and w.category = 'DONE' and w.completed_at >= ? and w.completed_at < ?) x
                         group by service_line order by service_line""".formatted(PENDING_CLIENT_SECONDS))
                .params(clientId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new PendingClient(rs.getString(1), rs.getLong(2), seconds(rs.getBigDecimal(3))))
                .list();
    }
}
