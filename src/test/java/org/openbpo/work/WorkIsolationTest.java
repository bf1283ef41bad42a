package org.openbpo.work;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every contract, work and usage endpoint, tried by client A's requester and by A's agent with
 * client B's ids: 404 every time, and B's work is untouched.
 */
class WorkIsolationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    WorkFixture.Setup a;
    WorkFixture.Setup b;
    long itemOfB;

    @BeforeEach
    void twoClients() {
        WorkFixture fixture = new WorkFixture(context);
        var admin = providerAdministrator();
        a = fixture.clientUnderContract(admin, unique("ISA"));
        b = fixture.clientUnderContract(admin, unique("ISB"));
        Api.Response created = api().as(b.requesterToken()).post("/api/v1/clients/" + b.client().id() + "/work-items",
                Map.of("serviceLine", "policy-admin", "title", "B's private request",
                        "form", Map.of("requestType", "other", "details", "confidential")));
        assertThat(created.status()).isEqualTo(201);
        itemOfB = created.body().path("id").asLong();
    }

    @Test
    void clientAsRequesterCannotReachAnythingOfClientB() {
        assertHidden(api().as(a.requesterToken()));
    }

    @Test
    void clientAsAgentCannotReachAnythingOfClientB() {
        assertHidden(api().as(a.makerToken()));
    }

    private void assertHidden(Api api) {
        String client = "/api/v1/clients/" + b.client().id();
        String item = client + "/work-items/" + itemOfB;
        Map<String, Api.Response> attempts = new LinkedHashMap<>();
        attempts.put("list contracts", api.get(client + "/contracts"));
        attempts.put("get contract", api.get(client + "/contracts/" + b.contract().id()));
        attempts.put("draft contract", api.post(client + "/contracts", Map.of("reference", "X", "title", "X", "currency", "GBP",
                "startsOn", "2026-01-01", "calendar", Map.of("zone", "UTC", "week", Map.of("MONDAY", "09:00-17:00")),
                "serviceLines", java.util.List.of(Map.of("code", "x-line", "name", "X", "kind", "BACK_OFFICE", "workType", "x")),
                "slaTargets", java.util.List.of())));
        attempts.put("revise contract", api.post(client + "/contracts/" + b.contract().id() + "/revisions",
                Map.of("calendar", Map.of("zone", "UTC", "week", Map.of("MONDAY", "09:00-17:00")), "slaTargets", java.util.List.of())));
        attempts.put("list work types", api.get(client + "/work-types"));
        attempts.put("adopt template", api.post(client + "/work-types/from-template", Map.of("template", "it-incident")));
        attempts.put("list queues", api.get(client + "/queues"));
        attempts.put("queue load", api.get(client + "/queues/load"));
        attempts.put("open queue", api.post(client + "/queues", Map.of("code", "sneaky", "name", "Sneaky", "serviceLine", "policy-admin")));
        attempts.put("raise work", api.post(client + "/work-items", Map.of("serviceLine", "policy-admin", "title", "Intrusion",
                "form", Map.of("requestType", "other", "details", "x"))));
        attempts.put("raise work with a bad form", api.post(client + "/work-items", Map.of("serviceLine", "policy-admin",
                "title", "Probe", "form", Map.of()))); // B's configuration is remembered from B's own request: still 404
        attempts.put("list work", api.get(client + "/work-items"));
        attempts.put("get work", api.get(item));
        attempts.put("timeline", api.get(item + "/timeline"));
        attempts.put("moves", api.get(item + "/moves"));
        attempts.put("move", api.post(item + "/moves", Map.of("to", "processing")));
        attempts.put("change form", api.patch(item + "/form", Map.of("details", "Overwritten")));
        attempts.put("assign", api.put(item + "/assignment", Map.of("agentId", a.maker().id().toString())));
        attempts.put("release", api.delete(item + "/assignment"));
        attempts.put("usage", api.get(client + "/usage?period=2026-03"));
        attempts.put("qa samples", api.get(client + "/qa/samples"));
        attempts.put("scorecard", api.get(client + "/contracts/" + b.contract().id() + "/scorecards/2026-03"));
        attempts.forEach((what, response) -> {
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404);
            assertThat(response.text("code")).as(what).isEqualTo("not-found");
        });
        Api.Response untouched = api().as(b.requesterToken()).get(item);
        assertThat(untouched.body().path("state").asString()).isEqualTo("received");
        assertThat(untouched.body().path("assigneeId").isNull()).isTrue();
        assertThat(untouched.body().path("form").path("details").asString()).isNotEqualTo("Overwritten");
    }
}
