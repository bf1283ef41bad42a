package org.openbpo.quality;

import org.openbpo.quality.persistence.CompletedWorkRows;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Clients;
import org.openbpo.work.CompletedWorkConsumer;
import org.openbpo.work.WorkBehindFigures;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.openbpo.work.WorkStatistics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The scorecard's read model of completed work, kept from the work engine's completion feed: the
 * item's outcome (SLA verdict, time paused on the client, handle time) comes with the completion, as
 * the engine measured it while the item moved (an item raised before the engine kept those figures is
 * read from its timeline), and is recorded moments after it completes, in batches, off the completing
 * transaction, instead of computed from every item's timeline on every scorecard. An item is counted once, by its
 * latest completion (reopened and completed again, it moves to its new month): a redelivery changes nothing. A batch's
 * clients are recorded in one order and each client's items in tally order, so two nodes taking
 * batches at once take the tally rows in the same order (no deadlock). See docs/architecture.md.
 */
@Service
public class CompletedWork implements CompletedWorkConsumer {

    private final CompletedWorkRows rows;
    private final WorkStatistics statistics;
    private final Clients clients;

    CompletedWork(CompletedWorkRows rows, WorkStatistics statistics, Clients clients) {
        this.rows = rows;
        this.statistics = statistics;
        this.clients = clients;
    }

    @Override
    public String consumerName() {
        return "quality.scorecard";
    }

    @Override
    public void accept(WorkItemCompleted completed) {
        acceptAll(List.of(completed));
    }

    /**
     * A batch from the completion feed, per client, each item by its latest closing in the batch: done
     * items recorded in tally order from the figures each completion carries (only a completion that
     * carries none, an item raised before the engine kept them, is read from the item's timeline), an
     * item recorded before and completed again moved to its new completion; an item reopened and then
     * closed without being done (cancelled) taken off the tallies.
     */
    @Override
    public void acceptAll(List<WorkItemCompleted> batch) {
        Map<UUID, Map<Long, WorkItemCompleted>> latest = new TreeMap<>();
        batch.forEach(c -> latest.computeIfAbsent(c.clientId(), client -> new LinkedHashMap<>())
                .merge(c.itemId(), c, (a, b) -> b.at().isAfter(a.at()) ? b : a));
        latest.forEach((client, completions) -> TenantScope.run(AllowedClients.only(client), () -> {
            recordOutcomes(client, completions.values().stream().filter(c -> "DONE".equals(c.outcome()))
                    .map(c -> c.measured() != null ? Optional.of(c.measured()) : statistics.outcome(client, c.itemId()))
                    .flatMap(Optional::stream).toList());
            Map<Long, Instant> closedUndone = new TreeMap<>();
            completions.values().stream().filter(c -> !"DONE".equals(c.outcome()))
                    .forEach(c -> closedUndone.put(c.itemId(), c.at()));
            rows.forgetEarlier(client, closedUndone);
        }));
    }

    /** Records done items in their client's month, in tally order; how many were new (the others were recorded already or are not done). */
    @Transactional
    public int record(UUID clientId, Collection<Long> itemIds) {
        return recordOutcomes(clientId, new LinkedHashSet<>(itemIds).stream().map(id -> statistics.outcome(clientId, id))
                .flatMap(Optional::stream).toList());
    }

    private int recordOutcomes(UUID clientId, List<WorkStatistics.Outcome> done) {
        ZoneId zone = clients.get(clientId).timeZone();
        return rows.recordAll(clientId, done.stream()
                .map(o -> new CompletedWorkRows.Dated(YearMonth.from(o.completedAt().atZone(zone)), o)).toList());
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
}
