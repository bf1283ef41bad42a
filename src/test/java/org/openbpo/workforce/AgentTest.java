package org.openbpo.workforce;

import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.UserStatus;
import org.openbpo.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AgentTest extends WorkforceTest {

    @Autowired
    AuditTrail audit;

    @Test
    void aManagerLimitedToSomeClientsEnrolsAnAgentUnderAnIdempotencyKeyOnce() {
        Client lakeshore = client("LAKEK");
        Api ops = api().as(staff(Role.OPERATIONS_MANAGER, Set.of(lakeshore.id())).token()).header("Idempotency-Key", unique("enrol"));
        DeliveryCentre manila = centre(centreCommand("Asia/Manila", officeHours(), List.of()));
        Staff maria = staff(Role.AGENT, Set.of(lakeshore.id()));
        Map<String, Object> enrol = Map.of("userId", maria.id().toString(), "centreId", manila.id().toString(), "capacity", 2);

        Api.Response enrolled = ops.post("/api/v1/agents", enrol);
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        Api.Response retried = ops.post("/api/v1/agents", enrol);
        assertThat(retried.status()).as("the retry replays the first answer").isEqualTo(201);
        assertThat(retried.text("userId")).isEqualTo(maria.id().toString());
    }

    @Test
    void anAgentIsEnrolledGoesOnlineIsCertifiedAndBecomesEligible() {
        Client lakeshore = client("LAKE");
        Client albion = client("ALB");
        // An operations manager limited to the two clients still runs the provider's own workforce.
        Api ops = api().as(staff(Role.OPERATIONS_MANAGER, Set.of(lakeshore.id(), albion.id())).token());
        DeliveryCentre manila = centre(centreCommand("Asia/Manila", officeHours(), List.of(java.time.LocalDate.parse("2026-03-04"))));
        Staff lead = staff(Role.TEAM_LEAD, Set.of(lakeshore.id()));
        Staff maria = staff(Role.AGENT, Set.of(lakeshore.id(), albion.id()));

        Api.Response leadProfile = ops.post("/api/v1/agents", Map.of("userId", lead.id().toString(),
                "centreId", manila.id().toString(), "capacity", 1));
        assertThat(leadProfile.status()).as(leadProfile.body().toString()).isEqualTo(201);

        Api.Response enrolled = ops.post("/api/v1/agents", Map.of("userId", maria.id().toString(),
                "centreId", manila.id().toString(), "teamLeadId", lead.id().toString(), "capacity", 3,
                "skills", List.of(Map.of("name", "Customer-Support", "proficiency", 4), Map.of("name", "payroll", "proficiency", 2)),
                "languages", List.of("en", "TL")));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        assertThat(enrolled.text("presence")).isEqualTo("OFFLINE");
        assertThat(enrolled.body().path("skills").get(0).path("name").asString()).isEqualTo("customer-support");
        assertThat(enrolled.body().path("languages").valueStream().map(l -> l.asString())).containsExactly("en", "tl");
        assertThat(ops.post("/api/v1/agents", Map.of("userId", maria.id().toString(), "centreId", manila.id().toString(),
                "capacity", 3)).status()).as("enrolled twice").isEqualTo(409);

        // The agent signs in herself, an hour later.
        clock.advance(Duration.ofHours(1));
        Api.Response online = api().as(maria.token()).put("/api/v1/agents/" + maria.id() + "/presence", Map.of("presence", "AVAILABLE"));
        assertThat(online.status()).as(online.body().toString()).isEqualTo(200);
        assertThat(online.text("presence")).isEqualTo("AVAILABLE");
        assertThat(Instant.parse(online.text("presenceChangedAt"))).isEqualTo(clock.instant());
        // Her team lead may set it; another agent may not; a workforce manager may.
        Staff other = staff(Role.AGENT, Set.of());
        assertThat(api().as(other.token()).put("/api/v1/agents/" + maria.id() + "/presence", Map.of("presence", "AWAY")).status())
                .isEqualTo(403);
        assertThat(api().as(lead.token()).put("/api/v1/agents/" + maria.id() + "/presence", Map.of("presence", "BUSY"))
                .text("presence")).isEqualTo("BUSY");
        assertThat(api().as(maria.token()).put("/api/v1/agents/" + lead.id(), Map.of("centreId", manila.id().toString(),
                "capacity", 5)).status()).as("agents do not change profiles").isEqualTo(403);

        Api.Response changed = ops.put("/api/v1/agents/" + maria.id(), Map.of("centreId", manila.id().toString(),
                "teamLeadId", lead.id().toString(), "capacity", 5,
                "skills", List.of(Map.of("name", "customer-support", "proficiency", 5)), "languages", List.of("en")));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().path("capacity").asInt()).isEqualTo(5);
        assertThat(changed.text("presence")).as("a profile change keeps presence").isEqualTo("BUSY");

        Api.Response certified = ops.post("/api/v1/agents/" + maria.id() + "/certifications",
                Map.of("clientId", lakeshore.id().toString()));
        assertThat(certified.status()).as(certified.body().toString()).isEqualTo(201);
        ops.post("/api/v1/agents/" + maria.id() + "/certifications", Map.of("clientId", albion.id().toString()));
        assertThat(ops.get("/api/v1/agents/" + maria.id() + "/certifications").body().path("items").size()).isEqualTo(2);
        assertThat(ops.post("/api/v1/centres/" + manila.id() + "/clients", Map.of("clientId", lakeshore.id().toString())).status())
                .isEqualTo(201);

        // 2026-03-02T10:00Z is 18:00 in Manila: after hours. Move the clock into Tuesday morning there.
        AgentEligibility evening = TenantScope.call(AllowedClients.ALL, () -> agents.eligibility(maria.id()));
        assertThat(evening.centreOnShift()).isFalse();
        clock.set(Instant.parse("2026-03-03T01:00:00Z"));
        AgentEligibility eligibility = TenantScope.call(AllowedClients.ALL, () -> agents.eligibility(maria.id()));
        assertThat(eligibility.centreOnShift()).isTrue();
        assertThat(eligibility.centreId()).isEqualTo(manila.id());
        assertThat(eligibility.capacity()).isEqualTo(5);
        assertThat(eligibility.presence()).isEqualTo(Presence.BUSY);
        assertThat(eligibility.skills()).containsExactly(new Skill("customer-support", 5));
        assertThat(eligibility.languages()).containsExactly("en");
        assertThat(eligibility.certifiedClients()).containsExactlyInAnyOrder(lakeshore.id(), albion.id());
        assertThat(eligibility.centreMayServe()).containsExactly(lakeshore.id());
        assertThat(eligibility.mayServe(lakeshore.id())).isTrue();
        assertThat(eligibility.mayServe(albion.id())).as("certified, but Manila may not hold Albion's data").isFalse();
        clock.set(Instant.parse("2026-03-04T01:00:00Z"));
        assertThat(TenantScope.call(AllowedClients.ALL, () -> agents.eligibility(maria.id()).centreOnShift()))
                .as("Wednesday morning in Manila is the centre's holiday").isFalse();
        clock.set(Instant.parse("2026-03-03T01:00:00Z"));

        assertThat(ops.delete("/api/v1/agents/" + maria.id() + "/certifications/" + albion.id()).status()).isEqualTo(204);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> agents.eligibility(maria.id()).certifiedClients()))
                .containsExactly(lakeshore.id());

        assertThat(TenantScope.call(AllowedClients.ALL, () -> audit.history(AuditTrail.PROVIDER, "agent", maria.id())))
                .extracting(entry -> entry.action())
                .contains("agent.enrolled", "agent.presence-changed", "agent.profile-changed");
        assertThat(TenantScope.call(AllowedClients.ALL, () -> audit.history(albion.id(), "agent", maria.id())))
                .extracting(entry -> entry.action())
                .containsExactly("agent.certified", "agent.certification-revoked");
    }

    @Test
    void invalidProfilesAreRefusedNamingTheField() {
        Api ops = api().as(staff(Role.ADMINISTRATOR, Set.of()).token());
        DeliveryCentre centre = centre(centreCommand("Asia/Manila", officeHours(), List.of()));
        Staff agent = staff(Role.AGENT, Set.of());
        Map<String, Object> base = Map.of("userId", agent.id().toString(), "centreId", centre.id().toString(), "capacity", 2);

        assertRefused(ops, with(base, "capacity", 0), "capacity");
        assertRefused(ops, with(base, "capacity", 21), "capacity");
        assertRefused(ops, with(base, "skills", List.of(Map.of("name", "payroll", "proficiency", 6))), "skills[0].proficiency");
        assertRefused(ops, with(base, "skills", List.of(Map.of("name", "payroll", "proficiency", 3),
                Map.of("name", "Payroll", "proficiency", 1))), "skills[1].name");
        assertRefused(ops, with(base, "languages", List.of("en", "english")), "languages[1]");
        assertRefused(ops, with(base, "languages", List.of("xx")), "languages[0]");
        assertRefused(ops, with(base, "teamLeadId", staff(Role.AGENT, Set.of()).id().toString()), "teamLeadId");
        Staff qa = staff(Role.QA_ANALYST, Set.of());
        assertRefused(ops, with(base, "userId", qa.id().toString()), "userId");
        Staff clientUser = clientUser(client("AGT"), Role.REQUESTER);
        assertRefused(ops, with(base, "userId", clientUser.id().toString()), "userId");

        assertThat(ops.post("/api/v1/agents", with(base, "centreId", java.util.UUID.randomUUID().toString())).status())
                .isEqualTo(404);
        assertThat(ops.get("/api/v1/agents/" + agent.id()).status()).as("nothing was saved").isEqualTo(404);
        assertThat(api().as(agent.token()).post("/api/v1/agents", base).status()).isEqualTo(403);
    }

    @Test
    void deactivatedStaffAreNeitherEnrolledNorChosenAsTeamLead() {
        Api ops = api().as(staff(Role.ADMINISTRATOR, Set.of()).token());
        DeliveryCentre centre = centre(centreCommand("Asia/Manila", officeHours(), List.of()));
        Staff lead = staff(Role.TEAM_LEAD, Set.of());
        assertThat(ops.post("/api/v1/agents", Map.of("userId", lead.id().toString(), "centreId", centre.id().toString(),
                "capacity", 2)).status()).isEqualTo(201);
        Staff leaver = staff(Role.AGENT, Set.of());
        Staff agent = staff(Role.AGENT, Set.of());
        CurrentUser admin = providerAdministrator();
        TenantScope.run(AllowedClients.ALL, () -> {
            users.changeStatus(leaver.id(), UserStatus.DISABLED, admin);
            users.changeStatus(lead.id(), UserStatus.DISABLED, admin);
        });
        Map<String, Object> base = Map.of("userId", agent.id().toString(), "centreId", centre.id().toString(), "capacity", 2);

        assertRefused(ops, with(base, "userId", leaver.id().toString()), "userId");
        assertRefused(ops, with(base, "teamLeadId", lead.id().toString()), "teamLeadId");
        assertThat(ops.get("/api/v1/agents/" + leaver.id()).status()).as("nothing was saved").isEqualTo(404);
        assertThat(ops.post("/api/v1/agents", base).status()).isEqualTo(201);
        Api.Response changed = ops.put("/api/v1/agents/" + agent.id(), Map.of("centreId", centre.id().toString(),
                "teamLeadId", lead.id().toString(), "capacity", 2));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(422);
        assertThat(changed.text("field")).isEqualTo("teamLeadId");
    }

    @Test
    void agentsAreListedPageByPageAndByCentre() {
        Api ops = api().as(staff(Role.OPERATIONS_MANAGER, Set.of()).token());
        DeliveryCentre centre = centre(centreCommand("Asia/Manila", officeHours(), List.of()));
        for (int i = 0; i < 3; i++) {
            Staff agent = staff(Role.AGENT, Set.of());
            assertThat(ops.post("/api/v1/agents", Map.of("userId", agent.id().toString(), "centreId", centre.id().toString(),
                    "capacity", 2)).status()).isEqualTo(201);
        }
        Api.Response first = ops.get("/api/v1/agents?centreId=" + centre.id() + "&limit=2");
        assertThat(first.body().path("items").size()).isEqualTo(2);
        Api.Response second = ops.get("/api/v1/agents?centreId=" + centre.id() + "&limit=2&cursor=" + first.text("nextCursor"));
        assertThat(second.body().path("items").size()).isEqualTo(1);
        assertThat(second.body().path("nextCursor").isNull() || second.body().path("nextCursor").isMissingNode()).isTrue();
    }

    private void assertRefused(Api api, Map<String, Object> body, String field) {
        Api.Response response = api.post("/api/v1/agents", body);
        assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(422);
        assertThat(response.text("field")).as(response.body().toString()).isEqualTo(field);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
