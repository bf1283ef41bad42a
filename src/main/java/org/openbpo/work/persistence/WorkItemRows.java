package org.openbpo.work.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;
import org.openbpo.work.WorkItem;
import org.openbpo.work.domain.SlaState;
import org.openbpo.work.domain.StateCategory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class WorkItemRows {

    /** An item whose SLA timer has fallen due, with what its timer needs. */
    public record DueItem(UUID clientId, long id) {
    }

    private static final TypeReference<Map<String, Object>> FORM = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RowMapper<WorkItem> item = this::item;

    WorkItemRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a new item under the next id of the sequence (the item's own id is ignored) and returns that id. */
    public long insert(WorkItem w) {
        SlaState s = w.sla();
        return jdbc.sql("""
                        insert into work.work_item (client_id, id, work_type, work_type_version, contract_id, contract_version,
                            service_line, queue_id, priority, state, category, title, form, channel, requester, created_at,
                            updated_at, first_response_due_at, sla_target_secs, sla_warn_share, sla_consumed_secs,
                            sla_running_since, due_at, warn_at)
                        values (?, nextval('work.work_item_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        returning id""")
                .params(w.clientId(), w.workType(), w.workTypeVersion(), w.contractId(), w.contractVersion(),
                        w.serviceLine(), w.queueId(), w.priority().rank(), w.state(), w.category().name(), w.title(),
                        json.writeValueAsString(w.form()), w.channel(), w.requester(), ts(w.createdAt()), ts(w.updatedAt()),
                        ts(w.firstResponseDueAt()), s.targetSeconds(), s.warnShare(), s.consumedSeconds(),
                        ts(s.runningSince()), ts(s.dueAt()), ts(s.warnAt()))
                .query(Long.class).single();
    }

    public Optional<WorkItem> find(UUID clientId, long id) {
        return jdbc.sql("select * from work.work_item where client_id = ? and id = ?").params(clientId, id).query(item).optional();
    }

    /** The item, locked for this transaction, so that two changes of it happen one after the other. */
    public Optional<WorkItem> lock(UUID clientId, long id) {
        return jdbc.sql("select * from work.work_item where client_id = ? and id = ? for update")
                .params(clientId, id).query(item).optional();
    }

    public void update(WorkItem w) {
        SlaState s = w.sla();
        jdbc.sql("""
                        update work.work_item set queue_id = ?, priority = ?, state = ?, category = ?, title = ?, form = ?::jsonb,
                               assignee_id = ?, assigned_at = ?, maker_id = ?, updated_at = ?, first_responded_at = ?,
                               completed_at = ?, sla_consumed_secs = ?, sla_running_since = ?, sla_paused_since = ?,
                               sla_pause_reason = ?, due_at = ?, warn_at = ?, escalated_at = ?, breached_at = ?, sla_met = ?
                         where client_id = ? and id = ?""")
                .params(w.queueId(), w.priority().rank(), w.state(), w.category().name(), w.title(),
                        json.writeValueAsString(w.form()), w.assigneeId(), ts(w.assignedAt()), w.makerId(), ts(w.updatedAt()),
                        ts(w.firstRespondedAt()), ts(w.completedAt()), s.consumedSeconds(), ts(s.runningSince()),
                        ts(s.pausedSince()), s.pauseReason(), ts(s.dueAt()), ts(s.warnAt()), ts(s.escalatedAt()),
                        ts(s.breachedAt()), s.met(), w.clientId(), w.id())
                .update();
    }

    /**
     * Get next, in one statement: per eligible queue the most urgent waiting item that no other
     * agent has locked, then the most urgent of those, assigned in the same statement. The queues
     * are walked by subscript rather than with unnest(): PostgreSQL knows unnest's row count from
     * the array in hand, so for an agent with few queues it planned the statement afresh on every
     * call (half a millisecond, more than running it); by subscript, its prepared plan serves every
     * call. Public so that the get-next benchmark can EXPLAIN it.
     */
    public static final String CLAIM_NEXT = """
            with eligible as (select ?::uuid[] as queues),
            candidate as (
                select w.client_id, w.id
                  from eligible e
                  cross join generate_subscripts(e.queues, 1) as q(n)
                  cross join lateral (
                      select client_id, id, priority, due_at from work.work_item
                       where queue_id = e.queues[q.n] and assignee_id is null and category in ('NEW', 'OPEN')
                       order by priority desc, due_at nulls last, id
                       limit 1 for update skip locked) w
                 order by w.priority desc, w.due_at nulls last, w.id
                 limit 1)
            update work.work_item i set assignee_id = ?, assigned_at = ?, updated_at = ?
              from candidate c
             where i.client_id = c.client_id and i.id = c.id
            returning i.*""";

    public Optional<WorkItem> claimNext(Collection<UUID> queueIds, UUID agentId, Instant at) {
        if (queueIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(CLAIM_NEXT)
                .params(queueIds.toArray(UUID[]::new), agentId, ts(at), ts(at))
                .query(item).optional();
    }

    /** Items whose warning moment has come and that were not escalated yet; locked, skipping those another node holds. */
    public List<DueItem> warningsDue(Instant now, int limit) {
        return jdbc.sql("""
                        select client_id, id from work.work_item
                         where escalated_at is null and warn_at <= ? order by warn_at limit ? for update skip locked""")
                .params(ts(now), limit).query((rs, n) -> new DueItem(rs.getObject(1, UUID.class), rs.getLong(2))).list();
    }

    public List<DueItem> breachesDue(Instant now, int limit) {
        return jdbc.sql("""
                        select client_id, id from work.work_item
                         where breached_at is null and due_at <= ? order by due_at limit ? for update skip locked""")
                .params(ts(now), limit).query((rs, n) -> new DueItem(rs.getObject(1, UUID.class), rs.getLong(2))).list();
    }

    public List<WorkItem> page(UUID clientId, @Nullable StateCategory category, @Nullable UUID assignee, long afterId, int limit) {
        return jdbc.sql("""
                        select * from work.work_item
                         where client_id = ? and (?::text is null or category = ?) and (?::uuid is null or assignee_id = ?) and id > ?
                         order by id limit ?""")
                .params(clientId, category == null ? null : category.name(), category == null ? null : category.name(),
                        assignee, assignee, afterId, limit)
                .query(item).list();
    }

    /** Unassigned items waiting in a client's queues, in the order get-next would hand them out. */
    public List<WorkItem> waiting(UUID clientId, int limit) {
        return jdbc.sql("""
                        select * from work.work_item
                         where client_id = ? and assignee_id is null and category in ('NEW', 'OPEN')
                         order by priority desc, due_at nulls last, id limit ?""")
                .params(clientId, limit).query(item).list();
    }

    /** A client's items, newest first, before an id (0 for the newest). */
    public List<WorkItem> latest(UUID clientId, long beforeId, int limit) {
        return jdbc.sql("""
                        select * from work.work_item where client_id = ? and (? = 0 or id < ?) order by id desc limit ?""")
                .params(clientId, beforeId, beforeId, limit).query(item).list();
    }

    public List<WorkItem> assignedTo(UUID agentId, Collection<UUID> clientIds) {
        return jdbc.sql("""
                        select * from work.work_item where assignee_id = ? and client_id = any (?)
                           and category not in ('DONE', 'CANCELLED') order by priority desc, due_at nulls last""")
                .params(agentId, clientIds.toArray(UUID[]::new)).query(item).list();
    }

    public long completedBy(UUID clientId, UUID agentId, Instant before) {
        return jdbc.sql("""
                        select count(*) from work.work_item
                         where assignee_id = ? and client_id = ? and category = 'DONE' and completed_at < ?""")
                .params(agentId, clientId, ts(before)).query(Long.class).single();
    }

    public void startHandling(UUID clientId, long itemId, UUID agentId, Instant at) {
        jdbc.sql("insert into work.handle_time (client_id, item_id, agent_id, started_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(clientId, itemId, agentId, ts(at)).update();
    }

    /**
     * Ends the open handling stretch, if any, and returns the item's handle time so far, in one
     * statement: the stretches that were already closed plus the ones closed now.
     */
    public long stopHandling(UUID clientId, long itemId, Instant at) {
        return jdbc.sql("""
                        with stopped as (
                            update work.handle_time set ended_at = greatest(started_at, ?)
                             where client_id = ? and item_id = ? and ended_at is null
                            returning started_at, ended_at)
                        select coalesce(sum(extract(epoch from ended_at - started_at)), 0)::bigint
                          from (select started_at, ended_at from work.handle_time
                                 where client_id = ? and item_id = ? and ended_at is not null
                                union all
                                select started_at, ended_at from stopped) stretch""")
                .params(ts(at), clientId, itemId, clientId, itemId).query(Long.class).single();
    }

    /** A stretch of handling that happened elsewhere (a phone call), recorded once it is over. */
    public void recordHandling(UUID clientId, long itemId, UUID agentId, Instant from, Instant to) {
        jdbc.sql("insert into work.handle_time (client_id, item_id, agent_id, started_at, ended_at) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(clientId, itemId, agentId, ts(from), ts(to)).update();
    }

    public long handleSeconds(UUID clientId, long itemId) {
        return jdbc.sql("""
                        select coalesce(sum(extract(epoch from ended_at - started_at)), 0)::bigint
                          from work.handle_time where client_id = ? and item_id = ? and ended_at is not null""")
                .params(clientId, itemId).query(Long.class).single();
    }

    private WorkItem item(ResultSet rs, int n) throws SQLException {
        SlaState sla = new SlaState(rs.getObject("sla_target_secs", Long.class), rs.getBigDecimal("sla_warn_share"),
                rs.getLong("sla_consumed_secs"), instant(rs, "sla_running_since"), instant(rs, "sla_paused_since"),
                rs.getString("sla_pause_reason"), instant(rs, "due_at"), instant(rs, "warn_at"),
                instant(rs, "escalated_at"), instant(rs, "breached_at"), rs.getObject("sla_met", Boolean.class));
        return new WorkItem(rs.getObject("client_id", UUID.class), rs.getLong("id"), rs.getString("work_type"),
                rs.getInt("work_type_version"), rs.getObject("contract_id", UUID.class),
                rs.getObject("contract_version", Integer.class), rs.getString("service_line"),
                rs.getObject("queue_id", UUID.class), Priority.ofRank(rs.getInt("priority")), rs.getString("state"),
                StateCategory.valueOf(rs.getString("category")), rs.getString("title"),
                json.readValue(rs.getString("form"), FORM), rs.getString("channel"), rs.getString("requester"),
                rs.getObject("assignee_id", UUID.class), instant(rs, "assigned_at"), rs.getObject("maker_id", UUID.class),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "first_responded_at"),
                instant(rs, "first_response_due_at"), instant(rs, "completed_at"), sla);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
