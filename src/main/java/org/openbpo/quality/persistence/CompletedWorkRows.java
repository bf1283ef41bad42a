package org.openbpo.quality.persistence;

import org.openbpo.contracts.Priority;
import org.openbpo.work.WorkBehindFigures;
import org.openbpo.work.WorkStatistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The scorecard's read model of completed work: one row per item, and per-month tallies striped by item. */
@Repository
public class CompletedWorkRows {

    private static final int STRIPES = 16;

    private final JdbcClient jdbc;

    CompletedWorkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The end of a statement whose {@code item} step returned the items it recorded: they are added to
     * their months' tallies, summed per tally row and taken in tally order (month, service line, priority,
     * stripe), so two nodes adding at once lock the same rows in the same order; the statement returns how
     * many items were new.
     */
    private static final String ADD_TO_TALLIES = """
            tally as (
                insert into quality.completed_tally as t (client_id, period, service_line, priority, stripe, completed,
                                                          with_sla, sla_met, ever_paused, handled, handle_seconds,
                                                          pending_items, pending_seconds)
                select client_id, period, service_line, priority, (item_id %% %d)::smallint, count(*),
                       count(*) filter (where sla_met is not null), count(*) filter (where sla_met),
                       count(*) filter (where ever_paused), count(handle_seconds), coalesce(sum(handle_seconds), 0),
                       count(*) filter (where pending_client_seconds > 0), sum(pending_client_seconds)
                  from item
                 group by client_id, period, service_line, priority, item_id %% %d
                 order by period, service_line, priority, item_id %% %d
                on conflict (client_id, period, service_line, priority, stripe) do update
                   set completed = t.completed + excluded.completed, with_sla = t.with_sla + excluded.with_sla,
                       sla_met = t.sla_met + excluded.sla_met, ever_paused = t.ever_paused + excluded.ever_paused,
                       handled = t.handled + excluded.handled, handle_seconds = t.handle_seconds + excluded.handle_seconds,
                       pending_items = t.pending_items + excluded.pending_items,
                       pending_seconds = t.pending_seconds + excluded.pending_seconds)
            select count(*) from item""".formatted(STRIPES, STRIPES, STRIPES);

    /** A done item and the client's month it completed in. */
    public record Dated(YearMonth period, WorkStatistics.Outcome outcome) {
    }

    /**
     * Records a batch of one client's items and adds them to their months' tallies, each only if the
     * item was not recorded yet, in one statement (one per completion before): the items in id order,
     * the tallies summed per row and taken in tally order (month, service line, priority, stripe), so
     * that two nodes recording batches at once lock the same tally rows in the same order. An item
     * twice in the batch is recorded once. Returns how many items were new.
     */
    public int recordAll(UUID clientId, List<Dated> items) {
        if (items.isEmpty()) {
            return 0;
        }
        int size = items.size();
        Long[] ids = new Long[size];
        String[] periods = new String[size];
        String[] lines = new String[size];
        Integer[] priorities = new Integer[size];
        String[] completedAt = new String[size];
        Boolean[] slaMet = new Boolean[size];
        Boolean[] everPaused = new Boolean[size];
        String[] handled = new String[size];
        String[] pending = new String[size];
        for (int i = 0; i < size; i++) {
            WorkStatistics.Outcome o = items.get(i).outcome();
            ids[i] = o.itemId();
            periods[i] = items.get(i).period().toString();
            lines[i] = o.serviceLine();
            priorities[i] = o.priority().rank();
            completedAt[i] = o.completedAt().toString();
            slaMet[i] = o.slaMet();
            everPaused[i] = o.everPaused();
            handled[i] = o.handleSeconds() == null ? null : o.handleSeconds().toPlainString();
            pending[i] = o.pendingClientSeconds().toPlainString();
        }
        return jdbc.sql("""
                        with item as (
                            insert into quality.completed_work (client_id, item_id, period, service_line, priority, completed_at,
                                                                sla_met, ever_paused, handle_seconds, pending_client_seconds)
                            select ?::uuid, t.item_id, t.period, t.service_line, t.priority, t.completed_at::timestamptz, t.sla_met,
                                   t.ever_paused, t.handle_seconds::numeric, t.pending_client_seconds::numeric
                              from unnest(?::bigint[], ?::text[], ?::text[], ?::smallint[], ?::text[], ?::boolean[],
                                          ?::boolean[], ?::text[], ?::text[])
                                   as t(item_id, period, service_line, priority, completed_at, sla_met, ever_paused,
                                        handle_seconds, pending_client_seconds)
                             order by t.item_id
                            on conflict (client_id, item_id) do nothing
                            returning client_id, item_id, period, service_line, priority, sla_met, ever_paused, handle_seconds,
                                      pending_client_seconds),
                        """ + ADD_TO_TALLIES)
                .params(clientId, ids, periods, lines, priorities, completedAt, slaMet, everPaused, handled, pending)
                .query(Integer.class).single();
    }

    /**
     * Records every done item of the client that is not recorded yet, set-based, with the statements of
     * the V9_3 migration's back-fill (for a client whose history was loaded around the engine, and the
     * benchmark); the tallies grow by exactly the items inserted.
     */
    public long backfill(UUID clientId, String timeZone) {
        return jdbc.sql("""
                        with item as (
                            insert into quality.completed_work (client_id, item_id, period, service_line, priority, completed_at, sla_met,
                                                                ever_paused, handle_seconds, pending_client_seconds)
                            select w.client_id, w.id, to_char(w.completed_at at time zone ?, 'YYYY-MM'), w.service_line, w.priority,
                                   w.completed_at, w.sla_met,
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
                             where w.client_id = ? and w.category = 'DONE' and w.completed_at is not null
                            on conflict (client_id, item_id) do nothing
                            returning client_id, item_id, period, service_line, priority, sla_met, ever_paused, handle_seconds,
                                      pending_client_seconds),
                        """.formatted(WorkBehindFigures.pendingClientSeconds()) + ADD_TO_TALLIES)
                .params(timeZone, clientId).query(Long.class).single();
    }

    /** The month's completed work per service line and priority, as the timelines would count it. */
    public List<WorkStatistics.Completed> completed(UUID clientId, YearMonth period) {
        return jdbc.sql("""
                        select service_line, priority, sum(completed), sum(with_sla), sum(sla_met), sum(ever_paused),
                               sum(handle_seconds) / nullif(sum(handled), 0)
                          from quality.completed_tally
                         where client_id = ? and period = ?
                         group by service_line, priority order by service_line, priority desc""")
                .params(clientId, period.toString())
                .query((rs, n) -> new WorkStatistics.Completed(rs.getString(1), Priority.ofRank(rs.getInt(2)), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getObject(7) == null ? null : rs.getDouble(7)))
                .list();
    }

    /** The month's completed items that waited on the client, per service line, and for how long in all. */
    public List<WorkBehindFigures.PendingClient> pendingClient(UUID clientId, YearMonth period) {
        return jdbc.sql("""
                        select service_line, sum(pending_items), sum(pending_seconds)
                          from quality.completed_tally
                         where client_id = ? and period = ?
                         group by service_line order by service_line""")
                .params(clientId, period.toString())
                .query((rs, n) -> new WorkBehindFigures.PendingClient(rs.getString(1), rs.getLong(2),
                        rs.getBigDecimal(3).setScale(0, RoundingMode.HALF_UP).longValue()))
                .list();
    }

    /** Items recorded for the month: how many completions the read model has seen. */
    public long items(UUID clientId, YearMonth period) {
        return jdbc.sql("select count(*) from quality.completed_work where client_id = ? and period = ?")
                .params(clientId, period.toString()).query(Long.class).single();
    }
}
