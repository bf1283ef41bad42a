package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.quality.persistence.CompletedWorkRows;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkBehindFigures;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkStatistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
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
    @Autowired
    CompletedWorkRows rows;
    @Autowired
    TransactionTemplate transactions;

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
        // Completed before its SLA warning (12:12) falls due: the node's timers run every second, and once
        // the clock jumps past the warning they may escalate it to URGENT before the test completes it.
        fixture.complete(setup, urgent);
        fixture.move(paused, "processing", maker);
        fixture.move(paused, "query_to_client", maker);
        clock.set(Instant.parse("2026-05-05T08:00:00Z"));
        fixture.move(paused, "processing", CurrentUser.of(setup.work().requester()));
        clock.set(Instant.parse("2026-05-05T09:30:00Z"));
        fixture.complete(setup, paused);

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

    /**
     * A batch is recorded in one statement: items sharing a tally stripe add up on it, an item twice in
     * the batch counts once, and a second batch overlapping the first adds only its new items.
     */
    @Test
    void aBatchAddsEachNewItemOnceToItsStripe() {
        clock.set(Instant.parse("2026-05-04T09:00:00Z"));
        QualityFixture fixture = new QualityFixture(context);
        UUID client = fixture.clientWithQa(providerAdministrator(), unique("CB"), IntegrationTest::unique).work().client().id();
        YearMonth may = YearMonth.of(2026, 5);
        // items 1, 17 and 33 share stripe 1; item 2 is on stripe 2 and comes twice
        List<CompletedWorkRows.Dated> first = List.of(done(may, 1, true, false, "60", "0"), done(may, 17, false, true, null, "3600"),
                done(may, 2, null, false, "30", "0"), done(may, 2, null, false, "30", "0"), done(may, 33, true, false, "90", "0"));
        int recorded = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> rows.recordAll(client, first)));
        assertThat(recorded).isEqualTo(4);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, may))).singleElement().satisfies(c -> {
            assertThat(c.completed()).isEqualTo(4);
            assertThat(c.withSla()).isEqualTo(3);
            assertThat(c.slaMet()).isEqualTo(2);
            assertThat(c.everPaused()).isEqualTo(1);
            assertThat(c.handled()).isEqualTo(3);
            assertThat(c.averageHandleSeconds()).isEqualTo(60.0); // (60 + 30 + 90) / 3 handled
        });
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.pendingClient(client, may))).singleElement()
                .satisfies(p -> {
                    assertThat(p.items()).isEqualTo(1);
                    assertThat(p.seconds()).isEqualTo(3600);
                });

        List<CompletedWorkRows.Dated> second = List.of(done(may, 17, false, true, null, "3600"), done(may, 49, true, false, "120", "0"));
        int again = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> rows.recordAll(client, second)));
        assertThat(again).isEqualTo(1);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, may))).singleElement().satisfies(c -> {
            assertThat(c.completed()).isEqualTo(5);
            assertThat(c.slaMet()).isEqualTo(3);
            assertThat(c.handled()).isEqualTo(4);
            assertThat(c.averageHandleSeconds()).isEqualTo(75.0); // (60 + 30 + 90 + 120) / 4
        });
    }

    /**
     * A ticket solved in May, reopened by the customer and solved again in June counts once, in June;
     * one solved in May, reopened and closed unsolved counts nowhere: the read model gives what the
     * timelines give for both months. A late redelivery of the first solve changes nothing.
     */
    @Test
    void aReopenedItemCountsByItsLatestClosing() {
        clock.set(Instant.parse("2026-05-28T09:00:00Z"));
        QualityFixture fixture = new QualityFixture(context);
        QualityFixture.Setup setup = fixture.clientWithQa(providerAdministrator(), unique("CR"), IntegrationTest::unique);
        UUID client = setup.work().client().id();
        CurrentUser agent = CurrentUser.of(setup.work().maker());
        CurrentUser customer = CurrentUser.of(setup.work().requester());
        WorkItem solvedTwice = ticket(setup, "Solved twice");
        WorkItem cancelled = ticket(setup, "Solved, then closed unsolved");
        WorkItem once = ticket(setup, "Solved once");
        for (WorkItem item : List.of(solvedTwice, cancelled, once)) {
            fixture.move(item, "open", agent);
            fixture.move(item, "solved", agent);
        }
        awaitCompletedWorkTakenUp();
        YearMonth may = YearMonth.of(2026, 5);
        YearMonth june = YearMonth.of(2026, 6);
        assertThat(supportCompleted(client, may)).isEqualTo(3);

        clock.set(Instant.parse("2026-06-02T09:00:00Z"));
        fixture.move(solvedTwice, "open", customer);
        fixture.move(cancelled, "open", customer);
        clock.set(Instant.parse("2026-06-02T11:00:00Z"));
        fixture.move(solvedTwice, "solved", agent);
        fixture.move(cancelled, "closed_unsolved", agent);
        awaitCompletedWorkTakenUp();

        assertThat(supportCompleted(client, may)).as("May keeps only the ticket solved once").isEqualTo(1);
        assertThat(supportCompleted(client, june)).as("June has the ticket solved again").isEqualTo(1);
        for (YearMonth month : List.of(may, june)) {
            Instant from = month.atDay(1).atStartOfDay(java.time.ZoneId.of("Europe/London")).toInstant();
            Instant to = month.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneId.of("Europe/London")).toInstant();
            assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, month)))
                    .as(month.toString()).isEqualTo(TenantScope.call(AllowedClients.ALL, () -> statistics.completed(client, from, to)));
        }

        // the first solve delivered again, late: June keeps the ticket
        WorkStatistics.Outcome firstSolve = new WorkStatistics.Outcome(solvedTwice.id(), "support", Priority.NORMAL,
                Instant.parse("2026-05-28T09:00:00Z"), true, false, null, BigDecimal.ZERO);
        int changed = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                rows.recordAll(client, List.of(new CompletedWorkRows.Dated(may, firstSolve)))));
        assertThat(changed).isZero();
        assertThat(supportCompleted(client, may)).isEqualTo(1);
        assertThat(supportCompleted(client, june)).isEqualTo(1);
    }

    private WorkItem ticket(QualityFixture.Setup setup, String title) {
        return TenantScope.call(AllowedClients.ALL, () -> workItems.create(setup.work().client().id(), new CreateWorkItem("support",
                null, Priority.NORMAL, title, Map.of("description", title), null), CurrentUser.of(setup.work().requester())));
    }

    private long supportCompleted(UUID client, YearMonth month) {
        return TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, month)).stream()
                .filter(c -> c.serviceLine().equals("support")).mapToLong(WorkStatistics.Completed::completed).sum();
    }

    /**
     * Rows recorded from a batch: an item completed again later moves between months and between its
     * figures on the tallies; one completed earlier than recorded, or the same completion again, changes nothing.
     */
    @Test
    void aLaterCompletionReplacesTheRecordedOneOnItsTallies() {
        clock.set(Instant.parse("2026-05-04T09:00:00Z"));
        QualityFixture fixture = new QualityFixture(context);
        UUID client = fixture.clientWithQa(providerAdministrator(), unique("CL"), IntegrationTest::unique).work().client().id();
        YearMonth may = YearMonth.of(2026, 5);
        YearMonth june = YearMonth.of(2026, 6);
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> rows.recordAll(client,
                List.of(done(may, 1, true, false, "60", "0"), done(may, 2, false, true, "30", "600")))));

        WorkStatistics.Outcome again = new WorkStatistics.Outcome(2, "SUPPORT", Priority.NORMAL, Instant.parse("2026-06-03T10:00:00Z"),
                true, true, new BigDecimal("90"), new BigDecimal("900"));
        // the later completion and, in the same batch, an earlier one of the same item
        int changed = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> rows.recordAll(client,
                List.of(new CompletedWorkRows.Dated(june, again), done(may, 2, false, true, "30", "600")))));
        assertThat(changed).isEqualTo(1);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, may))).singleElement().satisfies(c -> {
            assertThat(c.completed()).isEqualTo(1);
            assertThat(c.slaMet()).isEqualTo(1);
            assertThat(c.everPaused()).isZero();
            assertThat(c.averageHandleSeconds()).isEqualTo(60.0);
        });
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.pendingClient(client, may))).singleElement()
                .satisfies(p -> assertThat(p.items()).isZero());
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, june))).singleElement().satisfies(c -> {
            assertThat(c.completed()).isEqualTo(1);
            assertThat(c.slaMet()).isEqualTo(1);
            assertThat(c.everPaused()).isEqualTo(1);
            assertThat(c.averageHandleSeconds()).isEqualTo(90.0);
        });
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.pendingClient(client, june))).singleElement()
                .satisfies(p -> assertThat(p.seconds()).isEqualTo(900));

        int redelivered = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> rows.recordAll(client,
                List.of(done(may, 2, false, true, "30", "600"), new CompletedWorkRows.Dated(june, again)))));
        assertThat(redelivered).isZero();
        // closed again without being done: it leaves June
        int gone = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> rows.forgetEarlier(client,
                Map.of(2L, Instant.parse("2026-06-05T10:00:00Z"), 1L, Instant.parse("2026-05-01T00:00:00Z")))));
        assertThat(gone).as("item 1's row is newer than the closing given for it").isEqualTo(1);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, june))).singleElement()
                .satisfies(c -> assertThat(c.completed()).isZero());
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, may))).singleElement()
                .satisfies(c -> assertThat(c.completed()).isEqualTo(1));
    }

    private static CompletedWorkRows.Dated done(YearMonth period, long itemId, Boolean slaMet, boolean everPaused,
                                                String handleSeconds, String pendingClientSeconds) {
        return new CompletedWorkRows.Dated(period, new WorkStatistics.Outcome(itemId, "SUPPORT", Priority.NORMAL,
                Instant.parse("2026-05-04T10:00:00Z"), slaMet, everPaused, handleSeconds == null ? null : new BigDecimal(handleSeconds),
                new BigDecimal(pendingClientSeconds)));
    }
}
