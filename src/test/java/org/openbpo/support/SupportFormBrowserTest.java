package org.openbpo.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer uses the client's public support form in a real browser: the request becomes a
 * ticket, the reference arrives by email; robots and floods are turned away.
 */
class SupportFormBrowserTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;

    SupportFixture.Desk desk;
    String form;

    @BeforeEach
    void aClientWithAPublicForm() {
        desk = SupportFixture.desk(context, providerAdministrator(), unique("FORM"), null,
                new ServerAccess("localhost", mailServer.getSmtp().getPort(), MailSecurity.NONE, null, null));
        form = "/forms/" + desk.setup().client().code() + "/support";
    }

    @Test
    void aCustomerRaisesARequestAndReceivesItsReferenceByEmail() throws Exception {
        browser.open(form);
        assertThat(browser.text("#form-title")).isEqualTo("Contact Albion Mutual Support");
        browser.type("#name", "Dan Driver").type("#email", "not-an-email").type("#subject", "Windscreen chipped")
                .type("#message", "A stone hit my windscreen on the M1.").click("#send");
        assertThat(browser.text("#email-error")).isNotBlank();
        assertThat(browser.find("#subject").getAttribute("value")).isEqualTo("Windscreen chipped");

        browser.type("#email", "dan@customer.test").click("#send");
        String reference = browser.text("#reference");
        assertThat(reference).matches("WI-\\d+");
        browser.screenshot("support-form-received");

        WorkItem ticket = TenantScope.call(AllowedClients.only(desk.clientId()),
                () -> workItems.get(desk.clientId(), Long.parseLong(reference.substring(3))));
        assertThat(ticket.channel()).isEqualTo("WEB");
        assertThat(ticket.title()).isEqualTo("Windscreen chipped");
        assertThat(ticket.form()).containsEntry("customerEmail", "dan@customer.test")
                .containsEntry("description", "A stone hit my windscreen on the M1.");

        assertThat(mailServer.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage acknowledgement = mailServer.getReceivedMessages()[0];
        assertThat(acknowledgement.getAllRecipients()[0].toString()).isEqualTo("dan@customer.test");
        assertThat(acknowledgement.getSubject()).isEqualTo("We have received your request: Windscreen chipped [" + reference + "]");
        assertThat(acknowledgement.getContent().toString()).contains("Dear Dan Driver", "Your reference is " + reference);
    }

    @Test
    void aRobotThatFillsTheTrapIsThankedAndIgnored() {
        browser.open(form);
        browser.type("#name", "Bot").type("#email", "bot@spam.test").type("#subject", "Cheap watches " + desk.address())
                .type("#message", "Buy now");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('website').value = 'https://spam.test'");
        browser.click("#send");

        assertThat(browser.text("#received h1")).isEqualTo("Thank you");
        assertThat(browser.findAll("#reference")).isEmpty();
        List<WorkItem> tickets = TenantScope.call(AllowedClients.only(desk.clientId()),
                () -> workItems.page(desk.clientId(), null, null, 0, 100));
        assertThat(tickets).extracting(WorkItem::title).noneMatch(title -> title.startsWith("Cheap watches"));
    }

    @Test
    void aFloodFromOneSenderIsTurnedAwayAndUnknownFormsAreNotThere() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(post("Request " + i).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> sixth = post("Request 6");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("several requests in the last hour");

        browser.open("/forms/NO-SUCH-CLIENT/support");
        assertThat(browser.text("#unavailable h1")).isEqualTo("Not available");
    }

    private HttpResponse<String> post(String subject) throws Exception {
        String body = "name=Eve&email=eve%40customer.test&subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + "&message=Hello&website=";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + form))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
