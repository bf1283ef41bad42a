package org.openbpo.tenancy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint, tried with another client's ids: the answer is 404 (never 403), so a caller
 * cannot even learn that the id exists.
 */
class ClientIsolationTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;

    Client own;
    Client other;
    User otherUser;
    String clientAdminToken;
    String limitedStaffToken;
    UUID otherToken;

    @BeforeEach
    void twoClients() {
        CurrentUser admin = providerAdministrator();
        TenantScope.run(AllowedClients.ALL, () -> {
            own = clients.register(client("OWN"));
            other = clients.register(client("OTHER"));
            User ownAdmin = users.invite(new InviteUser(own.id(), unique("own") + "@client.test", "Own Admin",
                    "long enough password", Set.of(Role.CLIENT_ADMINISTRATOR), false, null), admin);
            otherUser = users.invite(new InviteUser(other.id(), unique("other") + "@client.test", "Other Admin",
                    "long enough password", Set.of(Role.CLIENT_ADMINISTRATOR), false, null), admin);
            User limited = users.invite(new InviteUser(null, unique("lead") + "@provider.test", "Limited Admin",
                    "long enough password", Set.of(Role.ADMINISTRATOR), false, Set.of(own.id())), admin);
            clientAdminToken = tokens.issue(CurrentUser.of(ownAdmin), "test", null, Duration.ofDays(1)).secret();
            limitedStaffToken = tokens.issue(CurrentUser.of(limited), "test", null, Duration.ofDays(1)).secret();
            otherToken = tokens.issue(CurrentUser.of(otherUser), "test", null, null).token().id();
        });
    }

    @Test
    void aClientUserSeesOnlyTheirOwnClient() {
        Api api = api().as(clientAdminToken);
        assertThat(api.get("/api/v1/clients/" + own.id()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/clients").body().path("items").valueStream()
                .map(item -> item.path("id").asString())).containsExactly(own.id().toString());
        Api.Response someoneElses = api.post("/api/v1/clients/" + own.id() + "/users", Map.of("email", otherUser.email(),
                "displayName", "Someone", "password", "long enough password", "roles", Set.of("REQUESTER")));
        assertThat(someoneElses.status()).isEqualTo(409);
        assertThat(someoneElses.text("code")).as("the same answer as for an email of their own client").isEqualTo("email-taken");
        assertEveryEndpointHidesTheOtherClient(api);
    }

    @Test
    void aProviderUserLimitedToSomeClientsSeesOnlyThose() {
        Api api = api().as(limitedStaffToken);
        assertThat(api.get("/api/v1/clients/" + own.id()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/clients/" + own.id() + "/users").status()).isEqualTo(200);
        Api.Response unnamed = api.post("/api/v1/tokens", Map.of("name", "my own"));
        assertThat(unnamed.status()).as("a token naming no client is for the one client they serve").isEqualTo(201);
        assertThat(unnamed.body().path("token").path("clientId").asString()).isEqualTo(own.id().toString());
        assertEveryEndpointHidesTheOtherClient(api);
    }

    private void assertEveryEndpointHidesTheOtherClient(Api api) {
        Map<String, Api.Response> attempts = Map.of(
                "get client", api.get("/api/v1/clients/" + other.id()),
                "update client", api.put("/api/v1/clients/" + other.id(), Map.of("code", other.code(), "name", "Taken",
                        "legalEntity", "Taken Ltd", "country", "GB", "timeZone", "Europe/London", "currency", "GBP")),
                "list users", api.get("/api/v1/clients/" + other.id() + "/users"),
                "add user", api.post("/api/v1/clients/" + other.id() + "/users", Map.of("email", unique("x") + "@x.test",
                        "displayName", "Intruder", "password", "long enough password", "roles", Set.of("REQUESTER"))),
                "get user", api.get("/api/v1/users/" + otherUser.id()),
                "disable user", api.patch("/api/v1/users/" + otherUser.id(), Map.of("status", "DISABLED")),
                "revoke token", api.delete("/api/v1/tokens/" + otherToken),
                "token for client", api.post("/api/v1/tokens", Map.of("name", "sneaky", "clientId", other.id().toString())));
        attempts.forEach((what, response) -> {
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404);
            assertThat(response.text("code")).as(what).isEqualTo("not-found");
        });
        assertThat(TenantScope.call(AllowedClients.ALL, () -> users.get(otherUser.id(), CurrentUser.of(otherUser)).status()))
                .isEqualTo(UserStatus.ACTIVE);
    }

    private static RegisterClient client(String prefix) {
        return new RegisterClient(unique(prefix), prefix + " Company", prefix + " Company Ltd", "GB", "Europe/London",
                "GBP", ClientStatus.ACTIVE);
    }
}
