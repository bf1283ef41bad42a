package org.openbpo.quality.persistence;

import org.openbpo.contracts.Priority;
import org.openbpo.work.WorkBehindFigures;
import org.openbpo.work.WorkStatistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** The scorecard's read model of completed work: one row per item, and per-month tallies striped by item. */
@Repository
public class CompletedWorkRows {

    private static final int STRIPES = 16;

    private final JdbcClient jdbc;

    CompletedWorkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The end of a statement whose {@code change} step holds the items to add to their months' tallies
     * ({@code sign} 1) and to take off them ({@code sign} -1): summed per tally row and taken in tally
     * order (month, service line, priority, stripe), so two nodes changing tallies at once lock the same
     * rows in the same order.
     */
    private static final String CHANGE_TALLIES = """
            tally as (
                insert into quality.completed_tally as t (client_id, period, service_line, priority, stripe, completed,
                                                          with_sla, sla_met, ever_paused, handled, handle_seconds,
                                                          pending_items, pending_seconds)
                select client_id, period, service_line, priority, (item_id %% %d)::smallint, sum(sign),
                       sum(case when sla_met is not null then sign else 0 end), sum(case when sla_met then sign else 0 end),
                       sum(case when ever_paused then sign else 0 end),
                       sum(case when handle_seconds is not null then sign else 0 end),
                       coalesce(sum(sign * handle_seconds), 0),
                       sum(case when pending_client_seconds > 0 then sign else 0 end), sum(sign * pending_client_seconds)
                  from change
                 group by client_id, period, service_line, priority, item_id %% %d
                 order by period, service_line, priority, item_id %% %d
                on conflict (client_id, period, service_line, priority, stripe) do update
                   set completed = t.completed + excluded.completed, with_sla = t.with_sla + excluded.with_sla,
                       sla_met = t.sla_met + excluded.sla_met, ever_paused = t.ever_paused + excluded.ever_paused,
                       handled = t.handled + excluded.handled, handle_seconds = t.handle_seconds + excluded.handle_seconds,
                       pending_items = t.pending_items + excluded.pending_items,
                       pending_seconds = t.pending_seconds + excluded.pending_seconds)
            """.formatted(STRIPES, STRIPES, STRIPES);

    /** The items a statement's {@code item} step recorded, each added to its tally. */
    private static final String ADD_TO_TALLIES = """
            change as (select client_id, item_id, period, service_line, priority, sla_met, ever_paused, handle_seconds,
                              pending_client_seconds, 1 as sign from item),
            """ + CHANGE_TALLIES + "select count(*) from item";

    /** The columns of {@code quality.completed_work} a tally counts, as the statements return them. */
    private static final String COUNTED = "client_id, item_id, period, service_line, priority, sla_met, ever_paused, handle_seconds, "
            + "pending_client_seconds";

    /** A done item and the client's month it completed in. */
    public record Dated(YearMonth period, WorkStatistics.Outcome outcome) {
    }

    /**
     * Records a batch of one client's done items in their months' tallies, in tally order, so that two
     * nodes recording batches at once lock the same tally rows in the same order. An item is counted
     * once, by its latest completion: a new item is inserted and added (one statement, the only one when
     * every item is new); an item recorded from an earlier completion (it was reopened and completed
     * again) is replaced, moved off its old month's tally onto the new one; a completion no later than
     * the recorded one (a redelivery) changes nothing; an item twice in the batch counts by its later
     * completion. Returns how many items were added or replaced.
     */
    public int recordAll(UUID clientId, List<Dated> items) {
        if (items.isEmpty()) {
            return 0;
        }
        Map<Long, Dated> latest = new TreeMap<>();
        items.forEach(d -> latest.merge(d.outcome().itemId(), d,
                (a, b) -> b.outcome().completedAt().isAfter(a.outcome().completedAt()) ? b : a));
        Object[] batch = columns(latest.values());
        int added = jdbc.sql("""
                        with item as (
                            insert into quality.completed_work (client_id, item_id, period, service_line, priority, completed_at,
                                                                sla_met, ever_paused, handle_seconds, pending_client_seconds)
                            select ?::uuid, t.item_id, t.period, t.service_line, t.priority, t.completed_at::timestamptz, t.sla_met,
                                   t.ever_paused, t.handle_seconds::numeric, t.pending_client_seconds::numeric
                              from\s""" + BATCH + """
                             order by t.item_id
                            on conflict (client_id, item_id) do nothing
                            returning\s""" + COUNTED + "),\n" + ADD_TO_TALLIES)
                .params(prepend(clientId, batch)).query(Integer.class).single();
        return added == latest.size() ? added : added + replaceEarlier(clientId, batch);
    }

