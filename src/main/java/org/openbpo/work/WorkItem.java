package org.openbpo.work;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;
import org.openbpo.work.domain.SlaState;
import org.openbpo.work.domain.StateCategory;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One unit of outsourced work, as the engine holds it. */
public record WorkItem(UUID clientId, long id, String workType, int workTypeVersion, @Nullable UUID contractId,
                       @Nullable Integer contractVersion, String serviceLine, UUID queueId, Priority priority,
                       String state, StateCategory category, String title, Map<String, Object> form, String channel,
                       String requester, @Nullable UUID assigneeId, @Nullable Instant assignedAt,
                       @Nullable UUID makerId, Instant createdAt, Instant updatedAt, @Nullable Instant firstRespondedAt,
                       @Nullable Instant firstResponseDueAt, @Nullable Instant completedAt, SlaState sla) {

    public String reference() {
        return "WI-" + id;
    }

    /** The same item with its form as changed {@code at}. */
    public WorkItem withForm(Map<String, Object> changedForm, Instant at) {
        return new WorkItem(clientId, id, workType, workTypeVersion, contractId, contractVersion, serviceLine, queueId,
                priority, state, category, title, changedForm, channel, requester, assigneeId, assignedAt, makerId, createdAt,
                at, firstRespondedAt, firstResponseDueAt, completedAt, sla);
    }

    /** The same item under the id the database gave it when it was first stored. */
    public WorkItem withId(long newId) {
        return new WorkItem(clientId, newId, workType, workTypeVersion, contractId, contractVersion, serviceLine, queueId,
                priority, state, category, title, form, channel, requester, assigneeId, assignedAt, makerId, createdAt,
                updatedAt, firstRespondedAt, firstResponseDueAt, completedAt, sla);
    }
}
