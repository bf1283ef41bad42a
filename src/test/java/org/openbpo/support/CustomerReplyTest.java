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
import org.openbpo.support.mail.ReplySender;
import org.openbpo.testing.Api;
import org.openbpo.testing.HangingUpSmtpServer;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItemComments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An agent answers a customer: the mail arrives in the customer's (in-process) mailbox, threaded and signed in the client's name. */
class CustomerReplyTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired
    ApplicationContext context;
    @Autowired
    EmailIntake intake;
    @Autowired
    WorkItemComments comments;
    @Autowired
    ReplySender sender;

    SupportFixture.Desk desk;

    @BeforeEach
    void aClientWhoseRepliesGoThroughItsSmtpServer() {
        desk = SupportFixture.desk(context, providerAdministrator(), unique("SMTP"), null,
                new ServerAccess("localhost", mailServer.getSmtp().getPort(), MailSecurity.NONE, null, null));
    }

    @Test
    void theReplyReachesTheCustomerThreadedSignedAndInTheClientsName() throws Exception {
        TestMail question = TestMail.from("Ann Customer <ann@customer.test>").to(desk.address()).subject("My card was charged twice")
                .text("Please refund one of them.");
        long ticket = receive(question).message().itemId();

        Api.Response reply = api().as(desk.setup().makerToken()).post(replies(ticket),
                Map.of("body", "Hello Ann,\nwe have refunded the second charge."));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        String messageId = reply.text("messageId");
        assertThat(as(() -> context.getBean(org.openbpo.work.WorkItems.class).get(desk.clientId(), ticket).firstRespondedAt()))
                .as("the reply is the ticket's first response").isEqualTo(clock.instant());

        assertThat(mailServer.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = mailServer.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ann@customer.test");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Albion Mutual Support <" + desk.address() + ">");
        assertThat(received.getSubject()).isEqualTo("Re: My card was charged twice [WI-" + ticket + "]");
        assertThat(received.getMessageID()).isEqualTo(messageId);
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo(question.messageId());
        assertThat(received.getHeader("References", null)).contains(question.messageId());
        assertThat(received.getContent().toString().replace("\r\n", "\n"))
                .isEqualTo("Hello Ann,\nwe have refunded the second charge.\n\n-- \nAlbion Mutual — here for you");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api().as(desk.setup().makerToken()).get(replies(ticket)).body().path(0).path("status").asString()).isEqualTo("SENT"));
        assertThat(as(() -> comments.of(desk.clientId(), ticket))).singleElement().satisfies(comment -> {
            assertThat(comment.visibility()).isEqualTo(WorkItemComments.Visibility.CLIENT);
            assertThat(comment.author()).isEqualTo(desk.setup().maker().email());
        });

        IntakeOutcome answer = receive(TestMail.from("ann@customer.test").to(desk.address()).subject("Re: refund")
                .inReplyTo(messageId).text("Thank you!"));
        assertThat(answer.message().status()).isEqualTo(IntakeStatus.COMMENT_ADDED);
        assertThat(answer.message().itemId()).isEqualTo(ticket);

        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        received.writeTo(ours);
        IntakeOutcome echo = as(() -> intake.receive(desk.clientId(), ours.toByteArray(), IntakeSource.RELAY));
        assertThat(echo.message().status()).isEqualTo(IntakeStatus.IGNORED);
        assertThat(echo.message().reason()).startsWith("Mail loop");
    }

    @Test
    void aReplyTheServerRefusesWaitsAndGoesOnceTheServerIsBack() {
        long ticket = receive(TestMail.from("bob@customer.test").to(desk.address()).subject("Lost card")).message().itemId();
        TenantScope.run(AllowedClients.ALL, () -> context.getBean(SupportChannels.class).configure(desk.clientId(),
                new ConfigureChannel("support", desk.address(), null, new ServerAccess("localhost", 1, MailSecurity.NONE, null, null),
                        desk.address(), "Albion Mutual Support", "Albion Mutual", null, null), providerAdministrator()));

        Api agent = api().as(desk.setup().makerToken());
        assertThat(agent.post(replies(ticket), Map.of("body", "We have blocked the card.")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(agent.get(replies(ticket)).body().path(0).path("attempts").asInt()).isEqualTo(1));
        Api.Response waiting = agent.get(replies(ticket));
        assertThat(waiting.body().path(0).path("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.body().path(0).path("lastError").asString()).isNotBlank();
        assertThat(mailServer.getReceivedMessages()).isEmpty();

        TenantScope.run(AllowedClients.ALL, () -> context.getBean(SupportChannels.class).configure(desk.clientId(),
                new ConfigureChannel("support", desk.address(), null,
                        new ServerAccess("localhost", mailServer.getSmtp().getPort(), MailSecurity.NONE, null, null),
                        desk.address(), "Albion Mutual Support", "Albion Mutual", null, null), providerAdministrator()));
        clock.advance(Duration.ofMinutes(3));
        sender.sendDue(100);

        assertThat(mailServer.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        // Sent here, or by the sender's own tick, which records it just after the server took it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(agent.get(replies(ticket)).body().path(0).path("status").asString()).isEqualTo("SENT"));
        assertThat(agent.get(replies(ticket)).body().path(0).path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aReplyTheServerTookIsSentOnceEvenWhenItsGoodbyeFails() throws Exception {
        long ticket = receive(TestMail.from("dan@customer.test").to(desk.address()).subject("Statement")).message().itemId();
        try (HangingUpSmtpServer server = new HangingUpSmtpServer()) {
            TenantScope.run(AllowedClients.ALL, () -> context.getBean(SupportChannels.class).configure(desk.clientId(),
                    new ConfigureChannel("support", desk.address(), null,
                            new ServerAccess("localhost", server.port(), MailSecurity.NONE, null, null),
                            desk.address(), "Albion Mutual Support", "Albion Mutual", null, null), providerAdministrator()));
            Api agent = api().as(desk.setup().makerToken());
            String messageId = agent.post(replies(ticket), Map.of("body", "Your statement is on its way.")).text("messageId");

            // The server took the reply, then dropped the connection at QUIT: the reply is sent, in one attempt.
            await().atMost(Duration.ofSeconds(15)).until(() -> agent.get(replies(ticket)).body().path(0).path("attempts").asInt() >= 1);
            assertThat(agent.get(replies(ticket)).body().path(0).path("status").asString()).isEqualTo("SENT");
            assertThat(agent.get(replies(ticket)).body().path(0).path("attempts").asInt()).isEqualTo(1);
            clock.advance(Duration.ofHours(1));
            sender.sendDue(100);
            assertThat(server.messages()).filteredOn(m -> m.contains(messageId)).hasSize(1);
        }
    }

    @Test
    void onlyAgentsReplyAndOnlyWhereThereIsACustomerToWriteTo() {
        long ticket = receive(TestMail.from("carol@customer.test").to(desk.address()).subject("Question")).message().itemId();
        assertThat(api().as(desk.setup().requesterToken()).post(replies(ticket), Map.of("body", "hi")).status()).isEqualTo(403);
        Api.Response blank = api().as(desk.setup().makerToken()).post(replies(ticket), Map.of("body", " "));
        assertThat(blank.status()).isEqualTo(422);
        Api.Response missing = api().as(desk.setup().makerToken()).post(replies(ticket + 1_000_000), Map.of("body", "hi"));
        assertThat(missing.status()).isEqualTo(404);
    }

    private String replies(long ticket) {
        return "/api/v1/clients/" + desk.clientId() + "/support/tickets/" + ticket + "/replies";
    }

    private IntakeOutcome receive(TestMail mail) {
        return as(() -> intake.receive(desk.clientId(), mail.bytes(), IntakeSource.RELAY));
    }

    private <T> T as(Callable<T> work) {
        return TenantScope.call(AllowedClients.only(desk.clientId()), work);
    }
}
