package org.openbpo.quality;

import org.jspecify.annotations.Nullable;
import org.openbpo.quality.persistence.SampleRows;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Clients;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkTypes;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * Picks completed work for QA, any work type: at the work type's sample rate, and always for an
 * agent's first items on a client (until that many of the agent's items were picked as new-agent
 * samples, so the decision reads a handful of sample rows, not the agent's whole history). Deciding by the item's hash keeps the decision the same when a
 * completion event is delivered again; the sample's key keeps it recorded once.
 */
@Service
public class Sampling {

    private final SampleRows samples;
    private final WorkItems workItems;
    private final WorkTypes workTypes;
    private final Clients clients;
    private final TransactionTemplate transactions;

    Sampling(SampleRows samples, WorkItems workItems, WorkTypes workTypes, Clients clients, TransactionTemplate transactions) {
        this.samples = samples;
        this.workItems = workItems;
        this.workTypes = workTypes;
        this.clients = clients;
        this.transactions = transactions;
    }

    @Async
    @TransactionalEventListener
    public void on(WorkItemCompleted completed) {
        if (!"DONE".equals(completed.outcome())) {
            return;
        }
        TenantScope.run(AllowedClients.only(completed.clientId()), () -> transactions.executeWithoutResult(tx -> {
            WorkItem item = workItems.get(completed.clientId(), completed.itemId());
            UUID agent = whoseWork(completed, item);
            var rule = new SamplingRule(workTypes.qaSampleRate(item.clientId(), item.workType(), item.workTypeVersion()));
            long experience = agent == null ? Long.MAX_VALUE : samples.newAgentSamples(item.clientId(), agent, item.id());
            rule.decide(item.clientId(), item.id(), experience).ifPresent(reason -> samples.insert(item.clientId(), item.id(),
                    item.workType(), item.serviceLine(), agent, reason, completed.at()));
        }));
    }

    @Transactional(readOnly = true)
    public List<Sample> waiting(UUID clientId, int limit) {
        clients.get(clientId);
        return samples.waiting(clientId, limit);
    }

    /** Under maker-checker the maker's work is what QA judges; otherwise the agent who held it. */
    private static @Nullable UUID whoseWork(WorkItemCompleted completed, WorkItem item) {
        return completed.makerId() != null ? completed.makerId() : item.assigneeId();
    }
}
