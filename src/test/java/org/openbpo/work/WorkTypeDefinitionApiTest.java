package org.openbpo.work;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A work type the administrator defines through the API is checked as it is read: a state without
 * its category or a form field without its type is refused with the place it is in, and never saved
 * to break the creation of work later.
 */
class WorkTypeDefinitionApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aDefinitionMissingACategoryATypeOrAStateIsRefusedWithWhereAndWhy() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("WTD"));
        Api admin = api().as(setup.adminToken());
        String path = "/api/v1/clients/" + setup.client().id() + "/work-types";

        Map<String, Object> noCategory = definition();
        noCategory.put("states", List.of(state("new", "NEW"), Map.of("code", "waiting", "label", "Waiting"), state("closed", "DONE")));
        Api.Response refused = admin.post(path, noCategory);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.text("field")).isEqualTo("states[1]");
        assertThat(refused.text("detail")).contains("State 'waiting' needs a category");

        Map<String, Object> noType = definition();
        noType.put("fields", List.of(Map.of("name", "orderNumber", "label", "Order number", "required", true)));
        Api.Response untyped = admin.post(path, noType);
        assertThat(untyped.status()).as(untyped.body().toString()).isEqualTo(422);
        assertThat(untyped.text("field")).isEqualTo("fields[0]");
        assertThat(untyped.text("detail")).contains("Field 'orderNumber' needs a type");

        Map<String, Object> unknownStart = definition();
        unknownStart.put("initialState", "triage");
        Api.Response noStart = admin.post(path, unknownStart);
        assertThat(noStart.status()).isEqualTo(422);
        assertThat(noStart.text("detail")).isEqualTo("initialState triage is not one of the states");

        Map<String, Object> unknownRole = definition();
        unknownRole.put("transitions", List.of(Map.of("from", "new", "to", "closed", "label", "Close", "roles", List.of("SUPERVISOR"))));
        Api.Response noSuchRole = admin.post(path, unknownRole);
        assertThat(noSuchRole.status()).as(noSuchRole.body().toString()).isEqualTo(422);
        assertThat(noSuchRole.text("field")).isEqualTo("transitions[0].roles");
        assertThat(noSuchRole.text("detail")).contains("'SUPERVISOR'", "TEAM_LEAD");

        assertThat(admin.get(path).body().toString()).doesNotContain("returns-check");
        Api.Response defined = admin.post(path, definition());
        assertThat(defined.status()).as(defined.body().toString()).isEqualTo(201);
    }

    /** Two administrators change the same version at once: one is saved, the other told, three times over. */
    @Test
    void twoChangesOfTheSameVersionAtOnceLeaveOneWinner() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("WTC"));
        Api admin = api().as(setup.adminToken());
        String path = "/api/v1/clients/" + setup.client().id() + "/work-types";
        Api.Response first = admin.post(path + "?basedOnVersion=0", definition());
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        Api.Response again = admin.post(path + "?basedOnVersion=0", definition());
        assertThat(again.status()).as("a new work type whose code is taken").isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("work-type-changed");
        for (int basedOn = 1; basedOn <= 3; basedOn++) {
            CountDownLatch start = new CountDownLatch(1);
            String url = path + "?basedOnVersion=" + basedOn;
            List<CompletableFuture<Api.Response>> both = List.of("Returns check A", "Returns check B").stream()
                    .map(name -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        Map<String, Object> changed = definition();
                        changed.put("name", name);
                        return admin.post(url, changed);
                    })).toList();
            start.countDown();
            List<Api.Response> answers = both.stream().map(CompletableFuture::join).toList();
            assertThat(answers.stream().map(Api.Response::status).sorted().toList()).as("round " + basedOn).containsExactly(201, 409);
            assertThat(answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow().text("detail"))
                    .contains("Version " + (basedOn + 1) + " of returns-check was saved after version " + basedOn);
        }
        assertThat(admin.get(path).body().toString()).contains("\"version\":4");
    }

    private static Map<String, Object> definition() {
        Map<String, Object> definition = new HashMap<>();
        definition.put("code", "returns-check");
        definition.put("name", "Returns check");
        definition.put("initialState", "new");
        definition.put("states", new ArrayList<>(List.of(state("new", "NEW"), state("closed", "DONE"))));
        definition.put("transitions", List.of(Map.of("from", "new", "to", "closed", "label", "Close", "roles", List.of("AGENT"))));
        definition.put("fields", List.of(Map.of("name", "orderNumber", "label", "Order number", "type", "TEXT", "required", true)));
        definition.put("checklist", List.of());
        definition.put("makerChecker", false);
        definition.put("qaSampleRate", "0.05");
        definition.put("billableUnit", "item");
        return definition;
    }

    private static Map<String, Object> state(String code, String category) {
        return Map.of("code", code, "label", code, "category", category);
    }
}
