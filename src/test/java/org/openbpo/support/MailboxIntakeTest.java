package org.openbpo.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.support.mail.MailboxPoller;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * What customers send to a client's real (in-process) IMAP mailbox, fetched by the poller:
 * both ways of finding the ticket a reply answers, the same message twice, broken MIME and
 * dangerous attachments.
 */
class MailboxIntakeTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired
    ApplicationContext context;
    @Autowired
    MailboxPoller poller;
    @Autowired
    EmailIntake intake;
    @Autowired
    WorkItems workItems;
    @Autowired
    WorkItemComments comments;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    SupportFixture.Desk desk;
    GreenMailUser mailbox;

    @BeforeEach
    void aClientWhoseMailboxWeFetch() {
        String code = unique("MBX");
        String address = "help@" + code.toLowerCase() + ".test";
        mailbox = mailServer.setUser(address, address, "mailbox secret");
        desk = SupportFixture.desk(context, providerAdministrator(), code,
                new ServerAccess("localhost", mailServer.getImap().getPort(), MailSecurity.NONE, address, "mailbox secret"), null);
    }

    @Test
    void aReplyFindsItsTicketByItsHeadersOrElseByTheReferenceInItsSubject() throws Exception {
        TestMail question = TestMail.from("ann@customer.test").to(desk.address()).subject("Claim for a broken window");
        deliver(question);
        long ticket = fetchUntil(1).getFirst().itemId();

        deliver(TestMail.from("ann@customer.test").to(desk.address()).subject("Re: Claim for a broken window")
                .inReplyTo(question.messageId()).text("Photos attached tomorrow."));
        deliver(TestMail.from("ann@customer.test").to(desk.address()).subject("Photos [WI-" + ticket + "]")
                .text("Here they are, sent from my other mail program."));
        List<InboundMessage> messages = fetchUntil(3);

        assertThat(messages).extracting(InboundMessage::status, InboundMessage::itemId).containsExactly(
                tuple(IntakeStatus.TICKET_CREATED, ticket), tuple(IntakeStatus.COMMENT_ADDED, ticket),
                tuple(IntakeStatus.COMMENT_ADDED, ticket));
        assertThat(as(() -> comments.of(desk.clientId(), ticket))).extracting(WorkItemComments.Comment::body)
                .containsExactly("Photos attached tomorrow.", "Here they are, sent from my other mail program.");
    }

    @Test
    void theSameMessageInTheMailboxTwiceIsOneTicket() throws Exception {
        TestMail mail = TestMail.from("bob@customer.test").to(desk.address()).subject("Sent twice by a flaky relay");
        deliver(mail);
        deliver(mail);

        // Both copies fetched: the mailbox's place has moved past the second one.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            poller.poll(desk.clientId());
            assertThat(as(() -> jdbc.sql("select last_uid from support.mailbox_poll where client_id = ?")
                    .param(desk.clientId()).query(Long.class).single())).isEqualTo(2);
        });
        List<InboundMessage> messages = fetchUntil(1);
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(IntakeStatus.TICKET_CREATED));
        assertThat(as(() -> workItems.page(desk.clientId(), null, null, 0, 100))).extracting(WorkItem::title)
                .containsOnlyOnce("Sent twice by a flaky relay");
    }

    @Test
    void anAutomaticReplyIsIgnoredWithItsReason() throws Exception {
        deliver(TestMail.from("ann@customer.test").to(desk.address()).subject("Automatic reply: Claim")
                .header("X-Autoreply", "yes").text("I am out of the office until Monday."));

        InboundMessage ignored = fetchUntil(1).getFirst();
        assertThat(ignored.status()).isEqualTo(IntakeStatus.IGNORED);
        assertThat(ignored.reason()).isEqualTo("Automatic message: X-Autoreply: yes");
        assertThat(ignored.itemId()).isNull();
    }

    @Test
    void malformedMailIsKeptWithAReasonAndTheMailboxGoesOn() throws Exception {
        byte[] broken = ("From: ann@customer.test\r\nTo: " + desk.address() + "\r\nSubject: Broken\r\n"
                + "Message-ID: <" + unique("broken") + "@customer.test>\r\nContent-Type: multipart/mixed\r\n\r\n"
                + "no boundary anywhere\r\n").getBytes(StandardCharsets.US_ASCII);
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(broken)));
        deliver(TestMail.from("ann@customer.test").to(desk.address()).subject("Readable"));

        // Messages stored in one batch carry the same moment; they are told apart by what they hold, not their order.
        List<InboundMessage> messages = fetchUntil(2);
        assertThat(messages).extracting(InboundMessage::status)
                .containsExactlyInAnyOrder(IntakeStatus.REJECTED, IntakeStatus.TICKET_CREATED);
        InboundMessage rejected = messages.stream().filter(m -> m.status() == IntakeStatus.REJECTED).findFirst().orElseThrow();
        assertThat(rejected.reason()).startsWith("Malformed MIME");
        assertThat(new String(as(() -> intake.raw(desk.clientId(), rejected.id(), staff())), StandardCharsets.US_ASCII))
                .contains("no boundary anywhere");
    }

    @Test
    void executableAttachmentsAreRefusedAndTheRestKept() throws Exception {
        deliver(TestMail.from("ann@customer.test").to(desk.address()).subject("Invoice")
                .attach("invoice.pdf", "application/pdf", "%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII))
                .attach("invoice.scr", "application/octet-stream", "MZ\u0090\u0000 payload".getBytes(StandardCharsets.ISO_8859_1))
                .attach("photo.jpg", "image/jpeg", "MZ disguised program".getBytes(StandardCharsets.ISO_8859_1)));

        InboundMessage message = fetchUntil(1).getFirst();
        assertThat(as(() -> comments.attachments(desk.clientId(), message.itemId())))
                .extracting(WorkItemComments.Attachment::filename).containsExactly("invoice.pdf");
        assertThat(message.notes()).singleElement().asString()
                .contains("invoice.scr (executable files are refused)").contains("photo.jpg (executable files are refused)");
    }

    private List<InboundMessage> fetchUntil(int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            poller.poll(desk.clientId());
            return as(() -> intake.messages(desk.clientId(), null, null, 100, staff()));
        }, messages -> messages.size() >= count && messages.stream().noneMatch(m -> m.status() == IntakeStatus.RECEIVED));
    }

    private CurrentUser staff() {
        return CurrentUser.of(desk.setup().maker());
    }

    private void deliver(TestMail mail) throws Exception {
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.bytes())));
    }

    private <T> T as(Callable<T> work) {
        return TenantScope.call(AllowedClients.only(desk.clientId()), () -> transactions.execute(tx -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}
