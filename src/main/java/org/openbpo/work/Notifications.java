package org.openbpo.work;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.persistence.NotificationRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What the SLA timers and the engine flag for the provider's team leads. Notifications are the
 * provider's working notes about a client's work, so client users never read them.
 */
@Service
public class Notifications {

    private final NotificationRows rows;
    private final Clients clients;
    private final Clock clock;

    Notifications(NotificationRows rows, Clients clients, Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.clock = clock;
    }

    /** The newest unread notifications of the given clients; row-level security drops clients the caller may not see. */
    @Transactional(readOnly = true)
    public List<Notification> unread(Collection<UUID> clientIds, int limit, CurrentUser by) {
        requireProviderStaff(by);
        return clientIds.isEmpty() ? List.of() : rows.unread(clientIds, by.id(), limit);
    }

    @Transactional
    public void markRead(UUID clientId, UUID id, CurrentUser by) {
        clients.get(clientId);
        requireProviderStaff(by);
        if (!rows.markRead(clientId, id, clock.instant())) {
            throw new NotFound("unread notification", id);
        }
    }

    private static void requireProviderStaff(CurrentUser by) {
        if (!by.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Notifications are for the provider's staff.");
        }
    }
}
