package org.openbpo.quality;

import org.openbpo.quality.persistence.CompletedWorkRows;
import org.openbpo.tenancy.Clients;
import org.openbpo.work.WorkBehindFigures;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.openbpo.work.WorkStatistics;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The scorecard's read model of completed work, kept from the work engine's {@link WorkItemCompleted}
 * in the completing transaction: the item's outcome (SLA verdict, time paused on the client, handle
 * time) is read once, when it completes, instead of from every item's timeline on every scorecard.
 * An item is recorded once: its key makes a repeated event change nothing. See docs/architecture.md.
 */
@Service
public class CompletedWork {

    private static final int STRIPES = 16;

    private final CompletedWorkRows rows;
    private final WorkStatistics statistics;
    private final Clients clients;

    CompletedWork(CompletedWorkRows rows, WorkStatistics statistics, Clients clients) {
        this.rows = rows;
        this.statistics = statistics;
        this.clients = clients;
    }

    /**
     * Noted now and recorded just before the completing transaction commits: the scorecard counts an
     * item from the moment it is done, a completion is never committed without its place in the read
     * model, and a transaction that completes several items takes their tally rows in one order (no
     * deadlock with another such transaction) and holds them only while it commits.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(WorkItemCompleted completed) {
        if ("DONE".equals(completed.outcome())) {
            pending().computeIfAbsent(completed.clientId(), c -> new LinkedHashSet<>()).add(completed.itemId());
        }
    }

    /** Records done items in their client's month, in tally order; how many were new (the others were recorded already or are not done). */
    @Transactional
    public int record(UUID clientId, Collection<Long> itemIds) {
        ZoneId zone = clients.get(clientId).timeZone();
        record Dated(YearMonth period, WorkStatistics.Outcome outcome) {
        }
        List<Dated> outcomes = new ArrayList<>();
        for (long id : itemIds) {
            statistics.outcome(clientId, id).ifPresent(o -> outcomes.add(new Dated(YearMonth.from(o.completedAt().atZone(zone)), o)));
        }
        outcomes.sort(Comparator.comparing(Dated::period).thenComparing(d -> d.outcome().serviceLine())
                .thenComparing(d -> d.outcome().priority()).thenComparingLong(d -> d.outcome().itemId() % STRIPES)
                .thenComparingLong(d -> d.outcome().itemId()));
        int recorded = 0;
        for (Dated dated : outcomes) {
            recorded += rows.record(clientId, dated.period(), dated.outcome()) ? 1 : 0;
        }
        return recorded;
    }

    @Transactional
    public boolean record(UUID clientId, long itemId) {
        return record(clientId, List.of(itemId)) == 1;
    }

    /**
     * Records, set-based, every done item of the client not recorded yet (history loaded around the
     * engine, say); the tallies grow by exactly those items. Returns how many were recorded.
     */
    @Transactional
    public long backfill(UUID clientId) {
        return rows.backfill(clientId, clients.get(clientId).timeZone().getId());
    }

    @Transactional(readOnly = true)
    public List<WorkStatistics.Completed> completed(UUID clientId, YearMonth period) {
        return rows.completed(clientId, period);
    }

    @Transactional(readOnly = true)
    public List<WorkBehindFigures.PendingClient> pendingClient(UUID clientId, YearMonth period) {
        return rows.pendingClient(clientId, period);
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Set<Long>> pending() {
        Map<UUID, Set<Long>> pending = (Map<UUID, Set<Long>>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Map<UUID, Set<Long>> noted = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, noted);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    noted.entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .forEach(client -> record(client.getKey(), client.getValue()));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CompletedWork.this);
                }
            });
            pending = noted;
        }
        return pending;
    }
}
