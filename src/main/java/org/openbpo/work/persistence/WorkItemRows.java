package org.openbpo.work.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.CarriedRecord;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.database.GenericPlans;
import org.openbpo.shared.database.NamedStatement;
import org.openbpo.work.WorkItem;
import org.openbpo.work.domain.SlaState;
import org.openbpo.work.domain.StateCategory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class WorkItemRows {

    /**
     * The configuration an item was drafted under is still the one in force when it is inserted: its service line
     * active on an active contract, the latest contract version effective at its creation, the latest work type
     * version and, for the default queue, still the service line's first queue. A change made meanwhile on any
     * node inserts nothing, and the caller drafts again. The contract's term is the caller's to check (a term's
     * end changes only by a revision, which the version check catches): see {@code WorkItems.inTerm}.
     */
    private static final String CONFIGURATION_IN_FORCE = """
            where exists (select from contracts.service_line l
                            join contracts.contract c on c.client_id = l.client_id and c.id = l.contract_id
                           where l.client_id = :client and l.code = :serviceLine and l.active
                             and l.contract_id = :contract and c.status = 'ACTIVE')
              and (select max(v.version) from contracts.contract_version v
                    where v.client_id = :client and v.contract_id = :contract
                      and v.effective_from <= :createdAt) = :contractVersion
              and (select max(t.version) from work.work_type t
                    where t.client_id = :client and t.code = :workType) = :workTypeVersion
              and (not :defaultQueue or (select q.id from work.queue q
                                          where q.client_id = :client and q.service_line = :serviceLine
                                          order by q.created_at, q.code limit 1) = :queue)
            """;

    private static final TypeReference<Map<String, Object>> FORM = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RowMapper<WorkItem> item = this::item;

    WorkItemRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** See {@link #insert}. */
    private static final NamedStatement INSERT = NamedStatement.of("""
                        with item as (
                            insert into work.work_item (client_id, id, work_type, work_type_version, contract_id, contract_version,
                                service_line, queue_id, priority, state, category, title, form, channel, requester, created_at,
                                updated_at, first_response_due_at, sla_target_secs, sla_warn_share, sla_consumed_secs,
                                sla_running_since, due_at, warn_at)
                            select :client::uuid, nextval('work.work_item_id_seq'), :workType::text, :workTypeVersion::int,
                                   :contract::uuid, :contractVersion::int, :serviceLine::text, :queue::uuid, :priority::smallint,
                                   :state::text, :category::text, :title::text, :form::jsonb, :channel::text, :requester::text,
                                   :createdAt::timestamptz, :updatedAt::timestamptz, :firstResponseDue::timestamptz,
                                   :target::bigint, :warnShare::numeric, :consumed::bigint, :runningSince::timestamptz,
                                   :dueAt::timestamptz, :warnAt::timestamptz
                             """ + CONFIGURATION_IN_FORCE + """
                            returning client_id, id, created_at),
                        timeline as (
                            insert into work.work_event (client_id, item_id, at, actor, type, data)
                            select client_id, id, created_at, :actor, 'created', :created::jsonb from item),
                        audited as (
                            """ + CarriedRecord.insertFrom("item", "client_id", "id") + """
                        )
                        select id from item""");

    /**
     * Inserts a new item and its first timeline entry in one statement, under the next id of the
     * sequence (the item's own id is ignored), provided the configuration the item was built from is
     * still the one in force as the statement runs: its contract version is the newest in force for
     * its service line on an active contract, its work type version is the newest, and, when
     * {@code defaultQueue}, its queue is still the service line's first. The caller may thus build
     * items from configuration it remembers and still record exactly what was in force, on any number
     * of nodes; the checks run under the caller's row-level security, so a caller who may not see the
     * client's contract inserts nothing either. Returns the item's id, or empty when a check failed.
     * {@code created}: the timeline entry's data; {@code audited}: the item's audit record, written
     * by the same statement.
     */
    public Optional<Long> insert(WorkItem w, String actor, Map<String, ?> created, boolean defaultQueue,
                                 CarriedRecord audited) {
        SlaState s = w.sla();
        // One prepared plan serves every item (see claimNext); left to choose, PostgreSQL planned
        // this statement afresh on every call, its checks folded for the values at hand, at a
        // planning cost above the statement's own.
        GenericPlans.ensure(jdbc);
        return jdbc.sql(INSERT.sql())
                .params(INSERT.bind()
                        .set("client", w.clientId()).set("workType", w.workType()).set("workTypeVersion", w.workTypeVersion())
                        .set("contract", w.contractId()).set("contractVersion", w.contractVersion())
                        .set("serviceLine", w.serviceLine()).set("queue", w.queueId()).set("priority", w.priority().rank())
                        .set("state", w.state()).set("category", w.category().name()).set("title", w.title())
                        .set("form", json.writeValueAsString(w.form())).set("channel", w.channel())
                        .set("requester", w.requester()).set("createdAt", ts(w.createdAt())).set("updatedAt", ts(w.updatedAt()))
                        .set("firstResponseDue", ts(w.firstResponseDueAt())).set("target", s.targetSeconds())
                        .set("warnShare", s.warnShare()).set("consumed", s.consumedSeconds())
                        .set("runningSince", ts(s.runningSince())).set("dueAt", ts(s.dueAt())).set("warnAt", ts(s.warnAt()))
                        .set("defaultQueue", defaultQueue).set("actor", actor).set("created", json.writeValueAsString(created))
                        .with(audited::bindTo).values())
                .query(Long.class).optional();
    }

    /** One item of {@link #insertAll}: the item, who raised it and its timeline entry's data. */
    public record NewRow(WorkItem item, String actor, Map<String, ?> created) {
    }

    /**
     * As {@link #insert}, for many items built from one configuration (one client, contract version,
     * work type version and queue, raised at one moment) in one statement: the items, their timeline
     * entries and, through the items' triggers, whatever other modules keep of new items. The
     * configuration is checked once for the whole statement, exactly as {@link #insert} checks it;
     * when it no longer holds nothing is inserted and the answer is empty. Otherwise the answer holds
     * the items' ids in the order of {@code rows}. What differs between the items (title, form,
     * priority and its SLA figures, requester, channel) travels as one JSON array.
     */
    public List<Long> insertAll(List<NewRow> rows, boolean defaultQueue) {
        if (rows.isEmpty()) {
            return List.of();
        }
        WorkItem w = rows.getFirst().item();
        List<Map<String, @Nullable Object>> given = new java.util.ArrayList<>(rows.size());
        for (int n = 0; n < rows.size(); n++) {
            WorkItem item = rows.get(n).item();
            if (!item.clientId().equals(w.clientId()) || !item.serviceLine().equals(w.serviceLine())
                    || !item.queueId().equals(w.queueId()) || !item.workType().equals(w.workType())
                    || item.workTypeVersion() != w.workTypeVersion() || !java.util.Objects.equals(item.contractId(), w.contractId())
                    || !java.util.Objects.equals(item.contractVersion(), w.contractVersion()) || !item.createdAt().equals(w.createdAt())) {
                throw new IllegalArgumentException("The items of one insert are built from one configuration at one moment");
            }
            SlaState s = item.sla();
            Map<String, @Nullable Object> row = new java.util.HashMap<>();
            row.put("n", n);
            row.put("priority", item.priority().rank());
            row.put("state", item.state());
            row.put("category", item.category().name());
            row.put("title", item.title());
            row.put("form", item.form());
            row.put("channel", item.channel());
            row.put("requester", item.requester());
            row.put("first_response_due", text(item.firstResponseDueAt()));
            row.put("target", s.targetSeconds());
            row.put("warn_share", s.warnShare());
            row.put("consumed", s.consumedSeconds());
            row.put("running_since", text(s.runningSince()));
            row.put("due_at", text(s.dueAt()));
            row.put("warn_at", text(s.warnAt()));
            row.put("actor", rows.get(n).actor());
            row.put("created", rows.get(n).created());
            given.add(row);
        }
        Long[] ids = new Long[rows.size()];
        jdbc.sql("""
                        with given as (
                            select g.*, nextval('work.work_item_id_seq') as id
                              from jsonb_to_recordset(:rows::jsonb) as g(n int, priority smallint, state text, category text,
                                   title text, form jsonb, channel text, requester text, first_response_due timestamptz,
                                   target bigint, warn_share numeric, consumed bigint, running_since timestamptz,
                                   due_at timestamptz, warn_at timestamptz, actor text, created jsonb)),
                        item as (
                            insert into work.work_item (client_id, id, work_type, work_type_version, contract_id, contract_version,
                                service_line, queue_id, priority, state, category, title, form, channel, requester, created_at,
                                updated_at, first_response_due_at, sla_target_secs, sla_warn_share, sla_consumed_secs,
                                sla_running_since, due_at, warn_at)
                            select :client::uuid, g.id, :workType::text, :workTypeVersion::int, :contract::uuid,
                                   :contractVersion::int, :serviceLine::text, :queue::uuid, g.priority, g.state, g.category,
                                   g.title, g.form, g.channel, g.requester, :createdAt::timestamptz, :createdAt::timestamptz,
                                   g.first_response_due, g.target, g.warn_share, g.consumed, g.running_since, g.due_at, g.warn_at
                              from given g
                             """ + CONFIGURATION_IN_FORCE + """
                             order by g.n
                            returning client_id, id, created_at),
                        timeline as (
                            insert into work.work_event (client_id, item_id, at, actor, type, data)
                            select i.client_id, i.id, i.created_at, g.actor, 'created', g.created
                              from item i join given g on g.id = i.id
                             order by g.n)
                        select g.n, i.id from item i join given g on g.id = i.id""")
                .param("rows", json.writeValueAsString(given))
                .param("client", w.clientId()).param("workType", w.workType()).param("workTypeVersion", w.workTypeVersion())
                .param("contract", w.contractId()).param("contractVersion", w.contractVersion())
                .param("serviceLine", w.serviceLine()).param("queue", w.queueId()).param("createdAt", ts(w.createdAt()))
                .param("defaultQueue", defaultQueue)
                .query((rs, i) -> ids[rs.getInt(1)] = rs.getLong(2)).list();
        for (Long id : ids) {
            if (id == null) {
                return List.of();
            }
        }
        return List.of(ids);
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    public Optional<WorkItem> find(UUID clientId, long id) {
        return jdbc.sql("select * from work.work_item where client_id = ? and id = ?").params(clientId, id).query(item).optional();
    }

    /** The items named by client and id, in one statement; those not found (or not visible) are left out. */
    public List<WorkItem> findAll(List<UUID> clientIds, List<Long> ids) {
        return jdbc.sql("""
                        select w.* from unnest(?::uuid[], ?::bigint[]) as k(client_id, id)
                         cross join lateral (select * from work.work_item
                                              where client_id = k.client_id and id = k.id) w""")
                .params(clientIds.toArray(UUID[]::new), ids.toArray(Long[]::new)).query(item).list();
    }

    /** An item as read, and its row version (PostgreSQL's xmin), for a change that must find it as it was read. */
    public record Read(WorkItem item, @Nullable String version) {
    }

    /** The item and its row version, read without locking it (see {@link #move}). */
    public Optional<Read> read(UUID clientId, long id) {
        return jdbc.sql("select xmin::text as row_version, * from work.work_item where client_id = ? and id = ?")
                .params(clientId, id).query((rs, n) -> new Read(item(rs, n), rs.getString("row_version"))).optional();
    }

    /** The item, locked for this transaction, so that two changes of it happen one after the other. */
    public Optional<WorkItem> lock(UUID clientId, long id) {
        return jdbc.sql("select * from work.work_item where client_id = ? and id = ? for update")
                .params(clientId, id).query(item).optional();
    }

    /**
     * What a move measured. {@code handledSeconds}: the item's handle time when handling stopped (null
     * when no stretch of it has ended); {@code everPaused} and {@code pendingClientSeconds}: the
     * item's running figures after the move, null for items raised before the engine kept them.
     */
    public record Moved(@Nullable BigDecimal handledSeconds, @Nullable Boolean everPaused,
                        @Nullable BigDecimal pendingClientSeconds) {

        /** The handle time in whole seconds, rounded half up as the completion feed has always kept it; 0 when none. */
        public long handledWholeSeconds() {
            return handledSeconds == null ? 0 : handledSeconds.setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
    }

    /** See {@link #move}. */
    private static final NamedStatement MOVE = NamedStatement.of("""
                        with moved as (
                            update work.work_item
                               set state = :state::text, category = :category::text, maker_id = :maker::uuid,
                                   updated_at = :at::timestamptz, first_responded_at = :firstResponded::timestamptz,
                                   completed_at = :completedAt::timestamptz, sla_consumed_secs = :consumed::bigint,
                                   sla_running_since = :runningSince::timestamptz, sla_paused_since = :pausedSince::timestamptz,
                                   sla_pause_reason = :pauseReason::text, due_at = :dueAt::timestamptz,
                                   warn_at = :warnAt::timestamptz, escalated_at = :escalatedAt::timestamptz,
                                   breached_at = :breachedAt::timestamptz, sla_met = :met::boolean,
                                   ever_paused = ever_paused or :intoPause::boolean,
                                   pending_client_secs = pending_client_secs
                                       + case when :fromPendingClient::boolean and state_entered_at is not null
                                              then extract(epoch from :at::timestamptz - state_entered_at) else 0 end,
                                   state_entered_at = :at::timestamptz
                             where client_id = :client::uuid and id = :id::bigint
                               and (:version::xid is null or xmin = :version::xid)
                            returning client_id, id, updated_at, priority, ever_paused, pending_client_secs),
                        timeline as (
                            insert into work.work_event (client_id, item_id, at, actor, type, data)
                            select client_id, id, updated_at, :actor::text, 'moved', :data::jsonb from moved),
                        stopped as (
                            update work.handle_time h set ended_at = greatest(h.started_at, m.updated_at)
                              from moved m
                             where :stopHandling::boolean and h.client_id = m.client_id and h.item_id = m.id
                               and h.ended_at is null
                            returning h.started_at, h.ended_at),
                        handled as (
                            select case when :stopHandling::boolean then (
                                       select sum(extract(epoch from ended_at - started_at)) from (
                                           select started_at, ended_at from work.handle_time
                                            where client_id = :client::uuid and item_id = :id::bigint and ended_at is not null
                                           union all
                                           select started_at, ended_at from stopped) stretch) end as secs),
                        feed as (
                            insert into work.completion_feed (client_id, consumer, item_id, work_type, service_line, outcome,
                                billable_unit, sla_met, handle_seconds, completed_by, maker_id, completed_at, priority,
                                ever_paused, handled_secs, pending_client_secs)
                            select m.client_id, consumer, m.id, :workType::text, :serviceLine::text, :category::text,
                                   :billableUnit::text, :met::boolean, coalesce(h.secs, 0)::bigint, :completedBy::uuid,
                                   :maker::uuid, m.updated_at, m.priority, m.ever_paused, h.secs, m.pending_client_secs
                              from moved m, handled h, unnest(string_to_array(:consumers::text, ',')) consumer),
                        audited as (
                            """ + CarriedRecord.insertFrom("moved", "client_id", "id") + """
                        )
                        select h.secs, m.ever_paused, m.pending_client_secs from moved m, handled h""");

    /**
     * Writes a move through the item's work type in one statement: the state and SLA columns a move
     * changes (not the form, title or queue), the running figures the scorecard counts (whether the
     * item ever waited on the client or a third party, and the calendar time it spent in pending-client
     * states: from each move into one to the next move), the timeline entry, when {@code stopHandling}
     * the end of the open handling stretch, and when the item closes, its completion for each of the
     * feed's {@code consumers} (empty otherwise), carrying those figures; and {@code audited}, the
     * move's audit record. When {@code version} is given, all of it happens only if the item is
     * still at that row version (see {@link #read}); empty otherwise.
     */
    public Optional<Moved> move(WorkItem w, @Nullable String version, String actor, Map<String, ?> moved, boolean stopHandling, boolean intoPause,
                      boolean fromPendingClient, String[] consumers, @Nullable String billableUnit,
                      @Nullable UUID completedBy, CarriedRecord audited) {
        SlaState s = w.sla();
        return jdbc.sql(MOVE.sql())
                .params(MOVE.bind()
                        .set("state", w.state()).set("category", w.category().name()).set("maker", w.makerId())
                        .set("at", ts(w.updatedAt())).set("firstResponded", ts(w.firstRespondedAt()))
                        .set("completedAt", ts(w.completedAt())).set("consumed", s.consumedSeconds())
                        .set("runningSince", ts(s.runningSince())).set("pausedSince", ts(s.pausedSince()))
                        .set("pauseReason", s.pauseReason()).set("dueAt", ts(s.dueAt())).set("warnAt", ts(s.warnAt()))
                        .set("escalatedAt", ts(s.escalatedAt())).set("breachedAt", ts(s.breachedAt())).set("met", s.met())
                        .set("intoPause", intoPause).set("fromPendingClient", fromPendingClient)
                        .set("client", w.clientId()).set("id", w.id()).set("actor", actor)
                        .set("data", json.writeValueAsString(moved)).set("stopHandling", stopHandling)
                        .set("workType", w.workType()).set("serviceLine", w.serviceLine()).set("billableUnit", billableUnit)
                        .set("completedBy", completedBy).set("consumers", String.join(",", consumers))
                        .set("version", new SqlParameterValue(Types.VARCHAR, version))
                        .with(audited::bindTo).values())
                .query((rs, n) -> new Moved(rs.getBigDecimal(1), (Boolean) rs.getObject(2), rs.getBigDecimal(3)))
                .optional();
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

    /** Get next's first step: the agent, if they hold fewer open items than their capacity. */
    private static final String ELIGIBLE = """
            with eligible as (
                select p.queues, p.agent, p.now
                  from (select :queues::uuid[] as queues, :agent::uuid as agent, :now::timestamptz as now,
                               :capacity::int as capacity) p
                 where (select count(*) from work.work_item h
                         where h.assignee_id = p.agent and h.category in ('NEW', 'OPEN', 'REVIEW')) < p.capacity),
            """;

    /**
     * Get next's last step: the {@code chosen} item assigned to the agent, its handle time started, its
     * timeline told, its audit record written.
     */
    private static final String ASSIGN_CHOSEN = """
            claimed as (
                update work.work_item i set assignee_id = e.agent, assigned_at = e.now, updated_at = e.now
                  from chosen c, eligible e
                 where i.client_id = c.client_id and i.id = c.id
                returning i.*),
            handling as (
                insert into work.handle_time (client_id, item_id, agent_id, started_at)
                select c.client_id, c.id, e.agent, e.now from claimed c, eligible e
                on conflict do nothing),
            timeline as (
                insert into work.work_event (client_id, item_id, at, actor, type, data)
                select c.client_id, c.id, e.now, :actor, 'assigned', jsonb_build_object('agent', e.agent, 'how', 'get-next')
                  from claimed c, eligible e),
            audited as (
            """ + CarriedRecord.insertFrom("claimed", "client_id", "id") + """
            )
            select * from claimed""";

    /**
     * Get next, in one statement: the most urgent waiting item of each of the agent's eligible queues,
     * read without locking it, says which queue holds the most urgent work; then that queue's most urgent
     * item no other agent has locked is locked (SKIP LOCKED) and assigned in the same statement, with the
     * agent's handle time started and the assignment written to the item's timeline. It locks one row,
     * where {@link #CLAIM_NEXT_LOCKING} locks the first free item of every queue until commit (a
     * row lock is a write: a WAL record and a dirtied page) and hides them all from other agents
     * meanwhile. While other agents are claiming that queue's first items at the same moment, the agent
     * gets the queue's next free one, which may rank below another queue's first: SKIP LOCKED already
     * makes "most urgent" mean "most urgent not being claimed right now". When every waiting item of that
     * queue is being claimed, {@link #CLAIM_NEXT_LOCKING} decides instead. The queues are walked by
     * subscript rather than with unnest(): PostgreSQL knows unnest's row count from the array in hand,
     * so for an agent with few queues it planned the statement afresh on every call; by subscript, its
     * prepared plan serves every call. An agent who already holds their capacity of open items gets
     * nothing (the caller then tells them why). Values: see {@link #claimValues}.
     * Public so that the get-next benchmark can EXPLAIN it.
     */
    public static final NamedStatement CLAIM_NEXT = NamedStatement.of(ELIGIBLE + """
            busiest as (
                select w.queue_id
                  from eligible e
                  cross join generate_subscripts(e.queues, 1) as q(n)
                  cross join lateral (
                      select queue_id, priority, due_at, id from work.work_item
                       where queue_id = e.queues[q.n] and assignee_id is null and category in ('NEW', 'OPEN')
                       order by priority desc, due_at nulls last, id
                       limit 1) w
                 order by w.priority desc, w.due_at nulls last, w.id
                 limit 1),
            chosen as (
                select i.client_id, i.id from work.work_item i
                 where i.queue_id = (select queue_id from busiest) and i.assignee_id is null and i.category in ('NEW', 'OPEN')
                 order by i.priority desc, i.due_at nulls last, i.id
                 limit 1 for update skip locked),
            """ + ASSIGN_CHOSEN);

    /**
     * Get next when every waiting item of the queue {@link #CLAIM_NEXT} chose was being claimed by others: per queue the
     * most urgent item nobody has locked ({@code LIMIT 1 FOR UPDATE SKIP LOCKED}), the most urgent of
     * those, assigned as above. It locks one item per queue until commit, so it is kept for this case.
     */
    public static final NamedStatement CLAIM_NEXT_LOCKING = NamedStatement.of(ELIGIBLE + """
            chosen as (
                select w.client_id, w.id
                  from eligible e
                  cross join generate_subscripts(e.queues, 1) as q(n)
                  cross join lateral (
                      select client_id, id, priority, due_at from work.work_item
                       where queue_id = e.queues[q.n] and assignee_id is null and category in ('NEW', 'OPEN')
                       order by priority desc, due_at nulls last, id
                       limit 1 for update skip locked) w
                 order by w.priority desc, w.due_at nulls last, w.id
                 limit 1),
            """ + ASSIGN_CHOSEN);

    /** The values of {@link #CLAIM_NEXT} or {@link #CLAIM_NEXT_LOCKING}; {@code actor} names the agent on the timeline. */
    public static @Nullable Object[] claimValues(NamedStatement claim, Collection<UUID> queueIds, UUID agentId, int capacity,
                                                 String actor, Instant at, CarriedRecord audited) {
        return claim.bind().set("queues", queueIds.toArray(UUID[]::new)).set("agent", agentId).set("now", ts(at))
                .set("capacity", capacity).set("actor", actor).with(audited::bindTo).values();
    }

    /**
     * Claims the most urgent item of the queues for the agent (see {@link #CLAIM_NEXT}); {@code actor}
     * names them on the timeline, {@code audited} is the assignment's audit record.
     */
    public Optional<WorkItem> claimNext(Collection<UUID> queueIds, UUID agentId, int capacity, String actor, Instant at,
                                        CarriedRecord audited) {
        if (queueIds.isEmpty()) {
            return Optional.empty();
        }
        // The claim's prepared plan serves every agent (see CLAIM_NEXT); left to choose, PostgreSQL
        // kept planning it afresh on some connections, at a planning cost above the statement's own.
        GenericPlans.ensure(jdbc);
        Optional<WorkItem> claimed = jdbc.sql(CLAIM_NEXT.sql())
                .params(claimValues(CLAIM_NEXT, queueIds, agentId, capacity, actor, at, audited)).query(item).optional();
        return claimed.isPresent() ? claimed : jdbc.sql(CLAIM_NEXT_LOCKING.sql())
                .params(claimValues(CLAIM_NEXT_LOCKING, queueIds, agentId, capacity, actor, at, audited)).query(item).optional();
    }

    /** The open items an agent holds, which get-next weighs against the agent's capacity. */
    public long holding(UUID agentId) {
        return jdbc.sql("select count(*) from work.work_item where assignee_id = ? and category in ('NEW', 'OPEN', 'REVIEW')")
                .param(agentId).query(Long.class).single();
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

    /** An item taken from its holder, and who that was. */
    public record Released(UUID clientId, long id, UUID holder) {
    }

    /**
     * Takes every open item of the clients that the agents hold from them, back to its queue, in one
     * statement: the handling stretches closed and a "released" entry on each item's timeline saying why.
     */
    public List<Released> releaseAll(Collection<UUID> clientIds, Collection<UUID> agentIds, String actor, String why, Instant at) {
        return jdbc.sql("""
                        with held as (
                            select client_id, id, assignee_id from work.work_item
                             where client_id = any (?) and assignee_id = any (?) and category not in ('DONE', 'CANCELLED')
                               for update),
                        """ + RELEASE_HELD)
                .params(clientIds.toArray(UUID[]::new), agentIds.toArray(UUID[]::new), ts(at), ts(at), ts(at), actor, why)
                .query((rs, n) -> new Released(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class)))
                .list();
    }

    /**
     * As {@link #releaseAll}, for every client whose items the caller's scope shows: what a person who may no
     * longer work at all (a deactivated user) holds, over the index of open items by holder.
     */
    public List<Released> releaseAllHeldBy(UUID holder, String actor, String why, Instant at) {
        return jdbc.sql("""
                        with held as (
                            select client_id, id, assignee_id from work.work_item
                             where assignee_id = ? and category not in ('DONE', 'CANCELLED')
                               for update),
                        """ + RELEASE_HELD)
                .params(holder, ts(at), ts(at), ts(at), actor, why)
                .query((rs, n) -> new Released(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class)))
                .list();
    }

    /** The rest of a release of the items {@code held} (client_id, id, assignee_id): unassigned, handling stopped, told. */
    private static final String RELEASE_HELD = """
                        released as (
                            update work.work_item w set assignee_id = null, assigned_at = null, updated_at = ?
                              from held h
                             where w.client_id = h.client_id and w.id = h.id
                            returning w.client_id, w.id, h.assignee_id as holder),
                        stopped as (
                            update work.handle_time t set ended_at = greatest(t.started_at, ?)
                              from released r
                             where t.client_id = r.client_id and t.item_id = r.id and t.ended_at is null),
                        told as (
                            insert into work.work_event (client_id, item_id, at, actor, type, data)
                            select client_id, id, ?, ?, 'released', jsonb_build_object('from', holder, 'why', ?::text)
                              from released)
                        select client_id, id, holder from released""";

    /** Starts the agent's handling of the item, unless a stretch of it is open already (an item is handled by one at a time). */
    public void startHandling(UUID clientId, long itemId, UUID agentId, Instant at) {
        jdbc.sql("""
                        insert into work.handle_time (client_id, item_id, agent_id, started_at)
                        select ?, ?, ?, ?
                         where not exists (select from work.handle_time where client_id = ? and item_id = ? and ended_at is null)
                        on conflict do nothing""")
                .params(clientId, itemId, agentId, ts(at), clientId, itemId).update();
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
