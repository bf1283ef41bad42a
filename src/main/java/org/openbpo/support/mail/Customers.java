package org.openbpo.support.mail;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

/** A client's customer as the work engine sees whoever raises or answers a ticket: a requester limited to that client. */
public final class Customers {

    private Customers() {
    }

    public static CurrentUser of(UUID clientId, String email, @Nullable String name) {
        UUID id = UUID.nameUUIDFromBytes((clientId + "/" + email).getBytes(StandardCharsets.UTF_8));
        return new CurrentUser(id, clientId, email, name == null || name.isBlank() ? email : name, Set.of(Role.REQUESTER),
                AllowedClients.only(clientId), null);
    }
}
