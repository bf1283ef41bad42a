package org.openbpo.shared.tenant;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which clients the current caller may see. It becomes the transaction's {@code openbpo.clients}
 * setting, on which every row-level security policy is keyed.
 */
public record AllowedClients(boolean all, Set<UUID> clients) {

    public static final AllowedClients NONE = new AllowedClients(false, Set.of());
    public static final AllowedClients ALL = new AllowedClients(true, Set.of());

    public AllowedClients {
        clients = Set.copyOf(clients);
    }

    public static AllowedClients only(UUID... clients) {
        return new AllowedClients(false, Set.of(clients));
    }

    public static AllowedClients only(Set<UUID> clients) {
        return new AllowedClients(false, clients);
    }

    public boolean includes(UUID client) {
        return all || clients.contains(client);
    }

    /** The value of the {@code openbpo.clients} setting: {@code *} or a comma-separated list. */
    public String setting() {
        if (all) {
            return "*";
        }
        return clients.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
    }

    /** Narrows to one client, as a client switcher or an API path does; never widens. */
    public AllowedClients narrowTo(UUID client) {
        return includes(client) ? only(client) : NONE;
    }
}
