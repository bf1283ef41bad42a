package org.openbpo.contracts;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A UK insurer's first contract (from 1 January 2026, open-ended, London time) is ended on 31 March and
 * renewed from 1 April for policy administration only: new work follows the term in the client's time
 * zone, the renewal takes over the service line's code, and work raised before keeps its contract.
 */
class ContractTermTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aContractEndsAndItsRenewalTakesOverItsServiceLine() {
        WorkFixture fixture = new WorkFixture(context);
        WorkFixture.Setup setup = fixture.clientUnderContract(providerAdministrator(), unique("TRM"));
        WorkFixture.Setup other = fixture.clientUnderContract(providerAdministrator(), unique("TRO"));
        Api admin = api().as(setup.adminToken());
        Api requester = api().as(setup.requesterToken());
        String contracts = "/api/v1/clients/" + setup.client().id() + "/contracts";
        String first = contracts + "/" + setup.contract().id();

        // while the first contract is open-ended, no other contract can take policy-admin
        Api.Response early = admin.post(contracts, renewal("MSA-R1", "2026-04-01"));
        assertProblem(early, 409, "serviceLines[0].code");
        assertThat(early.text("detail")).contains("open-ended");

        // ending it: not in the past, and not on another client's contract
        assertProblem(admin.post(first + "/revisions", ending("2026-03-01")), 422, "endsOn");
        assertThat(api().as(other.adminToken()).post("/api/v1/clients/" + other.client().id() + "/contracts/"
                + setup.contract().id() + "/revisions", ending("2026-03-31")).status()).isEqualTo(404);
        Api.Response ended = admin.post(first + "/revisions", ending("2026-03-31"));
        assertThat(ended.status()).as(ended.body().toString()).isEqualTo(201);
        assertThat(ended.text("endsOn")).isEqualTo("2026-03-31");
        assertThat(ended.body().path("version").asInt()).isEqualTo(2);

        // the renewal cannot overlap the last day, and takes over from the day after
        assertProblem(admin.post(contracts, renewal("MSA-R1", "2026-03-31")), 409, "serviceLines[0].code");
        Api.Response renewed = admin.post(contracts, renewal("MSA-R1", "2026-04-01"));
        assertThat(renewed.status()).as(renewed.body().toString()).isEqualTo(201);
        String renewal = renewed.text("id");
        // a new service line whose contract starts in May
        Map<String, Object> chat = new java.util.HashMap<>(renewal("MSA-CHAT", "2026-05-01"));
        chat.put("serviceLines", List.of(Map.of("code", "chat", "name", "Chat", "kind", "CUSTOMER_SUPPORT", "workType", "support-ticket")));
        chat.put("slaTargets", List.of());
        assertThat(admin.post(contracts, chat).status()).isEqualTo(201);

        assertThat(admin.get(first).text("status")).as("on 2 March the first contract runs").isEqualTo("ACTIVE");

        Api.Response march = raise(requester, setup, "policy-admin");
        assertThat(march.status()).as(march.body().toString()).isEqualTo(201);
        assertThat(march.text("contractId")).isEqualTo(setup.contract().id().toString());

        // 31 March 23:30 UTC is 1 April 00:30 in London: the renewal's term has begun, the first one's has ended
        clock.set(Instant.parse("2026-03-31T23:30:00Z"));
        assertThat(admin.get(first).text("status")).as("its term is over in London: it reads as ended").isEqualTo("ENDED");
        List<String> listed = new java.util.ArrayList<>();
        admin.get(contracts).body().forEach(c -> listed.add(c.path("reference").asString() + " " + c.path("status").asString()));
        assertThat(listed).contains(setup.contract().reference() + " ENDED", "MSA-R1 ACTIVE", "MSA-CHAT ACTIVE");
        assertThat(admin.get(contracts + "/" + renewal).text("status")).isEqualTo("ACTIVE");
        Api.Response april = raise(requester, setup, "policy-admin");
        assertThat(april.status()).as(april.body().toString()).isEqualTo(201);
        assertThat(april.text("contractId")).isEqualTo(renewal);
        assertThat(april.body().path("contractVersion").asInt()).isEqualTo(1);
        Api.Response support = raise(requester, setup, "support");
        assertProblem(support, 422, "serviceLine");
        assertThat(support.text("detail")).contains("ended on 2026-03-31");
        Api.Response notYet = raise(requester, setup, "chat");
        assertProblem(notYet, 422, "serviceLine");
        assertThat(notYet.text("detail")).contains("has not started yet").contains("2026-05-01");

