package org.openbpo.workforce;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What workforce tells the rest of OpenBPO, published in the transaction that made it so. The work
 * engine acts on them in that transaction, so a change and its consequences commit together.
 */
public final class WorkforceEvents {

    private WorkforceEvents() {
    }

    /**
     * What the agents may take changed: their presence, profile or certifications, or their centre's
     * shifts or the clients it serves.
     */
    public record AgentEligibilityChanged(Set<UUID> agentIds, Instant at) {

        public AgentEligibilityChanged {
            agentIds = Set.copyOf(agentIds);
        }
    }
}
