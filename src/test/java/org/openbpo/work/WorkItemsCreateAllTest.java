package org.openbpo.work;

import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditEntry;
import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ReviseContract;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Items raised together are each what {@link WorkItems#create} raises alone, and a batch is all or nothing. */
class WorkItemsCreateAllTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    Contracts contracts;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void itemsOfTwoServiceLinesAndPrioritiesAreEachWhatASingleCreateGives() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("BATCH"));
        UUID client = setup.client().id();
        CurrentUser requester = CurrentUser.of(setup.requester());
        List<WorkItems.NewWorkItem> batch = List.of(
                new WorkItems.NewWorkItem(policyChange("Address change", Priority.NORMAL), requester),
                new WorkItems.NewWorkItem(question("Where is my policy document?"), requester),
                new WorkItems.NewWorkItem(policyChange("Urgent cover change", Priority.HIGH), requester),
                new WorkItems.NewWorkItem(question("Premium went up"), requester));

        List<WorkItem> raised = as(() -> workItems.createAll(client, batch));
        List<WorkItem> alone = as(() -> List.of(workItems.create(client, policyChange("Alone", Priority.NORMAL), requester),
                workItems.create(client, question("Alone too"), requester),
                workItems.create(client, policyChange("Alone and urgent", Priority.HIGH), requester)));

        assertThat(raised).extracting(WorkItem::title)
                .containsExactly("Address change", "Where is my policy document?", "Urgent cover change", "Premium went up");
        assertThat(raised).extracting(WorkItem::id).doesNotHaveDuplicates();
        assertThat(raised).extracting(WorkItem::serviceLine).containsExactly("policy-admin", "support", "policy-admin", "support");
        assertThat(raised).extracting(WorkItem::queueId).containsExactly(setup.backOfficeQueue().id(), setup.supportQueue().id(),
                setup.backOfficeQueue().id(), setup.supportQueue().id());
        assertThat(raised.get(0).sla().dueAt()).as("8 business hours on the client's calendar")
                .isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));
        for (int[] pair : new int[][] {{0, 0}, {1, 1}, {2, 2}, {3, 1}}) {
            WorkItem batched = raised.get(pair[0]);
            WorkItem single = alone.get(pair[1]);
            assertThat(batched.priority()).isEqualTo(single.priority());
            assertThat(batched.sla()).isEqualTo(single.sla());
            assertThat(batched.firstResponseDueAt()).isEqualTo(single.firstResponseDueAt());
            assertThat(batched.contractVersion()).isEqualTo(single.contractVersion());
            assertThat(batched.workTypeVersion()).isEqualTo(single.workTypeVersion());
            assertThat(batched.state()).isEqualTo(single.state());
            assertThat(batched.category()).isEqualTo(single.category());
            assertThat(batched.channel()).isEqualTo(single.channel());
            assertThat(batched.requester()).isEqualTo(single.requester());
            WorkItem stored = as(() -> workItems.get(client, batched.id()));
            assertThat(stored.sla()).isEqualTo(batched.sla());
            assertThat(stored.form()).isEqualTo(batched.form());
            assertThat(stored.title()).isEqualTo(batched.title());
            List<TimelineEntry> timeline = as(() -> workItems.timeline(client, batched.id()));
            List<TimelineEntry> singleTimeline = as(() -> workItems.timeline(client, single.id()));
            assertThat(timeline).hasSize(1);
            assertThat(timeline.getFirst().type()).isEqualTo("created");
            assertThat(timeline.getFirst().actor()).isEqualTo(singleTimeline.getFirst().actor());
            assertThat(timeline.getFirst().data()).isEqualTo(singleTimeline.getFirst().data());
            assertThat(as(() -> audit.history(client, "work-item", batched.id()))).extracting(AuditEntry::action)
                    .containsExactly("work-item.created");
            // The record says what was raised and from what, not the whole item, alike for a batch and a single create.
            for (WorkItem raisedItem : List.of(batched, single)) {
                assertThat(as(() -> audit.history(client, "work-item", raisedItem.id())).getFirst().after())
                        .contains(raisedItem.title(), raisedItem.requester(), raisedItem.queueId().toString(),
                                "\"workTypeVersion\":" + raisedItem.workTypeVersion(), "\"contractVersion\":1",
                                raisedItem.priority().name(), raisedItem.sla().dueAt().toString())
                        .contains(raisedItem.form().values().stream().map(String::valueOf).toList())
                        .doesNotContain("\"assigneeId\"", "\"sla\"", "\"completedAt\"");
            }
        }
        assertThat(raised.get(2).sla().dueAt()).isBefore(raised.get(0).sla().dueAt());
    }

    @Test
    void oneRefusedItemRefusesTheBatchAndARevisionGovernsTheNextBatch() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("BATCR"));
        UUID client = setup.client().id();
        CurrentUser requester = CurrentUser.of(setup.requester());
        WorkItem first = as(() -> workItems.createAll(client, List.of(new WorkItems.NewWorkItem(policyChange("One", null), requester),
                new WorkItems.NewWorkItem(policyChange("Two", null), requester)))).getFirst();
        assertThat(first.contractVersion()).isEqualTo(1);

        assertThatThrownBy(() -> as(() -> workItems.createAll(client, List.of(
                new WorkItems.NewWorkItem(policyChange("Fine", null), requester),
                new WorkItems.NewWorkItem(new CreateWorkItem("payroll", null, null, "No such line", Map.of(), null), requester)))))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("payroll");
        assertThat(as(() -> workItems.latest(client, Long.MAX_VALUE, 10))).extracting(WorkItem::title)
                .as("nothing of the refused batch").containsExactly("Two", "One");

        clock.advance(Duration.ofMinutes(10));
        TenantScope.run(AllowedClients.ALL, () -> contracts.revise(client, setup.contract().id(), new ReviseContract(
                CalendarSpec.mondayToFriday("Europe/London", "08:00-18:00", List.of()),
                List.of(new SlaTarget("policy-admin", Priority.NORMAL, null, 120, null, null, null),
                        new SlaTarget("support", Priority.NORMAL, 30, 480, null, null, null)),
                null, "Faster turnaround from March")));
        List<WorkItem> after = as(() -> workItems.createAll(client, List.of(new WorkItems.NewWorkItem(policyChange("Three", null), requester),
                new WorkItems.NewWorkItem(policyChange("Four", null), requester))));
        assertThat(after).extracting(WorkItem::contractVersion).containsOnly(2);
        assertThat(after).extracting(item -> item.sla().dueAt()).containsOnly(Instant.parse("2026-03-02T11:10:00Z"));
        assertThat(as(() -> workItems.get(client, after.get(1).id())).contractVersion()).isEqualTo(2);
    }

    private static CreateWorkItem policyChange(String title, @org.jspecify.annotations.Nullable Priority priority) {
        return new CreateWorkItem("policy-admin", null, priority, title, Map.of("requestType", "other", "details", title), null);
    }

    private static CreateWorkItem question(String title) {
        return new CreateWorkItem("support", null, null, title, Map.of("description", title), "EMAIL");
    }

    private <T> T as(Callable<T> work) {
        return TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}
