package org.openbpo.work;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.UserStatus;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.openbpo.workforce.Agents;
import org.openbpo.workforce.CertifyAgent;
import org.openbpo.workforce.DeliveryCentres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The story of one back-office request, told through the API: the client raises it, an agent gets
 * it, queries the client, the client answers, the agent sends it for checking, a second agent
 * approves it, and the client sees it done within its SLA, pause and all.
 */
class WorkLifecycleTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    WorkFixture.Setup setup;
    String items;

    @BeforeEach
    void aClientUnderContract() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z")); // Monday, 09:00 in London (GMT)
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("ALB"));
        items = "/api/v1/clients/" + setup.client().id() + "/work-items";
    }

    @Test
    void aRequestTravelsFromTheClientThroughTwoAgentsAndBackWithinItsSla() {
        Api client = api().as(setup.requesterToken());
        Api maker = api().as(setup.makerToken());
        Api checker = api().as(setup.checkerToken());

        Api.Response raised = client.post(items, Map.of("serviceLine", "policy-admin", "title", "Change of address for policy 4471",
                "form", Map.of("requestType", "address change", "details", "New address: 12 Mill Lane, Leeds")));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        long id = raised.body().path("id").asLong();
        // 8 business hours from Monday 09:00 on 09:00–17:30: Monday 17:00.
        assertThat(raised.body().path("sla").path("dueAt").asString()).isEqualTo("2026-03-02T17:00:00Z");
        assertThat(raised.body().path("channel").asString()).isEqualTo("PORTAL");

        clock.advance(Duration.ofMinutes(30));
        Api.Response next = maker.post("/api/v1/work/next", "");
        assertThat(next.status()).as(next.body().toString()).isEqualTo(200);
        assertThat(next.body().path("id").asLong()).isEqualTo(id);
        assertThat(next.body().path("assigneeId").asString()).isEqualTo(setup.maker().id().toString());

        assertThat(move(maker, id, "processing").status()).isEqualTo(200);
        clock.advance(Duration.ofHours(1)); // 10:30: 1.5 business hours consumed
        Api.Response queried = move(maker, id, "query_to_client");
        assertThat(queried.body().path("category").asString()).isEqualTo("PENDING_CLIENT");
        assertThat(queried.body().path("sla").path("dueAt").isNull()).isTrue();
        assertThat(queried.body().path("sla").path("pauseReason").asString()).isEqualTo("PENDING_CLIENT");
        assertThat(queried.body().path("sla").path("consumedSeconds").asLong()).isEqualTo(5_400);

        clock.advance(Duration.ofDays(1)); // the client answers on Tuesday 10:30
        Api.Response answered = move(client, id, "processing");
        assertThat(answered.status()).as(answered.body().toString()).isEqualTo(200);
        // 6.5 business hours remain from Tuesday 10:30: due Tuesday 17:00; the day waiting on the client is not counted.
        assertThat(answered.body().path("sla").path("dueAt").asString()).isEqualTo("2026-03-03T17:00:00Z");

        clock.advance(Duration.ofHours(2));
        assertThat(move(maker, id, "checking").body().path("makerId").asString()).isEqualTo(setup.maker().id().toString());

        Api.Response selfApproval = move(maker, id, "completed");
        assertThat(selfApproval.status()).isEqualTo(409);
        assertThat(selfApproval.text("code")).isEqualTo("checker-is-maker");
        assertThat(maker.get(items + "/" + id).body().path("state").asString()).isEqualTo("checking");

        clock.advance(Duration.ofMinutes(20));
        Api.Response approved = move(checker, id, "completed");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);

        Api.Response seen = client.get(items + "/" + id);
        assertThat(seen.body().path("category").asString()).isEqualTo("DONE");
        assertThat(seen.body().path("sla").path("met").asBoolean()).isTrue();
        List<String> story = new ArrayList<>();
        maker.get(items + "/" + id + "/timeline").body().forEach(entry -> story.add(entry.path("type").asString()));
        assertThat(story).containsExactly("created", "assigned", "moved", "moved", "moved", "moved", "moved");
        // The client reads the same story without the provider's hand-overs and people.
        List<String> told = new ArrayList<>();
        client.get(items + "/" + id + "/timeline").body().forEach(entry -> told.add(entry.path("type").asString()
                + (entry.path("actor").asString().equals("Service team") ? " by the service team" : "")));
        assertThat(told).containsExactly("created", "moved by the service team", "moved by the service team", "moved",
                "moved by the service team", "moved by the service team");
    }

    @Test
    void anItemCompletedAfterItsDeadlineIsBreachedAtTheDeadlineEvenWithNoTimerTickBetween() {
        Api client = api().as(setup.requesterToken());
        Api maker = api().as(setup.makerToken());
        long id = client.post(items, Map.of("serviceLine", "policy-admin", "title", "Leaver",
                "form", Map.of("requestType", "leaver", "details", "Last day Friday"))).body().path("id").asLong();
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);
        assertThat(move(maker, id, "processing").status()).isEqualTo(200);
        clock.set(java.time.Instant.parse("2026-03-02T17:40:00Z")); // due Monday 17:00; no timer ran since
        assertThat(move(maker, id, "checking").status()).isEqualTo(200);
        Api.Response done = move(api().as(setup.checkerToken()), id, "completed");
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
        assertThat(done.body().path("sla").path("met").asBoolean()).as(done.body().toString()).isFalse();
        assertThat(done.body().path("sla").path("breachedAt").asString()).isEqualTo("2026-03-02T17:00:00Z");

        org.openbpo.shared.tenant.TenantScope.run(org.openbpo.shared.tenant.AllowedClients.ALL,
                () -> context.getBean(org.openbpo.work.sla.SlaTimers.class).breachDue());
        List<String> breaches = new ArrayList<>();
        maker.get(items + "/" + id + "/timeline").body().forEach(entry -> {
            if (entry.path("type").asString().equals("sla-breached")) {
                breaches.add(entry.path("at").asString());
            }
        });
        assertThat(breaches).as("recorded once, at the deadline").containsExactly("2026-03-02T17:00:00Z");
    }

    @Test
    void anItemHandedOnWhileItWaitsOnTheClientCountsNoHandleTimeUntilTheClientAnswers() throws Exception {
        Api client = api().as(setup.requesterToken());
        Api maker = api().as(setup.makerToken());
        Api lead = api().as(setup.adminToken());
        long id = client.post(items, Map.of("serviceLine", "policy-admin", "title", "New starter",
                "form", Map.of("requestType", "new starter", "details", "Starts Monday"))).body().path("id").asLong();
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id); // 09:00
        assertThat(move(maker, id, "processing").status()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        assertThat(move(maker, id, "query_to_client").status()).isEqualTo(200); // 10:00: one hour handled
        clock.advance(Duration.ofHours(1));
        assertThat(lead.put(items + "/" + id + "/assignment", Map.of("agentId", setup.checker().id().toString())).status())
                .isEqualTo(200); // 11:00, still waiting on the client
        clock.advance(Duration.ofHours(1));
        assertThat(move(client, id, "processing").status()).isEqualTo(200); // 12:00: the checker's work starts
        clock.advance(Duration.ofHours(1));
        assertThat(move(api().as(setup.checkerToken()), id, "checking").status()).isEqualTo(200);
        assertThat(move(lead, id, "completed").status()).isEqualTo(200); // 13:00

        assertThat(handledSeconds(id)).as("09:00–10:00 and 12:00–13:00").isEqualTo(Duration.ofHours(2).toSeconds());
    }

    @Test
    void anItemWaitingForItsCheckCountsNoHandleTimeUntilSomeoneWorksOnItAgain() throws Exception {
        Api client = api().as(setup.requesterToken());
        Api maker = api().as(setup.makerToken());
        Api lead = api().as(setup.adminToken());
        long id = client.post(items, Map.of("serviceLine", "policy-admin", "title", "Address change",
                "form", Map.of("requestType", "address change", "details", "Moved to 4 Elm Row"))).body().path("id").asLong();
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id); // 09:00
        assertThat(move(maker, id, "processing").status()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        assertThat(move(maker, id, "checking").status()).isEqualTo(200); // 10:00: the maker's hour, then it waits
        clock.advance(Duration.ofHours(1));
        assertThat(move(lead, id, "processing").status()).isEqualTo(200); // 11:00: returned, the maker works again
        clock.advance(Duration.ofHours(1));
        assertThat(move(maker, id, "checking").status()).isEqualTo(200); // 12:00: a second hour
        clock.advance(Duration.ofHours(2));
        assertThat(lead.put(items + "/" + id + "/assignment", Map.of("agentId", setup.checker().id().toString())).status())
                .isEqualTo(200); // 14:00: the checker's work starts
        clock.advance(Duration.ofMinutes(30));
        assertThat(move(api().as(setup.checkerToken()), id, "completed").status()).isEqualTo(200); // 14:30

        assertThat(handledSeconds(id)).as("09:00–10:00, 11:00–12:00 and 14:00–14:30")
                .isEqualTo(Duration.ofMinutes(150).toSeconds());
    }

    @Test
    void theHolderCorrectsTheFormWhileTheWorkIsInHandAndTheClientSeesWhatChanged() {
        Api client = api().as(setup.requesterToken());
        Api maker = api().as(setup.makerToken());
        Api checker = api().as(setup.checkerToken());
        long id = client.post(items, Map.of("serviceLine", "policy-admin", "title", "Address change",
                "form", Map.of("requestType", "address change", "details", "12 Mill Lane"))).body().path("id").asLong();
        String form = items + "/" + id + "/form";
        Api.Response byTheClient = client.patch(form, Map.of("reference", "POL-4471"));
        assertThat(byTheClient.status()).as("new: the client may still change the request").isEqualTo(200);

        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);
        assertThat(move(maker, id, "processing").status()).isEqualTo(200);
        assertThat(client.patch(form, Map.of("details", "13 Mill Lane")).text("code")).isEqualTo("work-in-hand");
        assertThat(checker.patch(form, Map.of("details", "13 Mill Lane")).status()).as("not the holder").isEqualTo(403);
        Api.Response notAChoice = maker.patch(form, Map.of("requestType", "relocation"));
        assertThat(notAChoice.status()).isEqualTo(422);
        assertThat(notAChoice.body().path("field").asString()).isEqualTo("form.requestType");
        Map<String, Object> clearingARequiredField = new java.util.HashMap<>();
        clearingARequiredField.put("details", null);
        assertThat(maker.patch(form, clearingARequiredField).body().path("field").asString()).isEqualTo("form.details");

        Map<String, Object> corrected = new java.util.HashMap<>();
        corrected.put("details", "12 Mill Lane, Leeds LS1 4AB");
        corrected.put("reference", null);
        Api.Response changed = maker.patch(form, corrected);
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().path("form").path("details").asString()).isEqualTo("12 Mill Lane, Leeds LS1 4AB");
        assertThat(changed.body().path("form").has("reference")).as("cleared").isFalse();
        assertThat(changed.body().path("form").path("requestType").asString()).isEqualTo("address change");

        assertThat(move(maker, id, "checking").status()).isEqualTo(200);
        assertThat(maker.patch(form, Map.of("details", "After the check")).text("code")).isEqualTo("in-review");
        assertThat(move(checker, id, "completed").status()).isEqualTo(200);
        assertThat(api().as(setup.adminToken()).patch(form, Map.of("details", "After the close")).text("code")).isEqualTo("item-closed");

        List<String> told = new ArrayList<>();
        client.get(items + "/" + id + "/timeline").body().forEach(entry -> {
            if (entry.path("type").asString().equals("form-changed")) {
                told.add(entry.path("actor").asString() + ": " + entry.path("data").asString());
            }
        });
        assertThat(told).hasSize(2);
        assertThat(told.get(1)).startsWith("Service team: ").contains("details", "reference");
    }

    private long handledSeconds(long id) throws Exception {
        try (var superuser = TestDatabase.get().superuserConnection();
             var handled = superuser.prepareStatement("select sum(extract(epoch from ended_at - started_at))::bigint"
                     + " from work.handle_time where client_id = ? and item_id = ?")) {
            handled.setObject(1, setup.client().id());
            handled.setLong(2, id);
            try (var row = handled.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void aTeamLeadHandsWorkOnlyToAgentsTheClientCertifiedAtACentreAllowedItsData() {
        WorkFixture.Setup other = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("OTH"));
        Api lead = api().as(setup.adminToken());
        long id = api().as(setup.requesterToken()).post(items, Map.of("serviceLine", "policy-admin", "title", "Leaver",
                "form", Map.of("requestType", "leaver", "details", "Leaves on Friday"))).body().path("id").asLong();
        String assignment = items + "/" + id + "/assignment";
        Map<String, String> toOthersAgent = Map.of("agentId", other.maker().id().toString());

        Api.Response uncertified = lead.put(assignment, toOthersAgent);
        assertThat(uncertified.status()).isEqualTo(409);
        assertThat(uncertified.body().path("field").asString()).isEqualTo("agentId");
        assertThat(uncertified.body().path("detail").asString()).contains("not certified");

        TenantScope.run(AllowedClients.ALL, () ->
                context.getBean(Agents.class).certify(other.maker().id(), new CertifyAgent(setup.client().id()), providerAdministrator()));
        Api.Response elsewhere = lead.put(assignment, toOthersAgent);
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.body().path("detail").asString()).contains("may not handle this client's data");

        Api.Response notAnAgent = lead.put(assignment, Map.of("agentId", setup.requester().id().toString()));
        assertThat(notAnAgent.status()).isEqualTo(422);
        assertThat(notAnAgent.body().path("field").asString()).isEqualTo("agentId");
        CurrentUser othersAgent = CurrentUser.of(other.maker());
        assertThatThrownBy(() -> TenantScope.run(AllowedClients.ALL, () ->
                context.getBean(WorkItems.class).take(setup.client().id(), id, othersAgent)))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, refused -> assertThat(refused.code()).isEqualTo("data-residency"));
        assertThat(lead.get(items + "/" + id).body().path("assigneeId").isNull()).as("nothing changed").isTrue();

        TenantScope.run(AllowedClients.ALL, () ->
                context.getBean(DeliveryCentres.class).allowClient(other.centre().id(), setup.client().id(), providerAdministrator()));
        assertThat(lead.put(assignment, toOthersAgent).body().path("assigneeId").asString()).isEqualTo(other.maker().id().toString());
    }

    @Test
    void aTeamLeadCannotHandWorkToAnAgentWhoseAccountIsDeactivated() {
        Api lead = api().as(setup.adminToken());
        long id = api().as(setup.requesterToken()).post(items, Map.of("serviceLine", "policy-admin", "title", "New starter",
                "form", Map.of("requestType", "new starter", "details", "Starts on Monday"))).body().path("id").asLong();
        // the agent leaves: the account is deactivated, the agent profile stays for the record
        TenantScope.run(AllowedClients.ALL, () ->
                context.getBean(Users.class).changeStatus(setup.checker().id(), UserStatus.DISABLED, providerAdministrator()));

        Api.Response toLeaver = lead.put(items + "/" + id + "/assignment", Map.of("agentId", setup.checker().id().toString()));
        assertThat(toLeaver.status()).as(toLeaver.body().toString()).isEqualTo(422);
        assertThat(toLeaver.text("code")).isEqualTo("agent-inactive");
        assertThat(toLeaver.text("field")).isEqualTo("agentId");
        assertThat(lead.get(items + "/" + id).body().path("assigneeId").isNull()).as("nothing changed").isTrue();

        assertThat(lead.put(items + "/" + id + "/assignment", Map.of("agentId", setup.maker().id().toString())).status())
                .as("an active agent").isEqualTo(200);
    }

    @Test
    void aMakerWhoHandedTheItemOnCannotTakeItBackNorApproveTheirOwnWork() {
        Api client = api().as(setup.requesterToken());
        Api maker = api().as(setup.makerToken());
        Api checker = api().as(setup.checkerToken());
        Api lead = api().as(setup.adminToken());
        long id = client.post(items, Map.of("serviceLine", "policy-admin", "title", "Bank detail change",
                "form", Map.of("requestType", "bank detail change", "details", "New account ending 4471"))).body().path("id").asLong();
        assertThat(maker.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(id);
        assertThat(move(maker, id, "processing").status()).isEqualTo(200);
        assertThat(move(maker, id, "checking").body().path("makerId").asString()).isEqualTo(setup.maker().id().toString());
        // The lead hands the check to the checker: the maker, no longer holding it, can neither return it (to send it
        // again in the checker's name) nor approve it.
        assertThat(lead.put(items + "/" + id + "/assignment", Map.of("agentId", setup.checker().id().toString())).status())
                .isEqualTo(200);
        Api.Response takenBack = move(maker, id, "processing");
        assertThat(takenBack.status()).isEqualTo(403);
        assertThat(takenBack.text("code")).isEqualTo("not-your-item");

        Api.Response selfApproval = move(maker, id, "completed");
        assertThat(selfApproval.status()).isEqualTo(409);
        assertThat(selfApproval.text("code")).isEqualTo("checker-is-maker");
        assertThat(move(checker, id, "completed").status()).as("the checker it was handed to").isEqualTo(200);
    }

    @Test
    void theEngineRefusesWhatTheWorkTypeDoesNotAllowAndChangesNothing() {
        Api agent = api().as(setup.makerToken());
        Api.Response missing = agent.post(items, Map.of("serviceLine", "policy-admin", "title", "No details",
                "form", Map.of("requestType", "leaver")));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.text("field")).isEqualTo("form.details");

        Api.Response nul = agent.post(items, Map.of("serviceLine", "policy-admin", "title", "Pasted from a PDF\u0000",
                "form", Map.of("requestType", "leaver", "details", "Last day Friday")));
        assertThat(nul.status()).as(nul.body().toString()).isEqualTo(422);
        assertThat(nul.text("code")).isEqualTo("invalid-value");
        assertThat(nul.text("detail")).contains("NUL character");

        Api.Response wrongChoice = agent.post(items, Map.of("serviceLine", "policy-admin", "title", "Bad type",
                "form", Map.of("requestType", "teleport", "details", "x")));
        assertThat(wrongChoice.text("field")).isEqualTo("form.requestType");

        Api.Response noLine = agent.post(items, Map.of("serviceLine", "gardening", "title", "Mow the lawn"));
        assertThat(noLine.text("field")).isEqualTo("serviceLine");

        long id = agent.post(items, Map.of("serviceLine", "policy-admin", "title", "Leaver",
                "form", Map.of("requestType", "leaver", "details", "Leaves on Friday"))).body().path("id").asLong();
        Api.Response illegal = move(agent, id, "completed");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.text("code")).isEqualTo("illegal-transition");
        Api.Response unknown = move(agent, id, "teleported");
        assertThat(unknown.status()).isEqualTo(409);
        Api.Response clientMove = move(api().as(setup.requesterToken()), id, "processing");
        assertThat(clientMove.status()).isEqualTo(403);
        assertThat(agent.get(items + "/" + id).body().path("state").asString()).isEqualTo("received");
    }

    @Test
    void getNextServesPriorityFirstThenTheEarliestDeadlineAndSaysSoWhenNothingWaits() {
        Api agent = api().as(setup.checkerToken());
        while (agent.post("/api/v1/work/next", "").status() == 200) {
            // drain anything this client's queues still hold from other tests
        }
        long normal = raise(agent, "NORMAL", "Normal one");
        clock.advance(Duration.ofMinutes(5));
        long high = raise(agent, "HIGH", "Urgent one");
        long laterNormal = raise(agent, "NORMAL", "Later normal");
        assertThat(agent.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(high);
        assertThat(agent.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(normal);
        assertThat(agent.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(laterNormal);
        Api.Response none = agent.post("/api/v1/work/next", "");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.text("code")).isEqualTo("no-work-available");
    }

    @Test
    void anAgentWhoHoldsTheirCapacityGetsNoMoreUntilTheyFinishOne() {
        Api agent = api().as(setup.makerToken());
        List<Long> raised = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            raised.add(raise(agent, "NORMAL", "Capacity " + i));
        }
        for (int i = 0; i < 5; i++) { // the fixture's agents may hold five open items at once
            assertThat(agent.post("/api/v1/work/next", "").status()).isEqualTo(200);
        }
        Api.Response full = agent.post("/api/v1/work/next", "");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.text("code")).isEqualTo("at-capacity");
        assertThat(full.text("detail")).contains("5 items");
        assertThat(agent.get(items + "/" + raised.getLast()).body().path("assigneeId").isNull())
                .as("the sixth item still waits for someone").isTrue();

        long held = agent.get(items + "?assignee=" + setup.maker().id() + "&limit=1").body().path("items").get(0).path("id").asLong();
        assertThat(move(agent, held, "rejected").status()).isEqualTo(200);
        assertThat(agent.post("/api/v1/work/next", "").body().path("id").asLong()).isEqualTo(raised.getLast());
    }

    private long raise(Api api, String priority, String title) {
        Api.Response response = api.post(items, Map.of("serviceLine", "policy-admin", "priority", priority, "title", title,
                "form", Map.of("requestType", "other", "details", title)));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().path("id").asLong();
    }

    private Api.Response move(Api api, long id, String to) {
        return api.post(items + "/" + id + "/moves", Map.of("to", to));
    }
}
