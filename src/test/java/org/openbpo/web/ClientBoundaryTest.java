package org.openbpo.web;

import org.junit.jupiter.api.Test;
import org.openbpo.demo.DemoData;
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
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.PublishedApi;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the published API about a client's records, called by people of another
 * client and by provider staff limited to another client, with the ids of a demo client's real
 * contracts, items, employees, invoices and the rest. Each must be answered exactly as if the
 * client did not exist: never with the record, and never with an answer that differs from the one
 * for a made-up client id (which would tell the caller the record is there).
 */
class ClientBoundaryTest extends IntegrationTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    DemoData demoData;

    @Test
    void noOperationLetsAnotherClientsPeopleOrStaffLimitedToAnotherClientTellTheRecordsAreThere() {
        demoData.loadOnce();
        CurrentUser admin = providerAdministrator();
        Api provider = api().as(token(admin));
        List<String> demoClients = new ArrayList<>();
        provider.get("/api/v1/clients?limit=500").body().path("items").forEach(client -> {
            if (Set.of("LAKESHORE", "ALBION", "KAVERI").contains(client.path("code").asString())) {
                demoClients.add(client.path("id").asString());
            }
        });
        assertThat(demoClients).hasSize(3);

        Map<String, Api> outsiders = new LinkedHashMap<>();
        TenantScope.run(AllowedClients.ALL, () -> {
            Client own = clients.register(new RegisterClient(unique("NEIGHBOUR"), "Neighbour Ltd", "Neighbour Ltd", "GB",
                    "Europe/London", "GBP", ClientStatus.ACTIVE));
            for (Role role : List.of(Role.CLIENT_ADMINISTRATOR, Role.APPROVER, Role.REQUESTER)) {
                User user = users.invite(new InviteUser(own.id(), unique("neighbour") + "@client.test", "Neighbour",
                        "long enough password", Set.of(role), false, null), admin);
                outsiders.put("a " + role.label() + " of another client", api().as(token(CurrentUser.of(user))));
            }
            User limited = users.invite(new InviteUser(null, unique("limited") + "@provider.test", "Limited Administrator",
                    "long enough password", Set.of(Role.ADMINISTRATOR), false, Set.of(own.id())), admin);
            outsiders.put("an administrator limited to another client", api().as(token(CurrentUser.of(limited))));
        });

        List<PublishedApi.Operation> operations = PublishedApi.operations(provider);
        for (String victim : demoClients) {
            askAboutEveryRecordOf(victim, provider, operations, outsiders);
        }

        assertThat(leaks).as(leaks.size() + " answers told another client's records apart from nothing:\n"
                + String.join("\n", leaks.subList(0, Math.min(60, leaks.size())))).isEmpty();
        assertThat(withRecordIds).as("operations called with the ids of the clients' records").isGreaterThan(150);
        assertThat(checked).isGreaterThan(1500);
    }

    private final List<String> leaks = new ArrayList<>();
    private int checked;
    private int withRecordIds;

    private void askAboutEveryRecordOf(String victim, Api provider, List<PublishedApi.Operation> operations, Map<String, Api> outsiders) {
        Map<String, JsonNode> lists = new LinkedHashMap<>();
        for (PublishedApi.Operation operation : operations) {
            String path = PublishedApi.realPath(provider, operation.template(), victim, lists);
            if (path == null) {
                continue;
            }
            if (operation.template().lastIndexOf('{') > operation.template().indexOf("{clientId}")) {
                withRecordIds++;
            }
            String madeUp = path.replace(victim, UUID.randomUUID().toString());
            for (var outsider : outsiders.entrySet()) {
                Api.Response real = send(outsider.getValue(), operation, path);
                Api.Response unknown = send(outsider.getValue(), operation, madeUp);
                checked++;
                if (real.status() < 400 || real.status() >= 500 || real.status() != unknown.status()
                        || !real.text("code").equals(unknown.text("code"))) {
                    leaks.add(outsider.getKey() + ": " + operation.name() + " → " + real.status() + " " + real.text("code")
                            + " (a made-up client: " + unknown.status() + " " + unknown.text("code") + ")");
                }
            }
        }
    }

    private Api.Response send(Api api, PublishedApi.Operation operation, String path) {
        JsonNode content = operation.spec().path("requestBody").path("content");
        if (content.has("application/json")) {
            return api.send(operation.method(), path, "{}");
        }
        if (!content.isMissingNode() && !content.isEmpty()) {
            String type = content.properties().iterator().next().getKey();
            return api.post(path, type, "From: someone@example.test\r\n\r\nhello".getBytes(StandardCharsets.UTF_8));
        }
        return api.send(operation.method(), path, null);
    }

    private String token(CurrentUser user) {
        return TenantScope.call(AllowedClients.ALL, () -> tokens.issue(user, "boundary", null, Duration.ofDays(1)).secret());
    }
}
