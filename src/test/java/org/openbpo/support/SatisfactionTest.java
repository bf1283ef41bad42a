package org.openbpo.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resolved ticket's customer is asked once, by email, how satisfied they are; one click answers;
 * the service line's CSAT, first-contact resolution and handle time come out for the scorecard.
 */
class SatisfactionTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired
    org.openbpo.audit.AuditTrail audit;
    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    Satisfaction satisfaction;
    @Autowired
    TransactionTemplate transactions;

    SupportFixture.Desk desk;
    String base;

    @BeforeEach
    void aClientThatSendsMail() {
        desk = SupportFixture.desk(context, providerAdministrator(), unique("CSAT"), null,
                new ServerAccess("localhost", mailServer.getSmtp().getPort(), MailSecurity.NONE, null, null));
        base = "/api/v1/clients/" + desk.clientId() + "/support";
    }

    @Test
    void theCustomerAnswersWithOneClickAndTheSummaryFeedsTheScorecard() throws Exception {
        Instant from = clock.instant();
        long quick = raise("Change my address", "gus@customer.test");
        long slow = raise("Wrong premium", "hana@customer.test");
        Api client = api().as(desk.setup().requesterToken());
        assertThat(client.post(base + "/tickets/" + slow + "/comments", Map.of("body", "Any news?")).status()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(10));
        solve(quick);
        solve(slow);

        assertThat(mailServer.waitForIncomingEmail(15_000, 2)).isTrue();
        var survey = java.util.Arrays.stream(mailServer.getReceivedMessages())
                .filter(m -> addressOf(m).equals("gus@customer.test")).findFirst().orElseThrow();
        assertThat(survey.getSubject()).isEqualTo("How did we do? Change my address [WI-" + quick + "]");
        Matcher link = Pattern.compile("/forms/[^/\\s]+/csat/([A-Za-z0-9_-]+)\\?score=5").matcher(survey.getContent().toString());
        assertThat(link.find()).as(survey.getContent().toString()).isTrue();
        String answer = "/forms/" + desk.setup().client().code() + "/csat/" + link.group(1) + "?score=";

        // Following the link (as a mail scanner does) shows the question with the score chosen and records nothing.
        Api agent = api().as(desk.setup().makerToken());
        HttpResponse<String> followed = get(answer + "5");
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.body()).contains("How did we do?", "WI-" + quick).containsPattern("value=\"5\"\\s+checked");
        assertThat(get(answer + "1").statusCode()).isEqualTo(200);
        assertThat(get(answer + "9").statusCode()).as("an odd score only chooses nothing").isEqualTo(200);
        assertThat(agent.get(base + "/tickets/" + quick + "/outcome").body().path("score").isNumber()).as("a GET records nothing").isFalse();
        assertThat(get("/forms/" + desk.setup().client().code() + "/csat/forged?score=5").statusCode()).isEqualTo(404);

        String confirmed = answer.substring(0, answer.indexOf('?'));
        assertThat(post(confirmed, "score=5").body()).contains("You rated our help 5 out of 5.");
        assertThat(post(confirmed, "score=5").statusCode()).as("the same answer again changes nothing").isEqualTo(200);
        assertThat(get(answer + "5").body()).contains("You answered 5 out of 5 before");
        assertThat(post(confirmed, "score=4").statusCode()).as("the latest answer counts").isEqualTo(200);
        assertThat(post(confirmed, "score=9").statusCode()).isEqualTo(422);
        assertThat(post(confirmed, "").statusCode()).isEqualTo(422);
        assertThat(post("/forms/" + desk.setup().client().code() + "/csat/forged", "score=5").statusCode()).isEqualTo(404);
        TenantScope.run(AllowedClients.only(desk.clientId()), () -> assertThat(audit.history(desk.clientId(), "work-item", quick))
                .filteredOn(e -> e.action().equals("support.csat-answered")).as("5, then 4: the repeated 5 is not a new answer")
                .hasSize(2));

        Api.Response outcome = agent.get(base + "/tickets/" + quick + "/outcome");
        assertThat(outcome.body().path("score").asInt()).isEqualTo(4);
        try (var superuser = TestDatabase.get().superuserConnection();
             var responses = superuser.prepareStatement("select item_id, service_line, score from quality.csat_response where client_id = ?")) {
            responses.setObject(1, desk.clientId());
            try (var rows = responses.executeQuery()) {
                assertThat(rows.next()).as("the answer counts in the scorecard's CSAT").isTrue();
                assertThat(rows.getLong(1)).isEqualTo(quick);
                assertThat(rows.getString(2)).isEqualTo("support");
                assertThat(rows.getInt(3)).as("the latest answer").isEqualTo(4);
                assertThat(rows.next()).isFalse();
            }
        }
        assertThat(outcome.body().path("firstContact").asBoolean()).isTrue();
        assertThat(agent.get(base + "/tickets/" + slow + "/outcome").body().path("firstContact").asBoolean())
                .as("the customer had to ask again").isFalse();

        Api.Response summary = agent.get(base + "/satisfaction?serviceLine=support&from=" + from + "&to=" + clock.instant().plusSeconds(1));
        assertThat(summary.status()).as(summary.body().toString()).isEqualTo(200);
        assertThat(summary.body().path("resolved").asLong()).isEqualTo(2);
        assertThat(summary.body().path("surveysSent").asLong()).isEqualTo(2);
        assertThat(summary.body().path("answers").asLong()).isEqualTo(1);
        assertThat(summary.body().path("csatPercent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(summary.body().path("averageScore").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(summary.body().path("firstContactPercent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(agent.get(base + "/satisfaction?serviceLine=support&from=" + from + "&to=" + from).text("field")).isEqualTo("to");
        assertThat(agent.get(base + "/satisfaction?serviceLine=support&from=yesterday&to=" + from).status()).isEqualTo(400);

        // The "completed" event delivered again: nothing recorded twice, no second survey.
        TenantScope.run(AllowedClients.only(desk.clientId()), () -> transactions.executeWithoutResult(tx -> satisfaction.resolved(
                new WorkItemCompleted(desk.clientId(), quick, "support-ticket", "support", "DONE", "ticket", null, 0, null, null,
                        clock.instant()))));
        Thread.sleep(1_500);
        assertThat(mailServer.getReceivedMessages()).hasSize(2);
        assertThat(agent.get(base + "/tickets/" + quick + "/outcome").body().path("score").asInt()).isEqualTo(4);
    }

    private void solve(long itemId) throws InterruptedException {
        CurrentUser agent = CurrentUser.of(desk.setup().maker());
        TenantScope.run(AllowedClients.only(desk.clientId()), () -> workItems.move(desk.clientId(), itemId, new MoveWorkItem("solved", null), agent));
        Api api = api().as(desk.setup().makerToken());
        for (int i = 0; i < 100 && api.get(base + "/tickets/" + itemId + "/outcome").status() != 200; i++) {
            Thread.sleep(100);
        }
        assertThat(api.get(base + "/tickets/" + itemId + "/outcome").status()).isEqualTo(200);
    }

    private long raise(String subject, String email) {
        Api.Response raised = api().as(desk.setup().requesterToken()).post(base + "/tickets", Map.of("subject", subject,
                "description", "Please help", "customerEmail", email));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        return raised.body().path("id").asLong();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form post as the confirmation page sends it: no session, no CSRF token, only the survey's token in the path. */
    private HttpResponse<String> post(String path, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String addressOf(jakarta.mail.Message message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
