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

    /**
     * The agents may no longer handle the clients' work, so what they hold of it goes back: the client
     * withdrew its certification, their centre may no longer handle the client's data, or they moved to a
     * centre that may not. {@code by}: who made the change.
     */
    public record ClientWorkWithdrawn(Set<UUID> clientIds, Set<UUID> agentIds, Reason reason, String by, Instant at) {

        public ClientWorkWithdrawn {
            clientIds = Set.copyOf(clientIds);
            agentIds = Set.copyOf(agentIds);
        }

        public enum Reason {
            CERTIFICATION_REVOKED("the client's certification was withdrawn"),
            CENTRE_DISALLOWED("the centre may no longer handle the client's data"),
            MOVED_CENTRE("the agent moved to a centre that may not handle the client's data");

            private final String why;

            Reason(String why) {
                this.why = why;
            }

            /** The reason in words, for the item's timeline. */
            public String why() {
                return why;
            }
        }
    }
}
