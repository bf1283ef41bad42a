package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditEntry;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.TimelineEntry;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of customer emails raises its new tickets together (one statement for the items, their
 * timelines and search words, one for their audit records); each ticket is what the message would
 * have raised on its own.
 */
class EmailIntakeBatchTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EmailIntake intake;
    @Autowired
    WorkItems workItems;
    @Autowired
    WorkItemComments comments;
    @Autowired
    SupportTickets tickets;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate transactions;

    SupportFixture.Desk desk;

    @BeforeEach
    void aClientWithAnEmailChannel() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        desk = SupportFixture.desk(context, providerAdministrator(), unique("MAILB"), null, null);
    }

    @Test
    void aBatchsTicketsAreEachWhatTheirMessageRaisesAloneWithTimelineAuditWordsAndAttachments() {
        IntakeOutcome alone = TenantScope.call(AllowedClients.only(desk.clientId()), () -> intake.receive(desk.clientId(),
                TestMail.from("Ada Alone <ada@customer.test>").to(desk.address()).subject("Kettle leaking")
                        .text("The kettle leaks from the base.").bytes(), IntakeSource.RELAY));
        List<IntakeOutcome> outcomes = receiveAll(
                TestMail.from("Bo Batch <bo@customer.test>").to(desk.address()).subject("Toaster sparking")
                        .text("The toaster sparks when switched on."),
                TestMail.from("cy@customer.test").to(desk.address()).subject("Blender noisy")
                        .text("A grinding noise since Friday.").attach("noise.txt", "text/plain", "grrr".getBytes(StandardCharsets.UTF_8)),
                TestMail.from("di@customer.test").to(desk.address()).subject("Fridge warm").text("Milk went sour overnight."));

        assertThat(outcomes).extracting(o -> o.message().status()).containsOnly(IntakeStatus.TICKET_CREATED);
        List<Long> ids = outcomes.stream().map(o -> o.message().itemId()).toList();
        assertThat(ids).as("raised in the order the messages came").isSorted().doesNotHaveDuplicates();
        WorkItem single = as(() -> workItems.get(desk.clientId(), alone.message().itemId()));
        List<WorkItem> batch = ids.stream().map(id -> as(() -> workItems.get(desk.clientId(), id))).toList();
        assertThat(batch).allSatisfy(ticket -> {
            assertThat(ticket.contractVersion()).isEqualTo(single.contractVersion());
            assertThat(ticket.workTypeVersion()).isEqualTo(single.workTypeVersion());
            assertThat(ticket.queueId()).isEqualTo(single.queueId());
            assertThat(ticket.state()).isEqualTo(single.state());
            assertThat(ticket.channel()).isEqualTo("EMAIL");
            assertThat(ticket.priority()).isEqualTo(single.priority());
            assertThat(ticket.sla().dueAt()).as("the SLA started on the client's calendar, as for a single ticket")
                    .isNotNull().isEqualTo(single.sla().dueAt());
            assertThat(ticket.firstResponseDueAt()).isEqualTo(single.firstResponseDueAt());
            assertThat(ticket.createdAt()).isEqualTo(single.createdAt());
        });
        assertThat(batch).extracting(WorkItem::requester).containsExactly("bo@customer.test", "cy@customer.test", "di@customer.test");
        assertThat(batch).extracting(WorkItem::title).containsExactly("Toaster sparking", "Blender noisy", "Fridge warm");
        assertThat(batch.get(2).form()).containsEntry("customerEmail", "di@customer.test")
                .containsEntry("description", "Milk went sour overnight.");

        for (WorkItem ticket : batch) {
            List<TimelineEntry> timeline = as(() -> workItems.timeline(desk.clientId(), ticket.id()));
            assertThat(timeline.getFirst().type()).isEqualTo("created");
            assertThat(timeline.getFirst().actor()).isEqualTo(ticket.requester());
            assertThat(timeline.getFirst().data()).contains("\"state\"", "\"queue\"", "\"priority\"");
            assertThat(as(() -> audit.history(desk.clientId(), "work-item", ticket.id()))).extracting(AuditEntry::action)
                    .containsExactlyElementsOf(ticket.id() == ids.get(1)
                            ? List.of("work-item.created", "work-item.attached") : List.of("work-item.created"));
            assertThat(as(() -> audit.history(desk.clientId(), "work-item", ticket.id())).getFirst().after())
                    .contains(ticket.title());
        }
        assertThat(as(() -> comments.attachments(desk.clientId(), ids.get(1)))).singleElement()
                .satisfies(file -> assertThat(file.filename()).isEqualTo("noise.txt"));
        assertThat(as(() -> comments.attachments(desk.clientId(), ids.get(0)))).isEmpty();

        CurrentUser staff = providerAdministrator();
        assertThat(as(() -> tickets.search(desk.clientId(), "sparks", Long.MAX_VALUE, 10, staff))).extracting(WorkItem::id)
                .containsExactly(ids.get(0));
        assertThat(as(() -> tickets.search(desk.clientId(), "grinding", Long.MAX_VALUE, 10, staff))).extracting(WorkItem::id)
                .containsExactly(ids.get(1));
        assertThat(as(() -> tickets.search(desk.clientId(), "kettle", Long.MAX_VALUE, 10, staff))).extracting(WorkItem::id)
                .containsExactly(single.id());
    }

    @Test
    void repliesBetweenNewMessagesOfOneBatchFindTheirTicketsAndKeepTheOrderTheyCameIn() {
        TestMail first = TestMail.from("el@customer.test").to(desk.address()).subject("Door stuck").text("It will not open.");
        TestMail second = TestMail.from("fi@customer.test").to(desk.address()).subject("Window cracked").text("A crack in the pane.");
        TestMail replyToFirst = TestMail.from("el@customer.test").to(desk.address()).subject("Re: Door stuck")
                .inReplyTo(first.messageId()).text("It opens from outside.");
        TestMail third = TestMail.from("gus@customer.test").to(desk.address()).subject("Tap dripping").text("Drip drip.");
        TestMail replyToThird = TestMail.from("gus@customer.test").to(desk.address()).subject("Re: Tap dripping")
                .inReplyTo(third.messageId()).text("Now it is a stream.");

        List<IntakeOutcome> outcomes = receiveAll(first, second, replyToFirst, third, replyToThird);

        assertThat(outcomes).extracting(o -> o.message().status()).containsExactly(IntakeStatus.TICKET_CREATED,
                IntakeStatus.TICKET_CREATED, IntakeStatus.COMMENT_ADDED, IntakeStatus.TICKET_CREATED, IntakeStatus.COMMENT_ADDED);
        long door = outcomes.get(0).message().itemId();
        long tap = outcomes.get(3).message().itemId();
        assertThat(outcomes.get(2).message().itemId()).isEqualTo(door);
        assertThat(outcomes.get(4).message().itemId()).isEqualTo(tap);
        assertThat(List.of(door, outcomes.get(1).message().itemId(), tap)).isSorted().doesNotHaveDuplicates();
        assertThat(as(() -> comments.of(desk.clientId(), door))).extracting(WorkItemComments.Comment::body)
                .containsExactly("It opens from outside.");
        assertThat(as(() -> comments.of(desk.clientId(), tap))).extracting(WorkItemComments.Comment::body)
                .containsExactly("Now it is a stream.");

        List<IntakeOutcome> again = receiveAll(first, second, replyToFirst, third, replyToThird);
        assertThat(again).extracting(IntakeOutcome::duplicate).containsOnly(true);
        assertThat(again).extracting(o -> o.message().itemId()).containsExactlyElementsOf(
                outcomes.stream().map(o -> o.message().itemId()).toList());
    }

    @Test
    void aMailboxCatchingUpAfterAnOutageRaisesEveryMessageAndAFloodInItIsStillOne() {
        clock.set(Instant.parse("2026-03-02T12:00:00Z")); // three hours after the first of them was written
        java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME;
        List<TestMail> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            backlog.add(TestMail.from("hr@client.test").to(desk.address()).subject("Request " + i).text("Please see to it.")
                    .header("Date", date.format(java.time.ZonedDateTime.parse("2026-03-02T09:00:00Z").plusMinutes(7L * i))));
        }
        for (int i = 0; i < 25; i++) {
            backlog.add(TestMail.from("robot@flood.test").to(desk.address()).subject("Flood " + i).text("beep")
                    .header("Date", date.format(java.time.ZonedDateTime.parse("2026-03-02T10:00:00Z").plusSeconds(i))));
        }

        List<IntakeOutcome> outcomes = receiveAll(backlog.toArray(TestMail[]::new));

        assertThat(outcomes.subList(0, 25)).extracting(o -> o.message().status()).as("written hours apart: no flood")
                .containsOnly(IntakeStatus.TICKET_CREATED);
        assertThat(outcomes.subList(25, 50)).extracting(o -> o.message().status())
                .as("twenty-five written within a minute: the ones past twenty are a flood")
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 25)
                        .mapToObj(i -> i < 20 ? IntakeStatus.TICKET_CREATED : IntakeStatus.IGNORED).toList());
    }

    @Test
    void aBatchForAClientOutsideTheCallersScopeRaisesNothing() {
        SupportFixture.Desk other = SupportFixture.desk(context, providerAdministrator(), unique("MAILO"), null, null);
        // Raised once under the other client's own scope, so its configuration is remembered.
        TenantScope.run(AllowedClients.only(other.clientId()), () -> transactions.executeWithoutResult(tx ->
                workItems.createAll(other.clientId(), List.of(newTicket(other, "one"), newTicket(other, "two")))));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantScope.run(AllowedClients.only(desk.clientId()), () ->
                        transactions.executeWithoutResult(tx ->
                                workItems.createAll(other.clientId(), List.of(newTicket(other, "three"), newTicket(other, "four"))))))
                .isInstanceOf(org.openbpo.shared.error.NotFound.class);
        List<WorkItem> raised = TenantScope.call(AllowedClients.only(other.clientId()), () -> transactions.execute(tx ->
                workItems.latest(other.clientId(), Long.MAX_VALUE, 10)));
        assertThat(raised).extracting(WorkItem::title).containsExactly("two", "one");
    }

    private WorkItems.NewWorkItem newTicket(SupportFixture.Desk on, String title) {
        return new WorkItems.NewWorkItem(new org.openbpo.work.CreateWorkItem("support", null, null, title,
                java.util.Map.of("description", title), "EMAIL"), org.openbpo.support.mail.Customers.of(on.clientId(), "x@customer.test", null));
    }

    private List<IntakeOutcome> receiveAll(TestMail... mails) {
        return TenantScope.call(AllowedClients.only(desk.clientId()), () -> intake.receiveAll(desk.clientId(),
                Stream.of(mails).map(mail -> new EmailIntake.Incoming(mail.bytes(), mail.bytes().length)).toList(), IntakeSource.IMAP));
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