        // work raised under the first contract carries on after its end
        Api.Response moved = api().as(setup.makerToken()).post("/api/v1/clients/" + setup.client().id() + "/work-items/"
                + march.body().path("id").asLong() + "/moves", Map.of("to", "processing"));
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(moved.text("contractId")).isEqualTo(setup.contract().id().toString());
    }

    @Test
    void aClientsNewTimeZoneDecidesItsTermsLastDayWithoutARestart() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("TZC"));
        Api admin = api().as(setup.adminToken());
        Api requester = api().as(setup.requesterToken());
        String client = "/api/v1/clients/" + setup.client().id();
        assertThat(admin.post(client + "/contracts/" + setup.contract().id() + "/revisions", ending("2026-03-31")).status())
                .isEqualTo(201);
        // 31 March, 11:00 in London: support raised, its terms remembered in London time
        clock.set(Instant.parse("2026-03-31T10:00:00Z"));
        assertThat(raise(requester, setup, "support").status()).isEqualTo(201);

        // the client moves its operations to Tokyo: 31 March is over there at 15:00 UTC
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("code", setup.client().code(), "name", setup.client().name(),
                "legalEntity", setup.client().legalEntity(), "country", setup.client().country(), "timeZone", "Asia/Tokyo",
                "currency", setup.client().currency().getCurrencyCode()));
        Api.Response moved = admin.put(client, settings);
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(raise(requester, setup, "support").status()).as("19:00 on 31 March in Tokyo: still in term").isEqualTo(201);

        // 22:30 UTC: 23:30 on 31 March in London, but 07:30 on 1 April in Tokyo, the client's days now
        clock.set(Instant.parse("2026-03-31T22:30:00Z"));
        Api.Response late = raise(requester, setup, "support");
        assertProblem(late, 422, "serviceLine");
        assertThat(late.text("detail")).contains("ended on 2026-03-31");
    }

    private static Api.Response raise(Api requester, WorkFixture.Setup setup, String line) {
        Map<String, Object> form = line.equals("policy-admin") ? Map.of("requestType", "other", "details", "a change")
                : Map.of("description", "a question");
        return requester.post("/api/v1/clients/" + setup.client().id() + "/work-items",
                Map.of("serviceLine", line, "title", "Request on " + line, "form", form));
    }

    private static Map<String, Object> ending(String endsOn) {
        return Map.of("calendar", Map.of("zone", "Europe/London", "week", Map.of("MONDAY", "09:00-17:30", "TUESDAY", "09:00-17:30")),
                "slaTargets", List.of(), "endsOn", endsOn, "note", "Term ends");
    }

    private static Map<String, Object> renewal(String reference, String startsOn) {
        return Map.of("reference", reference, "title", "Policy administration, renewed", "currency", "GBP", "startsOn", startsOn,
                "calendar", Map.of("zone", "Europe/London", "week", Map.of("MONDAY", "09:00-17:30", "TUESDAY", "09:00-17:30")),
                "serviceLines", List.of(Map.of("code", "policy-admin", "name", "Policy administration", "kind", "BACK_OFFICE",
                        "workType", "back-office-request")),
                "slaTargets", List.of(Map.of("serviceLine", "policy-admin", "priority", "NORMAL", "resolutionMinutes", 480)));
    }

    static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).contains("application/problem+json");
        assertThat(response.body().path("field").asString()).as(response.body().toString()).isEqualTo(field);
        assertThat(response.body().path("detail").asString()).isNotBlank();
    }
}
