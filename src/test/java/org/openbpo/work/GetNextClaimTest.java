package org.openbpo.work;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Get-next finds the queue with the most urgent waiting work without locking anything and locks only
 * the item it takes; items another agent is claiming at that moment are passed over, also when that
 * is every waiting item of the queue.
 */
class GetNextClaimTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    WorkFixture.Setup setup;
    CurrentUser agent;
    Set<UUID> queues;
    List<Long> urgent;
    List<Long> support;

    @BeforeEach
    void twoQueuesOfRequestsInAKnownOrder() {
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("GNC"));
        agent = CurrentUser.of(setup.maker());
        queues = Set.of(setup.backOfficeQueue().id(), setup.supportQueue().id());
        CurrentUser requester = CurrentUser.of(setup.requester());
        urgent = new ArrayList<>();
        support = new ArrayList<>();
        TenantScope.run(AllowedClients.ALL, () -> {
            for (int i = 0; i < 4; i++) {
                clock.advance(Duration.ofMinutes(1)); // each due a minute after the one before
                urgent.add(workItems.create(setup.client().id(), new CreateWorkItem("policy-admin", null, Priority.HIGH,
                        "Urgent " + i, Map.of("requestType", "other", "details", "Urgent " + i), null), requester).id());
                support.add(workItems.create(setup.client().id(), new CreateWorkItem("support", null, Priority.NORMAL,
                        "Question " + i, Map.of("description", "Question " + i), null), requester).id());
            }
        });
    }

    @Test
    void getNextTakesTheMostUrgentItemNobodyIsClaiming() throws Exception {
        Optional<WorkItem> claimed = whileOthersHold(urgent.subList(0, 2));
        assertThat(claimed).map(WorkItem::id).contains(urgent.get(2));
        assertThat(assignee(urgent.get(0))).isNull();
        assertThat(assignee(urgent.get(1))).isNull();
    }

    @Test
    void whenOthersAreClaimingEveryItemOfTheMostUrgentQueueGetNextTakesTheNextQueuesFirst() throws Exception {
        Optional<WorkItem> claimed = whileOthersHold(urgent);
        assertThat(claimed).map(WorkItem::id).contains(support.getFirst());
        assertThat(assignee(support.getFirst())).isEqualTo(agent.id());
        assertThat(urgent).allSatisfy(id -> assertThat(assignee(id)).isNull());
    }

    @Test
    void anItemAssignedElsewhereIsNotTakenAgain() {
        UUID checker = setup.checker().id();
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx ->
                jdbc.sql("update work.work_item set assignee_id = ? where client_id = ? and id = ?")
                        .params(checker, setup.client().id(), urgent.getFirst()).update()));
        Optional<WorkItem> claimed = TenantScope.call(agent.allowedClients(),
                () -> workItems.claimNext(agent, queues, Integer.MAX_VALUE));
        assertThat(claimed).map(WorkItem::id).contains(urgent.get(1));
        assertThat(assignee(urgent.getFirst())).isEqualTo(checker);
    }

    /** Claims for the agent while another transaction holds locks on the given items, as agents claiming them would. */
    private Optional<WorkItem> whileOthersHold(List<Long> ids) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            Future<?> holding = other.submit(() -> TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> {
                for (long id : ids) {
                    jdbc.sql("select id from work.work_item where client_id = ? and id = ? for update")
                            .params(setup.client().id(), id).query(Long.class).single();
                }
                locked.countDown();
                try {
                    done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            try {
                return TenantScope.call(agent.allowedClients(), () -> workItems.claimNext(agent, queues, Integer.MAX_VALUE));
            } finally {
                done.countDown();
                holding.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private UUID assignee(long id) {
        return TenantScope.call(AllowedClients.ALL, () -> workItems.get(setup.client().id(), id).assigneeId());
    }
}
