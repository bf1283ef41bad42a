package org.openbpo.work;

import org.junit.jupiter.api.Test;
import org.openbpo.billing.Metering;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Completed work reaches every consumer exactly once; a completion a consumer fails on waits aside. */
class CompletionFeedTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    CompletionFeed feed;
    @Autowired
    Metering metering;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyConsumerActsOnEachCompletionOnceAndTheFeedEmpties() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CFD"));
        CurrentUser agent = CurrentUser.of(setup.maker());
        List<Long> solved = TenantScope.call(AllowedClients.ALL, () -> List.of(1, 2, 3).stream().map(n -> {
            WorkItem item = workItems.create(setup.client().id(), ticket("Parcel " + n), agent);
            return workItems.move(setup.client().id(), item.id(), new MoveWorkItem("solved", null), agent).id();
        }).toList());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(feedRows(setup.client().id())).isZero();
            for (long id : solved) {
                assertThat(TenantScope.call(AllowedClients.ALL, () -> metering.ofWorkItem(setup.client().id(), id))).hasSize(1);
            }
        });
        // The feed is empty for every consumer (billing, quality, support), and draining it again changes nothing.
        feed.drain();
        for (long id : solved) {
            assertThat(TenantScope.call(AllowedClients.ALL, () -> metering.ofWorkItem(setup.client().id(), id))).hasSize(1);
        }
    }

    @Test
    void aCompletionTheConsumerFailsOnIsPutAsideWithItsReasonAndTheRestGoOn() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CFF"));
        CurrentUser agent = CurrentUser.of(setup.maker());
        UUID noSuchClient = UUID.randomUUID();
        // A completion of a client that does not exist: metering cannot find the client's time zone.
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> jdbc.sql("""
                        insert into work.completion_feed (client_id, consumer, item_id, work_type, service_line, outcome,
                            billable_unit, handle_seconds, completed_at)
                        values (?, 'billing.metering', 1, 'support-ticket', 'support', 'DONE', 'ticket', 0, ?)""")
                .params(noSuchClient, java.sql.Timestamp.from(clock.instant())).update()));
        long solved = TenantScope.call(AllowedClients.ALL, () -> {
            WorkItem item = workItems.create(setup.client().id(), ticket("Refund"), agent);
            return workItems.move(setup.client().id(), item.id(), new MoveWorkItem("solved", null), agent).id();
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(TenantScope.call(AllowedClients.ALL, () -> metering.ofWorkItem(setup.client().id(), solved))).hasSize(1));
        Map<String, Object> aside = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql("""
                        select attempts, failure, retry_at > completed_at as later from work.completion_feed
                         where client_id = ? and consumer = 'billing.metering'""")
                .param(noSuchClient).query().singleRow()));
        assertThat((Integer) aside.get("attempts")).isGreaterThanOrEqualTo(1);
        assertThat(aside.get("failure").toString()).contains("NotFound");
        assertThat(aside.get("later")).isEqualTo(true);
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> jdbc.sql(
                "delete from work.completion_feed where client_id = ?").param(noSuchClient).update()));
    }

    @Test
    void aCompletionNumberedBelowWhatThisNodeTookAlreadyIsStillTaken() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CFL"));
        CurrentUser agent = CurrentUser.of(setup.maker());
        TenantScope.run(AllowedClients.ALL, () -> {
            WorkItem item = workItems.create(setup.client().id(), ticket("Taken first"), agent);
            workItems.move(setup.client().id(), item.id(), new MoveWorkItem("solved", null), agent);
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> feedRows(setup.client().id()) == 0);
        // As another node's slower transaction would leave it: numbered below the rows this node took, committed after.
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> jdbc.sql("""
                        insert into work.completion_feed (client_id, consumer, seq, item_id, work_type, service_line, outcome,
                            billable_unit, handle_seconds, completed_at)
                        overriding system value
                        values (?, 'quality.scorecard', 1, -1, 'support-ticket', 'support', 'CANCELLED', 'ticket', 0, ?)""")
                .params(setup.client().id(), java.sql.Timestamp.from(clock.instant())).update()));
        await().atMost(Duration.ofSeconds(20)).until(() -> feedRows(setup.client().id()) == 0);
    }

    private long feedRows(UUID clientId) {
        return TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql(
                "select count(*) from work.completion_feed where client_id = ?").param(clientId).query(Long.class).single()));
    }

    private static CreateWorkItem ticket(String title) {
        return new CreateWorkItem("support", null, null, title, Map.of("description", title), "EMAIL");
    }
}
