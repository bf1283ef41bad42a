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
import org.openbpo.support.persistence.MailboxRows;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client's real (in-process) IMAP mailbox, fetched by the poller: new mail becomes tickets,
 * replies comments, and a node dying before it recorded its place fetches again without
 * duplicating anything.
 */
class MailboxPollingTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired
    ApplicationContext context;
    @Autowired
    MailboxPoller poller;
    @Autowired
    MailboxRows mailboxes;
    @Autowired
    EmailIntake intake;
    @Autowired
    WorkItems workItems;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    SupportFixture.Desk desk;
    GreenMailUser mailbox;

    @BeforeEach
    void aClientWhoseMailboxWeFetch() {
        String code = unique("IMAP");
        String address = "help@" + code.toLowerCase() + ".test";
        mailbox = mailServer.setUser(address, address, "mailbox secret");
        desk = SupportFixture.desk(context, providerAdministrator(), code,
                new ServerAccess("localhost", mailServer.getImap().getPort(), MailSecurity.NONE, address, "mailbox secret"), null);
    }

    @Test
    void newMailBecomesTicketsRepliesCommentsAndAutoRepliesNothing() throws Exception {
        TestMail question = TestMail.from("Ann <ann@customer.test>").to(desk.address()).subject("Policy 4471 renewal")
                .text("When does my policy renew?");
        deliver(question);
        deliver(TestMail.from("ann@customer.test").to(desk.address()).subject("Re: Policy 4471 renewal")
                .inReplyTo(question.messageId()).text("Also: can I pay monthly?\n\nOn Mon, Ann wrote:\n> When does my policy renew?"));
        deliver(TestMail.from("ann@customer.test").to(desk.address()).subject("Out of office").header("Auto-Submitted", "auto-replied"));

        List<InboundMessage> messages = fetchUntil(3);

        assertThat(messages).extracting(InboundMessage::status)
                .containsExactly(IntakeStatus.TICKET_CREATED, IntakeStatus.COMMENT_ADDED, IntakeStatus.IGNORED);
        assertThat(messages).extracting(InboundMessage::source).containsOnly(IntakeSource.IMAP);
        assertThat(messages.get(1).itemId()).isEqualTo(messages.get(0).itemId());
        WorkItem ticket = as(() -> workItems.get(desk.clientId(), messages.get(0).itemId()));
        assertThat(ticket.title()).isEqualTo("Policy 4471 renewal");
        assertThat(ticket.form()).containsEntry("description", "When does my policy renew?");
        assertThat(messages.get(2).reason()).isEqualTo("Automatic message: Auto-Submitted: auto-replied");

        MailboxStatus status = as(() -> context.getBean(SupportChannels.class).mailbox(desk.clientId(),
                org.openbpo.tenancy.CurrentUser.of(desk.setup().maker())));
        assertThat(status.failuresInARow()).isZero();
        assertThat(status.lastError()).isNull();
    }

    @Test
    void aNodeThatDiedBeforeRecordingItsPlaceFetchesAgainWithoutDuplicates() throws Exception {
        deliver(TestMail.from("bob@customer.test").to(desk.address()).subject("First"));
        deliver(TestMail.from("bob@customer.test").to(desk.address()).subject("Second"));
        List<InboundMessage> before = fetchUntil(2);

        // The node stored both messages but died before moving the mailbox's place past them.
        as(() -> jdbc.sql("update support.mailbox_poll set last_uid = 0 where client_id = ?").param(desk.clientId()).update());
        deliver(TestMail.from("bob@customer.test").to(desk.address()).subject("Third"));
        List<InboundMessage> after = fetchUntil(3);

        assertThat(after.subList(0, 2)).isEqualTo(before);
        assertThat(after).extracting(InboundMessage::status).containsOnly(IntakeStatus.TICKET_CREATED);
        assertThat(after).extracting(InboundMessage::itemId).doesNotHaveDuplicates();
    }

    @Test
    void aFullMailboxIsReadInBatchesEachMessageOnceEvenWhenTheNodeDiesMidPoll() throws Exception {
        TestMail first = null;
        for (int n = 0; n < 230; n++) {
            TestMail original = TestMail.from("customer" + n + "@customer.test").to(desk.address()).subject("Order " + n).text("Where is it?");
            deliver(original);
            if (n == 0) {
                first = original;
            }
            if (n < 20) { // a reply in the same batch as the message it answers
                deliver(TestMail.from("customer" + n + "@customer.test").to(desk.address()).subject("Re: Order " + n)
                        .inReplyTo(original.messageId()).text("It came, thanks."));
            }
        }
        deliver(first); // the same message twice in the mailbox
        for (int n = 0; n < 25; n++) { // one sender flooding: the first 20 in a minute count, the rest are ignored
            deliver(TestMail.from("flood@customer.test").to(desk.address()).subject("Spam " + n));
        }
        Map<String, Long> statuses = readUntil(275);
        assertThat(statuses).containsEntry("TICKET_CREATED", 250L).containsEntry("COMMENT_ADDED", 20L).containsEntry("IGNORED", 5L)
                .doesNotContainKeys("RECEIVED", "FAILED");
        assertThat(as(() -> jdbc.sql("select count(*) from work.work_item where client_id = ?").param(desk.clientId())
                .query(Long.class).single())).isEqualTo(250L);

        // The node stored everything but died before moving the mailbox's place past the second batch.
        as(() -> jdbc.sql("update support.mailbox_poll set last_uid = 120 where client_id = ?").param(desk.clientId()).update());
        deliver(TestMail.from("late@customer.test").to(desk.address()).subject("Late"));
        assertThat(readUntil(276)).containsEntry("TICKET_CREATED", 251L).containsEntry("COMMENT_ADDED", 20L).containsEntry("IGNORED", 5L);
        assertThat(as(() -> jdbc.sql("select count(*) from work.work_item where client_id = ?").param(desk.clientId())
                .query(Long.class).single())).isEqualTo(251L);
        assertThat(as(() -> jdbc.sql("select count(*) from work.comment where client_id = ?").param(desk.clientId())
                .query(Long.class).single())).isEqualTo(20L);
    }

    private Map<String, Long> readUntil(long stored) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            poller.poll(desk.clientId());
            Map<String, Long> counts = new java.util.TreeMap<>();
            as(() -> jdbc.sql("select status, count(*) from support.inbound_message where client_id = ? group by status")
                    .param(desk.clientId()).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list());
            return counts;
        }, counts -> counts.values().stream().mapToLong(Long::longValue).sum() >= stored && !counts.containsKey("RECEIVED"));
    }

    @Test
    void oneNodeAtATimeHoldsAMailbox() {
        var mine = as(() -> mailboxes.leaseNow(desk.clientId(), "node-a", clock.instant(), Duration.ofMinutes(5)));
        var theirs = as(() -> mailboxes.leaseNow(desk.clientId(), "node-b", clock.instant(), Duration.ofMinutes(5)));
        if (mine.isPresent()) {
            assertThat(theirs).isEmpty();
            assertThat(poller.poll(desk.clientId())).isFalse();
            var afterExpiry = as(() -> mailboxes.leaseNow(desk.clientId(), "node-b", clock.instant().plus(Duration.ofMinutes(6)),
                    Duration.ofMinutes(5)));
            assertThat(afterExpiry).isPresent();
        } else {
            // the scheduled poller of this very node held it at that moment, which proves the same
            assertThat(theirs).isEmpty();
        }
    }

    @Test
    void aRelayHandsInRawMailThroughTheApi() {
        Api relay = api().as(desk.setup().adminToken());
        String path = "/api/v1/clients/" + desk.clientId() + "/support/inbound";
        TestMail mail = TestMail.from("carol@customer.test").to(desk.address()).subject("Through the relay");

        Api.Response created = relay.post(path, "message/rfc822", mail.bytes());
        Api.Response again = relay.post(path, "message/rfc822", mail.bytes());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("message").path("status").asString()).isEqualTo("TICKET_CREATED");
        assertThat(created.body().path("message").path("source").asString()).isEqualTo("RELAY");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("duplicate").asBoolean()).isTrue();
        assertThat(again.body().path("message").path("itemId").asLong()).isEqualTo(created.body().path("message").path("itemId").asLong());
        assertThat(api().as(desk.setup().makerToken()).post(path, "message/rfc822", mail.bytes()).status()).isEqualTo(403);

        Api.Response listed = relay.get(path + "?status=TICKET_CREATED");
        assertThat(listed.body().path("items").valueStream().map(m -> m.path("subject").asString())).contains("Through the relay");
    }

    private List<InboundMessage> fetchUntil(int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            poller.poll(desk.clientId());
            return as(() -> intake.messages(desk.clientId(), null, null, 100, org.openbpo.tenancy.CurrentUser.of(desk.setup().maker())));
        }, messages -> messages.size() >= count && messages.stream().noneMatch(m -> m.status() == IntakeStatus.RECEIVED));
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
