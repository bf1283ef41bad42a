package org.openbpo.audit;

import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Chains new audit records every second. Each client's chain head is taken with SKIP LOCKED, so
 * any number of nodes can run this and a chain is only ever extended by one of them at a time.
 */
@Component
class AuditSealer {

    private final AuditTrail trail;

    AuditSealer(AuditTrail trail) {
        this.trail = trail;
    }

    @Scheduled(fixedDelayString = "${openbpo.audit.seal-interval:1000}")
    void seal() {
        TenantScope.run(AllowedClients.ALL, trail::sealAll);
    }
}
