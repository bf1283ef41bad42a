package org.openbpo.work.sla;

import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.work.WorkEvents.WorkItemEscalated;
import org.openbpo.work.WorkEvents.WorkItemSlaBreached;
import org.openbpo.workforce.AgentEligibility;
import org.openbpo.workforce.Agents;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fires SLA warnings and breaches. Every node runs it: each batch takes the due items with
 * FOR UPDATE SKIP LOCKED and marks them in the same transaction, so a timer fires once however
 * many nodes there are, and a node that dies mid-batch leaves the batch to the next one.
 * A warning raises the priority by one, tells the team leads, is written to the timeline and
 * sends work held at a centre that has gone off shift back to its queue.
 *
 * <p>The due items are split into {@link #LANES} lanes by client. A node takes a lane with an
 * advisory lock, batch after batch, so nodes firing at once work on different clients' items
 * instead of walking over each other's locked rows and index pages. When every lane with due
 * items is taken, the node shares one with its holder, skipping the rows it holds: a node that hangs
 * holding a lane never stops that lane's timers.
 */
@Component
public class SlaTimers {

    private static final Logger LOG = LoggerFactory.getLogger(SlaTimers.class);
    private static final int BATCH = 2_000;
    private static final String[] PRIORITY_NAMES = Arrays.stream(Priority.values()).map(Enum::name).toArray(String[]::new);

    /** How many lanes the timers' work is split into: an item's {@code sla_lane} is 0 to 15 (V5_5). */
    public static final int LANES = 16;
    /** The advisory lock classes of the timers' lanes, one per timer: "SLA" in ASCII, then the timer's ordinal. */
    public static final int LOCK_CLASS = 0x534C4100;

    private record Fired(UUID clientId, long id, int priority, Instant due, @Nullable UUID assignee) {
    }

    /** One of the two timers, with the condition of its due items (the moment is the one parameter). */
    private enum Timer {
        WARNING("escalated_at is null and warn_at <= ?"),
        BREACH("breached_at is null and due_at <= ?");

        final String due;
        /** The lanes that have due items; values: the last lane, the moment. */
        final String lanesDue;

        Timer(String due) {
            this.due = due;
            this.lanesDue = """
                    select l::smallint from generate_series(0, ?) l
                     where exists (select 1 from work.work_item where sla_lane = l and DUE)""".replace("DUE", due);
        }
    }

    /**
     * A batch of one lane's due warnings: marked, their timeline entries and team-lead notifications
     * written, in one statement. Values: lane, moment, batch size, then the moment three times, the
     * priorities' names and the moment.
     */
    private static final String ESCALATE_BATCH = """
            with due as (
                select client_id, id from work.work_item
                 where sla_lane = ?::smallint and DUE
                 order by warn_at limit ? for update skip locked),
            escalated as (
                update work.work_item w
                   set priority = least(w.priority + 1, 3), escalated_at = ?, warn_at = null, updated_at = ?
                  from due where w.client_id = due.client_id and w.id = due.id
                returning w.client_id, w.id, w.priority, w.due_at, w.assignee_id),
            timeline as (
                insert into work.work_event (client_id, item_id, at, actor, type, data)
                select client_id, id, ?, 'sla-timer', 'escalated', jsonb_build_object('priority', priority)
                  from escalated),
            notified as (
                insert into work.notification (client_id, id, recipient, item_id, kind, message, created_at)
                select client_id, gen_random_uuid(), null, id, 'SLA_WARNING',
                       'WI-' || id || ' has used its SLA warning share; priority raised to '
                           || (?::text[])[priority + 1], ?
                  from escalated)
            select client_id, id, priority, due_at, assignee_id from escalated""".replace("DUE", Timer.WARNING.due);

    /** A batch of one lane's breaches, recorded and written to the timeline. Values: lane, moment, batch size, the moment thrice. */
    private static final String BREACH_BATCH = """
            with due as (
                select client_id, id from work.work_item
                 where sla_lane = ?::smallint and DUE
                 order by due_at limit ? for update skip locked),
            breached as (
                update work.work_item w set breached_at = ?, updated_at = ?
                  from due where w.client_id = due.client_id and w.id = due.id
                returning w.client_id, w.id, w.priority, w.due_at, w.assignee_id),
            timeline as (
                insert into work.work_event (client_id, item_id, at, actor, type, data)
                select client_id, id, ?, 'sla-timer', 'sla-breached', jsonb_build_object('priority', priority)
                  from breached)
            select client_id, id, priority, due_at, assignee_id from breached""".replace("DUE", Timer.BREACH.due);

    @FunctionalInterface
    private interface LaneBatch {
        List<Fired> fire(int lane, Instant now);
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Agents agents;
    private final Clock clock;

    SlaTimers(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, ApplicationEventPublisher events,
              Agents agents, Clock clock) {
        this.agents = agents;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${openbpo.sla.timer-interval:1000}")
    public void tick() {
        try {
            while (escalateDue() > 0) {
                // keep going while anything was due
            }
            while (breachDue() > 0) {
                // likewise
            }
        } catch (RuntimeException e) {
            LOG.warn("SLA timers will retry on the next tick: {}", e.getMessage());
        }
    }

    /** Escalates the items whose warning moments have come; returns how many. */
    public int escalateDue() {
        return fire(Timer.WARNING, this::escalate);
    }

    /** Records the breaches that have come; returns how many. */
    public int breachDue() {
        return fire(Timer.BREACH, this::breach);
    }

    /**
     * Fires every lane with due items, starting at a random lane so that nodes spread out: each lane
     * batch after batch while this node can take it, each batch in its own transaction. Lanes another
     * node holds are left to it, unless every due lane is held: then this node shares them, a batch each.
     */
    private int fire(Timer timer, LaneBatch batch) {
        Instant now = clock.instant();
        List<Integer> due = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> lanesDue(timer, now)));
        int fired = 0;
        List<Integer> held = new ArrayList<>();
        int start = due.isEmpty() ? 0 : ThreadLocalRandom.current().nextInt(due.size());
        for (int i = 0; i < due.size(); i++) {
            int lane = due.get((start + i) % due.size());
            int firedInLane = drain(timer, lane, batch, now);
            if (firedInLane < 0) {
                held.add(lane);
            } else {
                fired += firedInLane;
            }
        }
        if (fired == 0) {
            for (int lane : held) {
                fired += TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> batch.fire(lane, now).size()));
            }
        }
        return fired;
    }

    /** Fires the lane's due items while this node can take it; -1 when another node held it from the start. */
    private int drain(Timer timer, int lane, LaneBatch batch, Instant now) {
        int fired = 0;
        while (true) {
            Integer firedNow = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                    takeLane(timer, lane) ? batch.fire(lane, now).size() : null));
            if (firedNow == null) {
                return fired == 0 ? -1 : fired;
            }
            fired += firedNow;
            if (firedNow < BATCH) {
                return fired;
            }
        }
    }

    private List<Integer> lanesDue(Timer timer, Instant now) {
        return jdbc.sql(timer.lanesDue).params(LANES - 1, ts(now)).query(Integer.class).list();
    }

    /** Takes the timer's lane for this transaction, unless another node holds it. */
    private boolean takeLane(Timer timer, int lane) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?, ?)")
                .params(LOCK_CLASS + timer.ordinal(), lane).query(Boolean.class).single());
    }

    /** A fired item from the timers' statements; an item without a deadline counts as due now. */
    private static RowMapper<Fired> asFired(Instant now) {
        return (rs, n) -> new Fired(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3),
                rs.getTimestamp(4) == null ? now : rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class));
    }

    private List<Fired> escalate(int lane, Instant now) {
        List<Fired> batch = jdbc.sql(ESCALATE_BATCH)
                .params(lane, ts(now), BATCH, ts(now), ts(now), ts(now), PRIORITY_NAMES, ts(now))
                .query(asFired(now)).list();
        if (!batch.isEmpty()) {
            audit(batch, "work-item.escalated");
            rerouteFromCentresOffShift(batch, now);
            batch.forEach(f -> events.publishEvent(new WorkItemEscalated(f.clientId(), f.id(), Priority.ofRank(f.priority()), now)));
        }
        return batch;
    }

    private List<Fired> breach(int lane, Instant now) {
        List<Fired> batch = jdbc.sql(BREACH_BATCH)
                .params(lane, ts(now), BATCH, ts(now), ts(now), ts(now))
                .query(asFired(now)).list();
        if (!batch.isEmpty()) {
            audit(batch, "work-item.sla-breached");
            batch.forEach(f -> events.publishEvent(new WorkItemSlaBreached(f.clientId(), f.id(), f.due(), now)));
        }
        return batch;
    }

    /**
     * An escalated item held by an agent whose centre has gone off shift goes back to its queue,
     * where get-next gives it, now at a higher priority, to an agent at a centre on shift.
     */
    private void rerouteFromCentresOffShift(List<Fired> batch, Instant now) {
        Map<UUID, Boolean> onShift = new HashMap<>();
        List<Fired> stranded = batch.stream().filter(f -> f.assignee() != null)
                .filter(f -> !onShift.computeIfAbsent(f.assignee(), this::centreOnShift)).toList();
        if (stranded.isEmpty()) {
            return;
        }
        // Only work get-next routes goes back to the queue: an item waiting for its check, or on the client, stays with its
        // holder, since no queue would offer it to anyone else.
        List<Released> released = jdbc.sql("""
                        update work.work_item w set assignee_id = null, assigned_at = null
                          from unnest(?::uuid[], ?::bigint[], ?::uuid[]) as t(c, i, a)
                         where w.client_id = t.c and w.id = t.i and w.category in ('NEW', 'OPEN')
                        returning w.client_id, w.id, t.a""")
                .params(stranded.stream().map(Fired::clientId).toArray(UUID[]::new), stranded.stream().map(Fired::id).toArray(Long[]::new),
                        stranded.stream().map(Fired::assignee).toArray(UUID[]::new))
                .query((rs, n) -> new Released(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class))).list();
        if (released.isEmpty()) {
            return;
        }
        UUID[] clients = released.stream().map(Released::clientId).toArray(UUID[]::new);
        Long[] ids = released.stream().map(Released::id).toArray(Long[]::new);
        jdbc.sql("""
                        update work.handle_time h set ended_at = greatest(h.started_at, ?)
                          from unnest(?::uuid[], ?::bigint[]) as t(c, i)
                         where h.client_id = t.c and h.item_id = t.i and h.ended_at is null""")
                .params(ts(now), clients, ids).update();
        jdbc.sql("""
                        insert into work.work_event (client_id, item_id, at, actor, type, data)
                        select c, i, ?, 'sla-timer', 'rerouted', jsonb_build_object('from', a, 'why', ?::text)
                          from unnest(?::uuid[], ?::bigint[], ?::text[]) as t(c, i, a)""")
                .params(ts(now), OFF_SHIFT, clients, ids, released.stream().map(r -> r.holder().toString()).toArray(String[]::new))
                .update();
        // audited as every other release: who held it and why it left them, one statement for the batch
        audit.recordMany("work-item.released", "work-item", released.stream().map(Released::clientId).toList(),
                released.stream().map(r -> Long.toString(r.id())).toList(),
                released.stream().map(r -> Map.of("from", r.holder().toString(), "why", OFF_SHIFT)).toList());
    }

    /** Why the timers took an escalated item from its holder. */
    private static final String OFF_SHIFT = "centre off shift";

    /** An item the timers took from its holder, and who that was. */
    private record Released(UUID clientId, long id, UUID holder) {
    }

    /** Someone without an agent profile (a lead, say) keeps what they hold. */
    private boolean centreOnShift(UUID assignee) {
        return agents.eligibilityIfAgent(assignee).map(AgentEligibility::centreOnShift).orElse(true);
    }

    private void audit(List<Fired> batch, String action) {
        List<String> entityIds = new ArrayList<>(batch.size());
        List<Map<String, Object>> afters = new ArrayList<>(batch.size());
        for (Fired f : batch) {
            entityIds.add(Long.toString(f.id()));
            afters.add(Map.of("priority", Priority.ofRank(f.priority()).name(), "dueAt", f.due().toString()));
        }
        audit.recordMany(action, "work-item", batch.stream().map(Fired::clientId).toList(), entityIds, afters);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
