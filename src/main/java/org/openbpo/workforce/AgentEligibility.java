package org.openbpo.workforce;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the work engine needs to decide which items an agent may take, read in one go. The client
 * sets are limited to the clients the calling transaction may see.
 */
public record AgentEligibility(UUID agentUserId, UUID centreId, boolean centreOnShift, List<Skill> skills,
                               List<String> languages, Set<UUID> certifiedClients, Set<UUID> centreMayServe,
                               int capacity, Presence presence) {

    public AgentEligibility {
        skills = List.copyOf(skills);
        languages = List.copyOf(languages);
        certifiedClients = Set.copyOf(certifiedClients);
        centreMayServe = Set.copyOf(centreMayServe);
    }

    /** Certified by the client and working at a centre allowed to handle the client's data. */
    public boolean mayServe(UUID clientId) {
        return certifiedClients.contains(clientId) && centreMayServe.contains(clientId);
    }

    public boolean takingWork() {
        return centreOnShift && presence == Presence.AVAILABLE;
    }
}
