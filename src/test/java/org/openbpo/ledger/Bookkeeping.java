package org.openbpo.ledger;

import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

/** A client with open books and the people who keep them: an accountant and a bookkeeping agent. */
final class Bookkeeping {

    record Setup(Client client, Book book, String accountantToken, String agentToken, String clientToken) {
    }

    private Bookkeeping() {
    }

    static Setup client(Function<String, String> unique, CurrentUser admin, Clients clients, Users users, ApiTokens tokens,
                        Books books, String template, String currency) {
        return client(unique, admin, clients, users, tokens, books, template, currency, "US", "America/New_York");
    }

    /** A client keeping its books in its own country and time zone. */
    static Setup client(Function<String, String> unique, CurrentUser admin, Clients clients, Users users, ApiTokens tokens,
                        Books books, String template, String currency, String country, String timeZone) {
        return TenantScope.call(AllowedClients.ALL, () -> {
            Client client = clients.register(new RegisterClient(unique.apply("BOOKS"), "Books Co", "Books Co Inc", country,
                    timeZone, currency, ClientStatus.ACTIVE));
            Book book = books.open(client.id(), template, null);
            User accountant = users.invite(new InviteUser(null, unique.apply("acct") + "@provider.test", "Accountant",
                    "long enough password", Set.of(Role.OPERATIONS_MANAGER), false, Set.of(client.id())), admin);
            User agent = users.invite(new InviteUser(null, unique.apply("agent") + "@provider.test", "Bookkeeper",
                    "long enough password", Set.of(Role.AGENT), false, Set.of(client.id())), admin);
            User clientUser = users.invite(new InviteUser(client.id(), unique.apply("cfo") + "@client.test", "CFO",
                    "long enough password", Set.of(Role.CLIENT_ADMINISTRATOR), false, null), admin);
            return new Setup(client, book,
                    tokens.issue(CurrentUser.of(accountant), "test", null, Duration.ofDays(1)).secret(),
                    tokens.issue(CurrentUser.of(agent), "test", null, Duration.ofDays(1)).secret(),
                    tokens.issue(CurrentUser.of(clientUser), "test", null, Duration.ofDays(1)).secret());
        });
    }
}
