package org.openbpo.shared.tenant;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which clients the current caller may see. It becomes the transaction's {@code openbpo.clients}
 * setting, on which every row-level security policy is keyed. Immutable; the setting's text is
 * made once, with the instance, since every transaction asks for it.
 */
public final class AllowedClients {

    public static final AllowedClients NONE = new AllowedClients(false, Set.of());
    public static final AllowedClients ALL = new AllowedClients(true, Set.of());

    private final boolean all;
    private final Set<UUID> clients;
    private final String setting;

    public AllowedClients(boolean all, Set<UUID> clients) {
        this.all = all;
        this.clients = Set.copyOf(clients);
        this.setting = all ? "*" : this.clients.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
    }

    public static AllowedClients only(UUID... clients) {
        return new AllowedClients(false, Set.of(clients));
    }

    public static AllowedClients only(Set<UUID> clients) {
        return new AllowedClients(false, clients);
    }

    public boolean all() {
        return all;
    }

    public Set<UUID> clients() {
        return clients;
    }

    public boolean includes(UUID client) {
        return all || clients.contains(client);
    }

    /** The value of the {@code openbpo.clients} setting: {@code *} or a comma-separated list. */
    public String setting() {
        return setting;
    }

    /** Narrows to one client, as a client switcher or an API path does; never widens. */
    public AllowedClients narrowTo(UUID client) {
        return includes(client) ? only(client) : NONE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllowedClients that && all == that.all && clients.equals(that.clients);
    }

    @Override
    public int hashCode() {
        return Objects.hash(all, clients);
    }

    @Override
    public String toString() {
        return "AllowedClients[all=" + all + ", clients=" + clients + "]";
    }
}
