package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkBehindFigures;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkStatistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard's read model gives the figures the timelines give, for items of two priorities,
 * with handle time and a pause on the client; recording an item again changes nothing.
 */
class CompletedWorkTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    CompletedWork completedWork;
    @Autowired
    WorkStatistics statistics;
    @Autowired
    WorkBehindFigures behind;
    @Autowired
    WorkItems workItems;

    @Test
    void theReadModelCountsWhatTheTimelinesShowAndEachItemOnce() {
        clock.set(Instant.parse("2026-05-04T09:00:00Z")); // a Monday in London's summer time
        QualityFixture fixture = new QualityFixture(context);
        QualityFixture.Setup setup = fixture.clientWithQa(providerAdministrator(), unique("CW"), IntegrationTest::unique);
        UUID client = setup.work().client().id();
        CurrentUser maker = CurrentUser.of(setup.work().maker());

        WorkItem quick = fixture.raise(setup, "Quick", Priority.NORMAL);
        WorkItem urgent = fixture.raise(setup, "Urgent", Priority.HIGH);
        WorkItem paused = fixture.raise(setup, "Waits on the client", Priority.NORMAL);
        WorkItem open = fixture.raise(setup, "Still open", Priority.NORMAL);

        clock.set(Instant.parse("2026-05-04T10:00:00Z"));
        TenantScope.run(AllowedClients.ALL, () -> workItems.recordHandleTime(client, quick.id(), setup.work().maker().id(),
                Instant.parse("2026-05-04T09:10:00Z"), Instant.parse("2026-05-04T09:35:30Z"), "worked on it"));
        fixture.complete(setup, quick);
        fixture.move(paused, "processing", maker);
        fixture.move(paused, "query_to_client", maker);
        clock.set(Instant.parse("2026-05-05T08:00:00Z"));
        fixture.move(paused, "processing", CurrentUser.of(setup.work().requester()));
        clock.set(Instant.parse("2026-05-05T09:30:00Z"));
        fixture.complete(setup, paused);
        clock.set(Instant.parse("2026-05-06T16:00:00Z"));
        fixture.complete(setup, urgent);

        awaitCompletedWorkTakenUp();
        YearMonth may = YearMonth.of(2026, 5);
        Instant from = Instant.parse("2026-04-30T23:00:00Z");
        Instant to = Instant.parse("2026-05-31T23:00:00Z");
        List<WorkStatistics.Completed> fromReadModel = TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, may));
        List<WorkStatistics.Completed> fromTimelines = TenantScope.call(AllowedClients.ALL, () -> statistics.completed(client, from, to));
        assertThat(fromReadModel).isEqualTo(fromTimelines);
        assertThat(fromReadModel).extracting(WorkStatistics.Completed::priority).containsExactly(Priority.HIGH, Priority.NORMAL);
        WorkStatistics.Completed normal = fromReadModel.get(1);
        assertThat(normal.completed()).isEqualTo(2);
        assertThat(normal.everPaused()).isEqualTo(1);
        assertThat(normal.averageHandleSeconds()).isNotNull();

        List<WorkBehindFigures.PendingClient> pending = TenantScope.call(AllowedClients.ALL, () -> completedWork.pendingClient(client, may));
        assertThat(pending).isEqualTo(TenantScope.call(AllowedClients.ALL, () -> behind.pendingClient(client, from, to)));
        assertThat(pending).singleElement().satisfies(p -> {
            assertThat(p.items()).isEqualTo(1);
            assertThat(p.seconds()).isEqualTo(22 * 3600); // 10:00 on the 4th to 08:00 on the 5th
        });

        // delivered again (or an item that is not done): nothing changes
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.record(client, quick.id()))).isFalse();
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.record(client, open.id()))).isFalse();
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.backfill(client))).as("all recorded already").isZero();
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, may))).isEqualTo(fromTimelines);

        // another client's scope sees none of it
        assertThat(TenantScope.call(AllowedClients.only(UUID.randomUUID()), () -> completedWork.completed(client, may))).isEmpty();
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, YearMonth.of(2026, 6)))).isEmpty();
    }
}
