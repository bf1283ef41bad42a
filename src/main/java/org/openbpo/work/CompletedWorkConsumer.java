package org.openbpo.work;

import org.openbpo.work.WorkEvents.WorkItemCompleted;

import java.util.List;

/**
 * A module that acts on completed work — billing meters it, quality samples it, support surveys
 * the customer. The work engine keeps every completion for every consumer in its completion feed
 * and hands them over in batches: each batch runs in one transaction, scoped to all clients,
 * together with the removal of its completions from the feed, so a consumer acts on each
 * completion exactly once, on whichever node takes it, and a crash only hands the batch over again.
 */
public interface CompletedWorkConsumer {

    /** A stable name: the feed keeps this consumer's completions under it. */
    String consumerName();

    /** Acts on one completion, inside the batch's transaction. */
    void accept(WorkItemCompleted completed);

    /** Acts on a batch of completions, inside its transaction; override to act on them set-wise. */
    default void acceptAll(List<WorkItemCompleted> batch) {
        batch.forEach(this::accept);
    }
}
