package org.openbpo.work;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;

import java.time.Instant;
import java.util.UUID;

/** What the work engine tells the rest of OpenBPO, published in the transaction that made it so. */
public final class WorkEvents {

    private WorkEvents() {
    }

    public record WorkItemCreated(UUID clientId, long itemId, String workType, String serviceLine, Priority priority,
                                  String channel, Instant at) {
    }

    public record WorkItemAssigned(UUID clientId, long itemId, UUID agentId, Instant at) {
    }

    public record WorkItemPended(UUID clientId, long itemId, String reason, Instant at) {
    }

    public record WorkItemResumed(UUID clientId, long itemId, Instant at) {
    }

    public record WorkItemEscalated(UUID clientId, long itemId, Priority priority, Instant at) {
    }

    public record WorkItemSlaBreached(UUID clientId, long itemId, Instant dueAt, Instant at) {
    }

    /**
     * Done or cancelled: what billing meters, quality samples and reporting counts. {@code measured}:
     * the item as the scorecard counts it, measured as it completed; null when it was not (a completion
     * of an item raised before the engine kept those figures), and readers then read it from the timeline.
     */
    public record WorkItemCompleted(UUID clientId, long itemId, String workType, String serviceLine, String outcome,
                                    String billableUnit, @Nullable Boolean slaMet, long handleSeconds,
                                    @Nullable UUID completedBy, @Nullable UUID makerId, Instant at,
                                    WorkStatistics.@Nullable Outcome measured) {

        /** A completion without the scorecard's figures. */
        public WorkItemCompleted(UUID clientId, long itemId, String workType, String serviceLine, String outcome,
                                 String billableUnit, @Nullable Boolean slaMet, long handleSeconds,
                                 @Nullable UUID completedBy, @Nullable UUID makerId, Instant at) {
            this(clientId, itemId, workType, serviceLine, outcome, billableUnit, slaMet, handleSeconds, completedBy, makerId,
                    at, null);
        }
    }
}
