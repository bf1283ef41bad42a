package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's telephony reports a call: a ticket is opened for the caller, the end brings the
 * recording and the talk time, which becomes the agent's handle time; repeated events change nothing.
 */
class PhoneCallsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;

    SupportFixture.Desk desk;
    String hook;
    String secret;

    @BeforeEach
    void aClientWithTelephony() {
        var admin = providerAdministrator();
        desk = SupportFixture.desk(context, admin, unique("TEL"), null, null);
        hook = "/hooks/cti/" + desk.setup().client().code();
        Api.Response issued = api().as(desk.setup().adminToken()).post("/api/v1/clients/" + desk.clientId() + "/support/cti-secret", "");
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);
        secret = issued.text("secret");
    }

    @Test
    void aCallOpensATicketAndItsTalkTimeBecomesHandleTimeOnce() {
        Api telephony = api().header("X-CTI-Secret", secret);
        Instant start = clock.instant();
        Map<String, Object> started = event("call.started", "c-1001", start);
        Api.Response first = telephony.post(hook, started);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(telephony.post(hook, started).text("id")).as("the same event twice is one call").isEqualTo(first.text("id"));
        long itemId = first.body().path("itemId").asLong();

        clock.advance(Duration.ofMinutes(4).plusSeconds(5));
        Map<String, Object> ended = event("call.ended", "c-1001", clock.instant());
        ended.put("recordingUrl", "https://pbx.albion.test/rec/c-1001.mp3");
        ended.put("agentId", desk.setup().maker().id().toString());
        Api.Response end = telephony.post(hook, ended);
        assertThat(end.status()).as(end.body().toString()).isEqualTo(200);
        assertThat(end.body().path("talkSeconds").asInt()).isEqualTo(245);
        assertThat(end.text("recordingUrl")).isEqualTo("https://pbx.albion.test/rec/c-1001.mp3");
        telephony.post(hook, ended);

        var ticket = TenantScope.call(AllowedClients.only(desk.clientId()), () -> workItems.get(desk.clientId(), itemId));
        assertThat(ticket.channel()).isEqualTo("PHONE");
        assertThat(ticket.title()).isEqualTo("Call from +442079460123");
        assertThat(TenantScope.call(AllowedClients.only(desk.clientId()), () -> workItems.handleSeconds(desk.clientId(), itemId)))
                .as("talk time once, though the end came twice").isEqualTo(245);

        Api agent = api().as(desk.setup().makerToken());
        Api.Response customer = agent.get("/api/v1/clients/" + desk.clientId() + "/support/tickets/" + itemId + "/customer");
        assertThat(customer.body().path("customer").path("contacts").get(0).path("value").asString()).isEqualTo("+442079460123");
        Api.Response log = agent.get("/api/v1/clients/" + desk.clientId() + "/support/calls");
        assertThat(log.body().path("items").get(0).path("callKey").asString()).isEqualTo("c-1001");

        // The same caller again, naming the ticket: the call joins it, and the customer is the same.
        Map<String, Object> again = event("call.started", "c-1002", clock.instant());
        again.put("ticket", "WI-" + itemId);
        assertThat(telephony.post(hook, again).body().path("itemId").asLong()).isEqualTo(itemId);
        assertThat(telephony.post(hook, again).body().path("customerId").asString())
                .isEqualTo(customer.body().path("customer").path("id").asString());
    }

    @Test
    void anAgentLogsACallTheTelephonyMissed() {
        Api agent = api().as(desk.setup().makerToken());
        Instant end = clock.instant();
        Api.Response logged = agent.post("/api/v1/clients/" + desk.clientId() + "/support/calls", Map.of("caller", "07700 900123",
                "startedAt", end.minusSeconds(90).toString(), "endedAt", end.toString(), "note", "Asked about the renewal date"));
        assertThat(logged.status()).as(logged.body().toString()).isEqualTo(201);
        assertThat(logged.text("source")).isEqualTo("AGENT");
        long itemId = logged.body().path("itemId").asLong();
        assertThat(TenantScope.call(AllowedClients.only(desk.clientId()), () -> workItems.handleSeconds(desk.clientId(), itemId)))
                .isEqualTo(90);
    }

    @Test
    void anotherClientsOrAnUnknownClientsCallLogIsNotFound() {
        SupportFixture.Desk other = SupportFixture.desk(context, providerAdministrator(), unique("TELO"), null, null);
        Map<String, Object> call = Map.of("caller", "07700 900123", "startedAt", clock.instant().minusSeconds(60).toString(),
                "endedAt", clock.instant().toString(), "note", "Asked about the renewal date");

        Api outsider = api().as(other.setup().makerToken());
        assertThat(outsider.post("/api/v1/clients/" + desk.clientId() + "/support/calls", call).status()).isEqualTo(404);
        assertThat(outsider.post("/api/v1/clients/" + java.util.UUID.randomUUID() + "/support/calls", call).status()).isEqualTo(404);
        assertThat(api().as(desk.setup().makerToken()).get("/api/v1/clients/" + desk.clientId() + "/support/calls")
                .body().path("items").size()).as("nothing logged").isZero();
    }

    @Test
    void theWebhookRefusesWrongSecretsAndBadEvents() {
        Map<String, Object> started = event("call.started", "c-2001", clock.instant());
        Api.Response noSecret = api().post(hook, started);
        assertThat(noSecret.status()).isEqualTo(401);
        assertThat(api().header("X-CTI-Secret", "cti_forged").post(hook, started).status()).isEqualTo(401);
        assertThat(api().header("X-CTI-Secret", secret).post("/hooks/cti/NO-SUCH-CLIENT", started).status()).isEqualTo(404);

        Api telephony = api().header("X-CTI-Secret", secret);
        Map<String, Object> badPhone = event("call.started", "c-2002", clock.instant());
        badPhone.put("caller", "hello");
        assertThat(telephony.post(hook, badPhone).text("field")).isEqualTo("caller");
        Map<String, Object> badKind = event("call.ringing", "c-2003", clock.instant());
        assertThat(telephony.post(hook, badKind).text("field")).isEqualTo("event");
        Map<String, Object> future = event("call.started", "c-2004", clock.instant().plus(Duration.ofHours(1)));
        Api.Response inFuture = telephony.post(hook, future);
        assertThat(inFuture.status()).isEqualTo(422);
        assertThat(inFuture.text("field")).isEqualTo("at");
        Map<String, Object> badLink = event("call.ended", "c-2005", clock.instant());
        badLink.put("recordingUrl", "javascript:alert(1)");
        assertThat(telephony.post(hook, badLink).text("field")).isEqualTo("recordingUrl");
        assertThat(api().as(desk.setup().makerToken()).post("/api/v1/clients/" + desk.clientId() + "/support/cti-secret", "")
                .status()).isEqualTo(403);
    }

    private static Map<String, Object> event(String kind, String callId, Instant at) {
        Map<String, Object> event = new HashMap<>();
        event.put("event", kind);
        event.put("callId", callId);
        event.put("caller", "+44 20 7946 0123");
        event.put("at", at.toString());
        return event;
    }
}
