package org.openbpo.work;

import org.openbpo.audit.AuditTrail;
import org.openbpo.work.persistence.WorkItemRows;
import org.openbpo.work.persistence.WorkItemRows.Released;
import org.openbpo.workforce.WorkforceEvents.ClientWorkWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Sends a client's work back to its queues when the agents holding it may no longer handle it: the
 * client withdrew their certification, or their centre may no longer handle the client's data. Get-next
 * and assignment check both only when work is handed out, so without this the agents would keep what
 * they hold. It runs in the transaction of the change, so the change and the release commit together.
 *
 * <p>Everything open they hold goes back, whatever its state: an item waiting on the client or a third
 * party returns to the queue when the work comes back; one waiting for its check waits there for any
 * other checker. The maker of an item stays recorded, so maker-checker still keeps them from approving
 * it, and an item they made that someone else now holds stays with its holder.
 */
@Component
class WithdrawnWork {

    private final WorkItemRows items;
    private final AuditTrail audit;

    WithdrawnWork(WorkItemRows items, AuditTrail audit) {
        this.items = items;
        this.audit = audit;
    }

    @EventListener
    void on(ClientWorkWithdrawn withdrawn) {
        String why = withdrawn.reason().why();
        List<Released> released = items.releaseAll(withdrawn.clientIds(), withdrawn.agentIds(), withdrawn.by(), why, withdrawn.at());
        if (!released.isEmpty()) {
            audit.recordMany("work-item.released", "work-item", released.stream().map(Released::clientId).toList(),
                    released.stream().map(r -> String.valueOf(r.id())).toList(),
                    released.stream().map(r -> Map.of("from", r.holder().toString(), "why", why)).toList());
        }
    }
}
