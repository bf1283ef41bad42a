package org.openbpo.work;

import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditEntry;
import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A move reads the item without locking it. When another transaction changes the item between the
 * move's read and its write, the move reads it again and keeps that change, rather than writing
 * over it with what it read first.
 */
class ConcurrentMoveTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    WorkItemComments comments;

    @Test
    void aChangeCommittedWhileTheMoveWaitsIsKept() throws Exception {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CMV"));
        UUID client = setup.client().id();
        CurrentUser agent = CurrentUser.of(setup.maker());
        WorkItem item = TenantScope.call(AllowedClients.ALL, () -> workItems.create(client, new CreateWorkItem("support", null,
                Priority.NORMAL, "Escalated meanwhile", Map.of("description", "Escalated meanwhile"), null),
                CurrentUser.of(setup.requester())));
        Timestamp escalatedAt = Timestamp.from(clock.instant());

        AtomicReference<String> escalationXid = new AtomicReference<>();
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            // An escalation, as the SLA timer writes one, uncommitted while the move runs.
            Future<?> escalation = threads.submit(() -> TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> {
                assertThat(jdbc.sql("update work.work_item set escalated_at = ?, priority = 3 where client_id = ? and id = ?")
                        .params(escalatedAt, client, item.id()).update()).isEqualTo(1);
                escalationXid.set(jdbc.sql("select pg_current_xact_id()::text").query(String.class).single());
                changed.countDown();
                await(commit);
            })));
            assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
            Future<WorkItem> move = threads.submit(() -> TenantScope.call(agent.allowedClients(),
                    () -> workItems.move(client, item.id(), new MoveWorkItem("open", null), agent)));
            awaitWaitingFor(escalationXid.get(), move);
            commit.countDown();
            escalation.get(30, TimeUnit.SECONDS);
            WorkItem moved = move.get(30, TimeUnit.SECONDS);

            assertThat(moved.state()).isEqualTo("open");
            assertThat(moved.priority()).isEqualTo(Priority.ofRank(3));
        }
        TenantScope.run(AllowedClients.ALL, () -> {
            WorkItem stored = workItems.get(client, item.id());
            assertThat(stored.state()).isEqualTo("open");
            assertThat(stored.sla().escalatedAt()).as("the escalation written while the move waited").isNotNull();
            assertThat(workItems.timeline(client, item.id())).extracting(TimelineEntry::type).containsOnlyOnce("moved");
            assertThat(audit.history(client, "work-item", item.id())).extracting(AuditEntry::action)
                    .containsOnlyOnce("work-item.moved");
        });
    }

    @Test
    void aCustomersAnswerWhileTheAgentResumesTheItemIsFiledWithoutAMoveOfItsOwn() throws Exception {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CMA"));
        UUID client = setup.client().id();
        CurrentUser agent = CurrentUser.of(setup.maker());
        CurrentUser customer = CurrentUser.of(setup.requester());
        WorkItem item = TenantScope.call(AllowedClients.ALL, () -> {
            WorkItem raised = workItems.create(client, new CreateWorkItem("support", null, Priority.NORMAL, "Which courier?",
                    Map.of("description", "Which courier?"), null), customer);
            workItems.take(client, raised.id(), agent);
            workItems.move(client, raised.id(), new MoveWorkItem("open", null), agent);
            return workItems.move(client, raised.id(), new MoveWorkItem("waiting_on_customer", "Order number?"), agent);
        });

        AtomicReference<String> resumeXid = new AtomicReference<>();
        CountDownLatch resumed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            // The agent resumes the item, uncommitted while the customer's answer arrives.
            Future<?> resume = threads.submit(() -> TenantScope.run(agent.allowedClients(), () -> transactions.executeWithoutResult(tx -> {
                workItems.move(client, item.id(), new MoveWorkItem("open", null), agent);
                resumeXid.set(jdbc.sql("select pg_current_xact_id()::text").query(String.class).single());
                resumed.countDown();
                await(commit);
            })));
            assertThat(resumed.await(30, TimeUnit.SECONDS)).isTrue();
            Future<WorkItemComments.Comment> answer = threads.submit(() -> TenantScope.call(customer.allowedClients(),
                    () -> comments.customerAnswered(client, item.id(), "Order 4411", customer)));
            awaitWaitingFor(resumeXid.get(), answer);
            commit.countDown();
            resume.get(30, TimeUnit.SECONDS);
            assertThat(answer.get(30, TimeUnit.SECONDS).body()).isEqualTo("Order 4411");
        }
        TenantScope.run(AllowedClients.ALL, () -> {
            assertThat(workItems.get(client, item.id()).state()).isEqualTo("open");
            assertThat(comments.of(client, item.id())).extracting(WorkItemComments.Comment::body).containsExactly("Order 4411");
            assertThat(workItems.timeline(client, item.id())).filteredOn(entry -> entry.type().equals("moved"))
                    .as("created → open → waiting → open: the agent's resume, none by the customer").hasSize(3);
        });
    }

    /** Until the move waits for the escalation's transaction to end (as its write of the item must). */
    private void awaitWaitingFor(String xid, Future<?> move) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (move.isDone()) {
                move.get(); // its failure, if any
                throw new AssertionError("the move ended without waiting for the other transaction");
            }
            Long waiting = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql("""
                    select count(*) from pg_locks where locktype = 'transactionid' and not granted and transactionid::text = ?""")
                    .param(xid).query(Long.class).single()));
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the move never waited for the escalation");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
