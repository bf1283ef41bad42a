package org.openbpo.billing;

import org.openbpo.billing.persistence.UsageRows;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Clients;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Turns completed work into usage, exactly once. The completion event is kept in the event
 * publication registry until this listener has committed, so a crash redelivers it; the usage
 * row's unique key makes the redelivery add nothing.
 */
@Service
public class Metering {

    static final String WORK_ITEM = "work-item";

    private final UsageRows usage;
    private final Clients clients;
    private final TransactionTemplate transactions;

    Metering(UsageRows usage, Clients clients, TransactionTemplate transactions) {
        this.usage = usage;
        this.clients = clients;
        this.transactions = transactions;
    }

    @Async
    @TransactionalEventListener
    public void on(WorkItemCompleted completed) {
        if (!"DONE".equals(completed.outcome())) {
            return; // cancelled work is not billed
        }
        TenantScope.run(AllowedClients.only(completed.clientId()), () -> transactions.executeWithoutResult(tx -> {
            LocalDate period = LocalDate.ofInstant(completed.at(), clients.get(completed.clientId()).timeZone()).withDayOfMonth(1);
            usage.meter(completed.clientId(), WORK_ITEM, Long.toString(completed.itemId()), completed.serviceLine(),
                    completed.billableUnit(), BigDecimal.ONE, completed.at(), period);
        }));
    }

    @Transactional(readOnly = true)
    public List<UsageSummary> summary(UUID clientId, LocalDate period) {
        clients.get(clientId);
        return usage.summary(clientId, period.withDayOfMonth(1));
    }

    @Transactional(readOnly = true)
    public List<UsageRecord> ofWorkItem(UUID clientId, long itemId) {
        return usage.ofSource(clientId, WORK_ITEM, Long.toString(itemId));
    }
}
