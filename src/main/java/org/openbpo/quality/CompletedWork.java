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

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The scorecard's read model of completed work, kept from the work engine's {@link WorkItemCompleted}
 * in the completing transaction: the item's outcome (SLA verdict, time paused on the client, handle
 * time) is read once, when it completes, instead of from every item's timeline on every scorecard.
 * An item is recorded once: its key makes a repeated event change nothing. See docs/architecture.md.
 */
@Service
public class CompletedWork {

    private final CompletedWorkRows rows;
    private final WorkStatistics statistics;
    private final Clients clients;

    CompletedWork(CompletedWorkRows rows, WorkStatistics statistics, Clients clients) {
        this.rows = rows;
        this.statistics = statistics;
        this.clients = clients;
    }

    /**
     * In the completing transaction, so the scorecard counts an item from the moment it is done and a
     * completion is never committed without its place in the read model.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(WorkItemCompleted completed) {
        if ("DONE".equals(completed.outcome())) {
            record(completed.clientId(), completed.itemId());
        }
    }

    /** Records a done item in its client's month; false when it was recorded already or is not done. */
    @Transactional
    public boolean record(UUID clientId, long itemId) {
        return statistics.outcome(clientId, itemId)
                .map(outcome -> rows.record(clientId, YearMonth.from(outcome.completedAt().atZone(clients.get(clientId).timeZone())),
                        outcome))
                .orElse(false);
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
