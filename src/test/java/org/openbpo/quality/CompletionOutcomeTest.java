package org.openbpo.quality;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkStatistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A completion carries what the scorecard counts of the item — SLA verdict, whether it ever waited,
 * handle time, time pending on the client — measured by the engine as the item moved, and equal to
 * what the item's timeline says; an item raised before the engine kept those figures carries none,
 * and its outcome is read from the timeline instead.
 */
class CompletionOutcomeTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    WorkStatistics statistics;
    @Autowired
    CompletedWork completedWork;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    final Map<Long, WorkItemCompleted> completions = new ConcurrentHashMap<>();
    final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof WorkItemCompleted completed) {
            completions.put(completed.itemId(), completed);
        }
    };
    QualityFixture fixture;
    QualityFixture.Setup setup;
    UUID client;

    @BeforeEach
    void listen() {
        ((ConfigurableApplicationContext) context).addApplicationListener(listener);
        clock.set(Instant.parse("2026-06-01T08:30:00Z")); // a Monday, 09:30 in London
        fixture = new QualityFixture(context);
        setup = fixture.clientWithQa(providerAdministrator(), unique("CO"), IntegrationTest::unique);
        client = setup.work().client().id();
    }

    @AfterEach
    void stopListening() {
        ((ConfigurableApplicationContext) context).removeApplicationListener(listener);
    }

    @Test
    void theCompletionCarriesWhatTheTimelineShows() {
        CurrentUser maker = CurrentUser.of(setup.work().maker());
        CurrentUser requester = CurrentUser.of(setup.work().requester());
        WorkItem item = fixture.raise(setup, "Waits twice", Priority.HIGH);
        WorkItem plain = fixture.raise(setup, "Straight through", Priority.NORMAL);
        TenantScope.run(AllowedClients.ALL, () -> workItems.assign(client, item.id(), maker.id(), providerAdministrator()));

        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        fixture.move(item, "processing", maker);
        clock.set(Instant.parse("2026-06-01T09:20:30Z"));
        fixture.move(item, "query_to_client", maker);
        clock.set(Instant.parse("2026-06-01T13:00:00Z"));
        fixture.move(item, "processing", requester);
        clock.set(Instant.parse("2026-06-02T10:00:00Z"));
        fixture.move(item, "query_to_client", maker);
        clock.set(Instant.parse("2026-06-02T10:45:15Z"));
        fixture.move(item, "processing", requester);
        clock.set(Instant.parse("2026-06-02T11:00:00Z"));
        fixture.complete(setup, item);
        fixture.complete(setup, plain);

        WorkStatistics.Outcome carried = completions.get(item.id()).measured();
        assertThat(carried).isNotNull();
        assertThat(carried).isEqualTo(TenantScope.call(AllowedClients.ALL, () -> statistics.outcome(client, item.id())).orElseThrow());
        assertThat(carried.everPaused()).isTrue();
        assertThat(carried.pendingClientSeconds()).isEqualByComparingTo("15885"); // 3 h 39 min 30 s and 45 min 15 s
        assertThat(carried.handleSeconds()).isNotNull();
        WorkStatistics.Outcome straight = completions.get(plain.id()).measured();
        assertThat(straight).isEqualTo(TenantScope.call(AllowedClients.ALL, () -> statistics.outcome(client, plain.id())).orElseThrow());
        assertThat(straight.everPaused()).isFalse();
        assertThat(straight.handleSeconds()).as("nobody held it").isNull();

        awaitCompletedWorkTakenUp();
        assertThat(TenantScope.call(AllowedClients.ALL, () -> completedWork.completed(client, YearMonth.of(2026, 6))))
                .isEqualTo(TenantScope.call(AllowedClients.ALL, () -> statistics.completed(client,
                        Instant.parse("2026-05-31T23:00:00Z"), Instant.parse("2026-06-30T23:00:00Z"))));
    }

    @Test
    void anItemRaisedBeforeTheEngineKeptTheFiguresIsReadFromItsTimeline() {
        CurrentUser maker = CurrentUser.of(setup.work().maker());
        WorkItem item = fixture.raise(setup, "From before", Priority.NORMAL);
        fixture.move(item, "processing", maker);
        fixture.move(item, "query_to_client", maker);
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> jdbc.sql("""
                        update work.work_item set ever_paused = null, pending_client_secs = null, state_entered_at = null
                         where client_id = ? and id = ?""").params(client, item.id()).update()));
        clock.set(Instant.parse("2026-06-01T12:00:00Z"));
        fixture.move(item, "processing", CurrentUser.of(setup.work().requester()));
        fixture.complete(setup, item);

        assertThat(completions.get(item.id()).measured()).isNull();
        awaitCompletedWorkTakenUp();
        List<WorkStatistics.Completed> recorded = TenantScope.call(AllowedClients.ALL,
                () -> completedWork.completed(client, YearMonth.of(2026, 6)));
        assertThat(recorded).isEqualTo(TenantScope.call(AllowedClients.ALL, () -> statistics.completed(client,
                Instant.parse("2026-05-31T23:00:00Z"), Instant.parse("2026-06-30T23:00:00Z"))));
        assertThat(recorded).singleElement().satisfies(c -> assertThat(c.everPaused()).isEqualTo(1));
    }
}