    /** The batch's columns as the statements unnest them as {@code t}, in {@link #BATCH}'s order. */
    private static final String BATCH = """
            unnest(?::bigint[], ?::text[], ?::text[], ?::smallint[], ?::text[], ?::boolean[], ?::boolean[], ?::text[], ?::text[])
                   as t(item_id, period, service_line, priority, completed_at, sla_met, ever_paused, handle_seconds,
                        pending_client_seconds)
            """;

    /**
     * Replaces the batch's items recorded from an earlier completion: the recorded rows are locked and
     * read in item order (as they are now, should another node have just replaced one), taken off their
     * tallies, and rewritten from the batch, which adds them to theirs.
     */
    private int replaceEarlier(UUID clientId, Object[] batch) {
        return jdbc.sql("""
                        with t as (select * from\s""" + BATCH + """
                        ),
                        earlier as (
                            select c.client_id, c.item_id, c.period, c.service_line, c.priority, c.sla_met, c.ever_paused,
                                   c.handle_seconds, c.pending_client_seconds
                              from quality.completed_work c join t on t.item_id = c.item_id
                             where c.client_id = ?::uuid and c.completed_at < t.completed_at::timestamptz
                             order by c.item_id
                               for update of c),
                        item as (
                            update quality.completed_work c
                               set period = t.period, service_line = t.service_line, priority = t.priority,
                                   completed_at = t.completed_at::timestamptz, sla_met = t.sla_met, ever_paused = t.ever_paused,
                                   handle_seconds = t.handle_seconds::numeric, pending_client_seconds = t.pending_client_seconds::numeric
                              from t, earlier e
                             where c.client_id = e.client_id and c.item_id = e.item_id and t.item_id = e.item_id
                            returning\s""" + qualified("c") + """
                        ),
                        change as (
                            select *, 1 as sign from item
                            union all
                            select *, -1 from earlier),
                        """ + CHANGE_TALLIES + "select count(*) from item")
                .params(append(batch, clientId)).query(Integer.class).single();
    }

    /**
     * Takes off their months' tallies the items closed since they were recorded without being done
     * (reopened and then cancelled): each item's row goes if it was recorded before {@code closedAt}.
     * Returns how many went.
     */
    public int forgetEarlier(UUID clientId, Map<Long, Instant> closedAt) {
        if (closedAt.isEmpty()) {
            return 0;
        }
        Map<Long, Instant> sorted = new TreeMap<>(closedAt);
        return jdbc.sql("""
                        with gone as (
                            delete from quality.completed_work c
                             using unnest(?::bigint[], ?::text[]) as t(item_id, closed_at)
                             where c.client_id = ?::uuid and c.item_id = t.item_id and c.completed_at < t.closed_at::timestamptz
                            returning\s""" + qualified("c") + """
                        ),
                        change as (select *, -1 as sign from gone),
                        """ + CHANGE_TALLIES + "select count(*) from gone")
                .params(sorted.keySet().toArray(Long[]::new), sorted.values().stream().map(Instant::toString).toArray(String[]::new),
                        clientId)
                .query(Integer.class).single();
    }

    private static String qualified(String alias) {
        return Arrays.stream(COUNTED.split(", ")).map(column -> alias + "." + column).collect(Collectors.joining(", "));
    }

    private static Object[] columns(Collection<Dated> items) {
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
        int i = 0;
        for (Dated item : items) {
            WorkStatistics.Outcome o = item.outcome();
            ids[i] = o.itemId();
            periods[i] = item.period().toString();
            lines[i] = o.serviceLine();
            priorities[i] = o.priority().rank();
            completedAt[i] = o.completedAt().toString();
            slaMet[i] = o.slaMet();
            everPaused[i] = o.everPaused();
            handled[i] = o.handleSeconds() == null ? null : o.handleSeconds().toPlainString();
            pending[i] = o.pendingClientSeconds().toPlainString();
            i++;
        }
        return new Object[] {ids, periods, lines, priorities, completedAt, slaMet, everPaused, handled, pending};
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static Object[] append(Object[] first, Object last) {
        Object[] all = Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
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
                               sum(handled), sum(handle_seconds) / nullif(sum(handled), 0)
                          from quality.completed_tally
                         where client_id = ? and period = ?
                         group by service_line, priority order by service_line, priority desc""")
                .params(clientId, period.toString())
                .query((rs, n) -> new WorkStatistics.Completed(rs.getString(1), Priority.ofRank(rs.getInt(2)), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getObject(8) == null ? null : rs.getDouble(8)))
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
