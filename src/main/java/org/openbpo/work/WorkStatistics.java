package org.openbpo.work;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the work engine measured for a client over a period, per service line and priority:
 * the raw figures scorecards and reports compare with the contract's targets.
 */
@Service
public class WorkStatistics {

    /**
     * Work completed in the period; {@code withSla} counts those that had an SLA, {@code slaMet} those that met it,
     * {@code handled} those with handle time recorded, over which {@code averageHandleSeconds} is taken.
     */
    public record Completed(String serviceLine, Priority priority, long completed, long withSla, long slaMet,
                            long everPaused, long handled, @Nullable Double averageHandleSeconds) {
    }

    /** Work still open at the end of the period and how old it is. */
    public record Backlog(String serviceLine, long open, @Nullable Double averageAgeHours, @Nullable Double oldestAgeHours) {
    }

    /**
     * One completed item as a scorecard counts it: {@code everPaused} when it ever waited on the client or
     * a third party, {@code handleSeconds} null when no handling stretch ended, {@code pendingClientSeconds}
     * the calendar time it spent in the work type's pending-client states.
     */
    public record Outcome(long itemId, String serviceLine, Priority priority, Instant completedAt, @Nullable Boolean slaMet,
                          boolean everPaused, @Nullable BigDecimal handleSeconds, BigDecimal pendingClientSeconds) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    WorkStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The item's outcome if it is done (empty otherwise), read in the caller's transaction, so a listener
     * of {@code WorkItemCompleted} sees the completion it is told about.
     */
    @Transactional(readOnly = true)
    public Optional<Outcome> outcome(UUID clientId, long itemId) {
        return jdbc.sql("""
                        select w.id, w.service_line, w.priority, w.completed_at, w.sla_met,
                               exists (select from work.work_event e
                                        where e.client_id = w.client_id and e.item_id = w.id and e.type = 'moved'
                                          and e.data ->> 'to' in (select s ->> 'code' from work.work_type t,
                                                                          jsonb_array_elements(t.definition -> 'states') s
                                                                    where t.client_id = w.client_id and t.code = w.work_type
                                                                      and t.version = w.work_type_version
                                                                      and s ->> 'category' in ('PENDING_CLIENT', 'PENDING_THIRD_PARTY'))),
                               (select sum(extract(epoch from h.ended_at - h.started_at)) from work.handle_time h
                                 where h.client_id = w.client_id and h.item_id = w.id and h.ended_at is not null),
                               %s
                          from work.work_item w
                         where w.client_id = ? and w.id = ? and w.category = 'DONE' and w.completed_at is not null"""
                        .formatted(WorkBehindFigures.PENDING_CLIENT_SECONDS))
                .params(clientId, itemId)
                .query((rs, n) -> new Outcome(rs.getLong(1), rs.getString(2), Priority.ofRank(rs.getInt(3)),
                        rs.getTimestamp(4).toInstant(), (Boolean) rs.getObject(5), rs.getBoolean(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8)))
                .optional();
    }

    /**
     * Computed from the items' timelines and handle times: what the scorecard read before quality kept
     * its own read model of completed work; kept as the reference that read model is checked against,
     * and for the scorecard benchmark's comparison.
     */
    @Transactional(readOnly = true)
    public List<Completed> completed(UUID clientId, Instant from, Instant to) {
        return jdbc.sql("""
                        select w.service_line, w.priority, count(*),
                               count(*) filter (where w.sla_met is not null),
                               count(*) filter (where w.sla_met),
                               count(*) filter (where exists (select from work.work_event e
                                                               where e.client_id = w.client_id and e.item_id = w.id
                                                                 and e.type = 'moved' and e.data ->> 'to' in
                                                                     (select s ->> 'code' from work.work_type t,
                                                                             jsonb_array_elements(t.definition -> 'states') s
                                                                       where t.client_id = w.client_id and t.code = w.work_type
                                                                         and t.version = w.work_type_version
                                                                         and s ->> 'category' in ('PENDING_CLIENT', 'PENDING_THIRD_PARTY')))),
                               count(h.seconds), avg(h.seconds)
                          from work.work_item w
                          left join lateral (select sum(extract(epoch from ended_at - started_at)) as seconds
                                               from work.handle_time t
                                              where t.client_id = w.client_id and t.item_id = w.id and t.ended_at is not null) h on true
                         where w.client_id = ? and w.category = 'DONE' and w.completed_at >= ? and w.completed_at < ?
                         group by w.service_line, w.priority order by w.service_line, w.priority desc""")
                .params(clientId, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query((rs, n) -> new Completed(rs.getString(1), Priority.ofRank(rs.getInt(2)), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getObject(8) == null ? null : rs.getDouble(8)))
                .list();
    }

    /**
     * Items raised before {@code at} and not completed by then. While {@code at} is still ahead (the live
     * month) no item can have been completed after it, so only open items are read, through the index
     * on open work, rather than the client's whole history.
     */
    @Transactional(readOnly = true)
    public List<Backlog> backlog(UUID clientId, Instant at) {
        if (at.isAfter(clock.instant())) {
            return jdbc.sql("""
                            select service_line, count(*),
                                   avg(extract(epoch from ? - created_at) / 3600), max(extract(epoch from ? - created_at) / 3600)
                              from work.work_item
                             where client_id = ? and category in ('NEW', 'OPEN', 'PENDING_CLIENT', 'PENDING_THIRD_PARTY', 'REVIEW')
                               and created_at < ?
                             group by service_line order by service_line""")
                    .params(java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), clientId, java.sql.Timestamp.from(at))
                    .query((rs, n) -> new Backlog(rs.getString(1), rs.getLong(2), rs.getObject(3) == null ? null : rs.getDouble(3),
                            rs.getObject(4) == null ? null : rs.getDouble(4)))
                    .list();
        }
        return jdbc.sql("""
                        select service_line, count(*),
                               avg(extract(epoch from ? - created_at) / 3600), max(extract(epoch from ? - created_at) / 3600)
                          from work.work_item
                         where client_id = ? and created_at < ? and (completed_at is null or completed_at >= ?)
                         group by service_line order by service_line""")
                .params(java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), clientId, java.sql.Timestamp.from(at),
                        java.sql.Timestamp.from(at))
                .query((rs, n) -> new Backlog(rs.getString(1), rs.getLong(2), rs.getObject(3) == null ? null : rs.getDouble(3),
                        rs.getObject(4) == null ? null : rs.getDouble(4)))
                .list();
    }
}
