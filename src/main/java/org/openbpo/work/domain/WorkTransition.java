package org.openbpo.work.domain;

import java.util.Set;

/**
 * An allowed move between two states and who may make it: provider or client role names; an
 * empty set means any provider staff member who may work the item.
 */
public record WorkTransition(String from, String to, String label, Set<String> roles) {

    public WorkTransition {
        roles = Set.copyOf(roles == null ? Set.of() : roles);
    }

    public boolean allows(Set<String> actorRoles, boolean providerStaff) {
        return roles.isEmpty() ? providerStaff : roles.stream().anyMatch(actorRoles::contains);
    }
}
