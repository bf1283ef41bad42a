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
import java.util.Arrays;
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
    private static final String[] PRIORITY_NAMES = Arrays.stream(Priority.values()).map(Enum::name).toArray(String[]::new);

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
            // One statement marks the batch and writes its timeline entries and team-lead notifications.
            List<Fired> batch = jdbc.sql("""
                            with due as (
                                select client_id, id from work.work_item
                                 where escalated_at is null and warn_at <= ?
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
                            select client_id, id, priority, due_at, assignee_id from escalated""")
                    .params(ts(now), BATCH, ts(now), ts(now), ts(now), PRIORITY_NAMES, ts(now))
                    .query((rs, n) -> new Fired(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3),
                            rs.getTimestamp(4) == null ? now : rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class)))
                    .list();
            if (!batch.isEmpty()) {
                audit(batch, "work-item.escalated");
                rerouteFromCentresOffShift(batch, now);
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
                                 order by due_at limit ? for update skip locked),
                            breached as (
                                update work.work_item w set breached_at = ?, updated_at = ?
                                  from due where w.client_id = due.client_id and w.id = due.id
                                returning w.client_id, w.id, w.priority, w.due_at, w.assignee_id),
                            timeline as (
                                insert into work.work_event (client_id, item_id, at, actor, type, data)
                                select client_id, id, ?, 'sla-timer', 'sla-breached', jsonb_build_object('priority', priority)
                                  from breached)
                            select client_id, id, priority, due_at, assignee_id from breached""")
                    .params(ts(now), BATCH, ts(now), ts(now), ts(now))
                    .query((rs, n) -> new Fired(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3),
                            rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class)))
                    .list();
            if (!batch.isEmpty()) {
                audit(batch, "work-item.sla-breached");
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
        UUID[] clients = stranded.stream().map(Fired::clientId).toArray(UUID[]::new);
        Long[] ids = stranded.stream().map(Fired::id).toArray(Long[]::new);
        jdbc.sql("""
                        update work.work_item w set assignee_id = null, assigned_at = null
                          from unnest(?::uuid[], ?::bigint[]) as t(c, i) where w.client_id = t.c and w.id = t.i""")
                .params(clients, ids).update();
        jdbc.sql("""
                        update work.handle_time h set ended_at = greatest(h.started_at, ?)
                          from unnest(?::uuid[], ?::bigint[]) as t(c, i)
                         where h.client_id = t.c and h.item_id = t.i and h.ended_at is null""")
                .params(ts(now), clients, ids).update();
        jdbc.sql("""
                        insert into work.work_event (client_id, item_id, at, actor, type, data)
                        select c, i, ?, 'sla-timer', 'rerouted', jsonb_build_object('from', a, 'why', 'centre off shift')
                          from unnest(?::uuid[], ?::bigint[], ?::text[]) as t(c, i, a)""")
                .params(ts(now), clients, ids, stranded.stream().map(f -> String.valueOf(f.assignee())).toArray(String[]::new))
                .update();
    }

    private boolean centreOnShift(UUID agentId) {
        try {
            return agents.eligibility(agentId).centreOnShift();
        } catch (RuntimeException notAnAgent) {
            return true; // someone without an agent profile (a lead, say) keeps what they hold
        }
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
