package org.openbpo.tenancy;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/** The authenticated caller: who they are, what they may do, and which clients they may see. */
public record CurrentUser(UUID id, @Nullable UUID clientId, String email, String displayName, Set<Role> roles,
                          AllowedClients allowedClients, @Nullable UUID tokenId)
        implements TenantScope.Holder, Principal, Serializable {

    /** The provider's people as a client's people read them: one team, never a name or an e-mail (as on an item's timeline). */
    public static final String SERVICE_TEAM = "Service team";

    public static CurrentUser of(User user) {
        AllowedClients allowed = user.clientId() != null ? AllowedClients.only(user.clientId())
                : user.allClients() ? AllowedClients.ALL : AllowedClients.only(user.assignedClients());
        return new CurrentUser(user.id(), user.clientId(), user.email(), user.displayName(), Set.copyOf(user.roles()),
                allowed, null);
    }

    /** The same user acting through a token, which may narrow them to one client. */
    public CurrentUser through(ApiToken token) {
        AllowedClients allowed = token.clientId() == null ? allowedClients : allowedClients.narrowTo(token.clientId());
        return new CurrentUser(id, clientId, email, displayName, roles, allowed, token.id());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean providerStaff() {
        return clientId == null;
    }

    public boolean providerAdministrator() {
        return providerStaff() && has(Role.ADMINISTRATOR) && allowedClients.all();
    }

    /** Refuses (403) unless the caller holds one of the roles; callers check the client first, so ids stay hidden. */
    public void requireAny(String what, Role... roles) {
        for (Role role : roles) {
            if (has(role)) {
                return;
            }
        }
        throw new org.openbpo.shared.error.BusinessRuleViolation(403, "forbidden", null,
                "Only " + java.util.Arrays.stream(roles).map(Role::label).toList() + " may " + what + ".");
    }

    public boolean maySee(UUID client) {
        return allowedClients.includes(client);
    }

    @Override
    public String getName() {
        return email;
    }
}
