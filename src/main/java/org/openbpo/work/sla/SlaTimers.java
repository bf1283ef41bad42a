package org.openbpo.work.sla;

import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.work.WorkEvents.WorkItemEscalated;
import org.openbpo.work.WorkEvents.WorkItemSlaBreached;
import org.openbpo.workforce.Agents;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fires SLA warnings and breaches. Every node runs it: each batch takes the due items with
 * FOR UPDATE SKIP LOCKED and marks them in the same transaction, so a timer fires once however
 * many nodes there are, and a node that dies mid-batch leaves the batch to the next one.
 * A warning raises the priority by one, tells the team leads, is written to the timeline and
 * sends work held at a centre that has gone off shift back to its queue.
 */
@Component
public class SlaTimers {

    private static final Logger LOG = LoggerFactory.getLogger(SlaTimers.class);
    private static final int BATCH = 2_000;

    private record Fired(UUID clientId, long id, int priority, Instant due, @Nullable UUID assignee) {
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
            while (escalateDue() == BATCH) {
                // keep going while batches come back full
            }
            while (breachDue() == BATCH) {
                // likewise
            }
        } catch (RuntimeException e) {
            LOG.warn("SLA timers will retry on the next tick: {}", e.getMessage());
        }
    }

    /** Escalates one batch of items whose warning moment has come; returns how many. */
    public int escalateDue() {
        Instant now = clock.instant();
        List<Fired> fired = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> {
            List<Fired> batch = jdbc.sql("""
                            with due as (
                                select client_id, id from work.work_item
                                 where escalated_at is null and warn_at <= ?
                                 order by warn_at limit ? for update skip locked)
                            update work.work_item w
                               set priority = least(w.priority + 1, 3), escalated_at = ?, warn_at = null, updated_at = ?
                              from due where w.client_id = due.client_id and w.id = due.id
                            returning w.client_id, w.id, w.priority, w.due_at, w.assignee_id""")
                    .params(ts(now), BATCH, ts(now), ts(now))
                    .query((rs, n) -> new Fired(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3),
                            rs.getTimestamp(4) == null ? now : rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class)))
                    .list();
            if (!batch.isEmpty()) {
                record(batch, now, "escalated", "work-item.escalated");
                rerouteFromCentresOffShift(batch, now);
                jdbc.sql("""
                                insert into work.notification (client_id, id, recipient, item_id, kind, message, created_at)
                                select c, gen_random_uuid(), null, i, 'SLA_WARNING',
                                       'WI-' || i || ' has used its SLA warning share; priority raised to ' || p, ?
                                  from unnest(?::uuid[], ?::bigint[], ?::text[]) as t(c, i, p)""")
                        .params(ts(now), clients(batch), ids(batch),
                                batch.stream().map(f -> Priority.ofRank(f.priority()).name()).toArray(String[]::new))
                        .update();
                batch.forEach(f -> events.publishEvent(new WorkItemEscalated(f.clientId(), f.id(), Priority.ofRank(f.priority()), now)));
            }
            return batch;
        }));
        return fired == null ? 0 : fired.size();
    }

    /** Records one batch of breaches; returns how many. */
    public int breachDue() {
        Instant now = clock.instant();
        List<Fired> fired = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> {
            List<Fired> batch = jdbc.sql("""
                            with due as (
                                select client_id, id from work.work_item
                                 where breached_at is null and due_at <= ?
                                 order by due_at limit ? for update skip locked)
                            update work.work_item w set breached_at = ?, updated_at = ?
                              from due where w.client_id = due.client_id and w.id = due.id
                            returning w.client_id, w.id, w.priority, w.due_at, w.assignee_id""")
                    .params(ts(now), BATCH, ts(now), ts(now))
                    .query((rs, n) -> new Fired(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3),
                            rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class)))
                    .list();
            if (!batch.isEmpty()) {
                record(batch, now, "sla-breached", "work-item.sla-breached");
                batch.forEach(f -> events.publishEvent(new WorkItemSlaBreached(f.clientId(), f.id(), f.due(), now)));
            }
            return batch;
        }));
        return fired == null ? 0 : fired.size();
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
        jdbc.sql("""
                        update work.work_item w set assignee_id = null, assigned_at = null
                          from unnest(?::uuid[], ?::bigint[]) as t(c, i) where w.client_id = t.c and w.id = t.i""")
                .params(clients(stranded), ids(stranded)).update();
        jdbc.sql("""
                        update work.handle_time h set ended_at = greatest(h.started_at, ?)
                          from unnest(?::uuid[], ?::bigint[]) as t(c, i)
                         where h.client_id = t.c and h.item_id = t.i and h.ended_at is null""")
                .params(ts(now), clients(stranded), ids(stranded)).update();
        jdbc.sql("""
                        insert into work.work_event (client_id, item_id, at, actor, type, data)
                        select c, i, ?, 'sla-timer', 'rerouted', jsonb_build_object('from', a, 'why', 'centre off shift')
                          from unnest(?::uuid[], ?::bigint[], ?::text[]) as t(c, i, a)""")
                .params(ts(now), clients(stranded), ids(stranded),
                        stranded.stream().map(f -> String.valueOf(f.assignee())).toArray(String[]::new))
                .update();
    }

    private boolean centreOnShift(UUID agentId) {
        try {
            return agents.eligibility(agentId).centreOnShift();
        } catch (RuntimeException notAnAgent) {
            return true; // someone without an agent profile (a lead, say) keeps what they hold
        }
    }

    private void record(List<Fired> batch, Instant now, String type, String action) {
        jdbc.sql("""
                        insert into work.work_event (client_id, item_id, at, actor, type, data)
                        select c, i, ?, 'sla-timer', ?, jsonb_build_object('priority', p)
                          from unnest(?::uuid[], ?::bigint[], ?::int[]) as t(c, i, p)""")
                .params(ts(now), type, clients(batch), ids(batch), batch.stream().map(Fired::priority).toArray(Integer[]::new))
                .update();
        List<String> entityIds = new ArrayList<>(batch.size());
        List<Map<String, Object>> afters = new ArrayList<>(batch.size());
        for (Fired f : batch) {
            entityIds.add(Long.toString(f.id()));
            afters.add(Map.of("priority", Priority.ofRank(f.priority()).name(), "dueAt", f.due().toString()));
        }
        audit.recordMany(action, "work-item", batch.stream().map(Fired::clientId).toList(), entityIds, afters);
    }

    private static UUID[] clients(List<Fired> batch) {
        return batch.stream().map(Fired::clientId).toArray(UUID[]::new);
    }

    private static Long[] ids(List<Fired> batch) {
        return batch.stream().map(Fired::id).toArray(Long[]::new);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
