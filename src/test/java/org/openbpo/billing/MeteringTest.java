package org.openbpo.billing;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.openbpo.work.WorkFixture;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Completed work becomes usage exactly once, whatever happens to the completion event. */
class MeteringTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    Metering metering;

    @Test
    void aSolvedTicketIsMeteredOnceInTheClientsMonthAndACancelledOneNotAtAll() throws Exception {
        // 23:30 UTC on 31 March is 00:30 on 1 April in London (summer time since 29 March): April's usage.
        clock.set(Instant.parse("2026-03-31T23:30:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("MTR"));
        CurrentUser agent = CurrentUser.of(setup.maker());
        WorkItem solved = TenantScope.call(AllowedClients.ALL, () -> {
            WorkItem item = workItems.create(setup.client().id(), ticket("Where is my order?"), agent);
            return workItems.move(setup.client().id(), item.id(), new MoveWorkItem("solved", null), agent);
        });
        WorkItem cancelled = TenantScope.call(AllowedClients.ALL, () -> {
            WorkItem item = workItems.create(setup.client().id(), ticket("Sent by mistake"), agent);
            workItems.move(setup.client().id(), item.id(), new MoveWorkItem("open", null), agent);
            return workItems.move(setup.client().id(), item.id(), new MoveWorkItem("closed_unsolved", null), agent);
        });

        List<UsageRecord> usage = awaitUsage(setup, solved.id());
        assertThat(usage).singleElement().satisfies(record -> {
            assertThat(record.unit()).isEqualTo("ticket");
            assertThat(record.serviceLine()).isEqualTo("support");
            assertThat(record.period()).isEqualTo(java.time.LocalDate.of(2026, 4, 1));
        });
        Thread.sleep(500);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> metering.ofWorkItem(setup.client().id(), cancelled.id()))).isEmpty();

        // A redelivered event (after a crash between delivery and completion) adds nothing.
        WorkItemCompleted again = new WorkItemCompleted(setup.client().id(), solved.id(), "support-ticket", "support", "DONE",
                "ticket", true, 0, agent.id(), null, clock.instant());
        TenantScope.run(AllowedClients.ALL, () -> metering.accept(again));
        Thread.sleep(500);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> metering.ofWorkItem(setup.client().id(), solved.id()))).hasSize(1);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> metering.summary(setup.client().id(), java.time.LocalDate.of(2026, 4, 1))))
                .singleElement().satisfies(summary -> assertThat(summary.records()).isEqualTo(1));
    }

    private List<UsageRecord> awaitUsage(WorkFixture.Setup setup, long itemId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<UsageRecord> usage = TenantScope.call(AllowedClients.ALL, () -> metering.ofWorkItem(setup.client().id(), itemId));
            if (!usage.isEmpty()) {
                return usage;
            }
            Thread.sleep(100);
        }
        return List.of();
    }

    private static CreateWorkItem ticket(String title) {
        return new CreateWorkItem("support", null, Priority.NORMAL, title, Map.of("description", title), "EMAIL");
    }
}
