package org.openbpo.work;

import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.database.TenantSetting;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.tenancy.UserDeactivated;
import org.openbpo.work.persistence.WorkItemRows;
import org.openbpo.work.persistence.WorkItemRows.Released;
import org.openbpo.workforce.WorkforceEvents.ClientWorkWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Sends work back to its queues when the people holding it may no longer handle it: the client withdrew
 * their certification, their centre may no longer handle the client's data, or they were deactivated and
 * can no longer sign in. Get-next and assignment check only when work is handed out, so without this they
 * would keep what they hold. It runs in the transaction of the change, so the change and the release commit
 * together.
 *
 * <p>Everything open they hold goes back, whatever its state: an item waiting on the client or a third
 * party returns to the queue when the work comes back; one waiting for its check waits there for any
 * other checker. The maker of an item stays recorded, so maker-checker still keeps them from approving
 * it, and an item they made that someone else now holds stays with its holder.
 */
@Component
class WithdrawnWork {

    static final String DEACTIVATED = "the user was deactivated";

    private final WorkItemRows items;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    WithdrawnWork(WorkItemRows items, AuditTrail audit, JdbcClient jdbc) {
        this.items = items;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ClientWorkWithdrawn withdrawn) {
        String why = withdrawn.reason().why();
        audited(items.releaseAll(withdrawn.clientIds(), withdrawn.agentIds(), withdrawn.by(), why, withdrawn.at()), why);
    }

    /**
     * A deactivated member of the provider's staff holds nothing any more, of any client: the provider's
     * administrator who deactivates them sees every client, and the release runs in that scope whatever the
     * request that made it had narrowed it to.
     */
    @EventListener
    void on(UserDeactivated deactivated) {
        if (!deactivated.providerStaff()) {
            return; // the client's people never hold work
        }
        TenantSetting.within(jdbc, AllowedClients.ALL, () -> {
            audited(items.releaseAllHeldBy(deactivated.userId(), deactivated.by(), DEACTIVATED, deactivated.at()), DEACTIVATED);
            return null;
        });
    }

    private void audited(List<Released> released, String why) {
        if (!released.isEmpty()) {
            audit.recordMany("work-item.released", "work-item", released.stream().map(Released::clientId).toList(),
                    released.stream().map(r -> String.valueOf(r.id())).toList(),
                    released.stream().map(r -> Map.of("from", r.holder().toString(), "why", why)).toList());
        }
    }
}
