package org.openbpo.billing;

import org.openbpo.audit.AuditTrail;
import org.openbpo.billing.persistence.UsageRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Client;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Clients;
import org.openbpo.work.CompletedWorkConsumer;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns completed work into usage, exactly once: the work engine's completion feed hands each
 * completion over in the same transaction that records its usage, and the usage row's unique key
 * guards a second time: the same work item is never metered twice.
 */
@Service
public class Metering implements CompletedWorkConsumer {

    static final String WORK_ITEM = "work-item";
    static final String MANUAL = "recorded";

    private final UsageRows usage;
    private final Clients clients;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    Metering(UsageRows usage, Clients clients, TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.usage = usage;
        this.clients = clients;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String consumerName() {
        return "billing.metering";
    }

    @Override
    public void accept(WorkItemCompleted completed) {
        acceptAll(List.of(completed));
    }

    /**
     * Meters a batch of completions set-wise: the client's time zone read once per client, the
     * month's lock and open-month check taken once per client and month, and one insert for each.
     */
    @Override
    public void acceptAll(List<WorkItemCompleted> batch) {
        Map<UUID, ZoneId> zones = new HashMap<>();
        Map<MonthOfClient, List<WorkItemCompleted>> byMonth = new LinkedHashMap<>();
        for (WorkItemCompleted completed : batch) {
            if (!"DONE".equals(completed.outcome())) {
                continue; // cancelled work is not billed
            }
            ZoneId zone = zones.computeIfAbsent(completed.clientId(), id -> clients.get(id).timeZone());
            LocalDate month = LocalDate.ofInstant(completed.at(), zone).withDayOfMonth(1);
            byMonth.computeIfAbsent(new MonthOfClient(completed.clientId(), month), key -> new ArrayList<>()).add(completed);
        }
        byMonth.forEach((key, completions) -> TenantScope.run(AllowedClients.only(key.clientId()), () ->
                transactions.executeWithoutResult(tx -> usage.meterWorkItems(key.clientId(), WORK_ITEM, completions,
                        openMonthFrom(key.clientId(), key.month())))));
    }

    private record MonthOfClient(UUID clientId, LocalDate month) {
    }

    /**
     * The month usage of {@code month} goes into: that month, or, when it is already closed for
     * billing (its invoice is in review or issued), the first open month after it. Completed work is
     * never dropped: it is billed a month late, on an invoice that says which month it belongs to.
     */
    LocalDate openMonthFrom(UUID clientId, LocalDate month) {
        LocalDate period = month;
        usage.lockMonth(clientId, period, false);
        while (usage.closed(clientId, period)) {
            period = period.plusMonths(1);
            usage.lockMonth(clientId, period, false);
        }
        return period;
    }

    /** Records usage measured outside the work engine; refused for a month already closed for billing. */
    @Transactional
    public UsageRecord record(UUID clientId, RecordUsage command) {
        Client client = clients.get(clientId);
        LocalDate period;
        try {
            period = YearMonth.parse(command.period()).atDay(1);
        } catch (DateTimeParseException e) {
            throw BusinessRuleViolation.invalid("period", command.period() + " is not a month (YYYY-MM).");
        }
        Instant at = command.occurredAt() == null ? clock.instant() : command.occurredAt();
        usage.lockMonth(clientId, period, false);
        if (usage.closed(clientId, period)) {
            throw new BusinessRuleViolation(409, "period-closed", "period", "Billing of " + command.period() + " for "
                    + client.name() + " is closed: its invoice is in review or issued. Record the usage in an open month.");
        }
        boolean recorded = usage.meter(clientId, MANUAL, command.sourceId(), command.serviceLine(), command.unit(),
                command.quantity(), at, period);
        UsageRecord record = usage.ofSource(clientId, MANUAL, command.sourceId()).stream()
                .filter(r -> r.unit().equals(command.unit())).findFirst().orElseThrow(() -> new BusinessRuleViolation(409,
                        "usage-source-taken", "sourceId", "Usage " + command.sourceId() + " was recorded before with another unit."));
        if (recorded) {
            audit.record(clientId, "usage.recorded", "usage", record.id(), null, record);
        } else if (record.quantity().compareTo(command.quantity()) != 0 || !record.serviceLine().equals(command.serviceLine())) {
            throw new BusinessRuleViolation(409, "usage-source-taken", "sourceId",
                    "Usage " + command.sourceId() + " was recorded before with other figures; usage is never changed.");
        }
        return record;
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
