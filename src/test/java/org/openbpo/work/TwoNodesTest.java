package org.openbpo.work;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.OpenBpoApplication;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ReviseContract;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.openbpo.work.sla.SlaTimers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one database, as a provider runs them behind a load balancer: work is
 * never given twice, an SLA timer fires once, and a node that dies mid-escalation loses nothing.
 */
class TwoNodesTest extends IntegrationTest {

    private static final int ITEMS = 240;

    @Autowired
    ApplicationContext nodeA;

    static ConfigurableApplicationContext nodeB;
    WorkFixture.Setup setup;
    List<Long> items;

    @BeforeEach
    void twoNodesAndAFullQueue() {
        if (nodeB == null) {
            nodeB = startNodeB();
        }
        setup = new WorkFixture(nodeA).clientUnderContract(providerAdministrator(), unique("TWO"));
        CurrentUser requester = CurrentUser.of(setup.requester());
        WorkItems workItems = nodeA.getBean(WorkItems.class);
        items = TenantScope.call(AllowedClients.ALL, () -> {
            List<Long> created = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                created.add(workItems.create(setup.client().id(), new CreateWorkItem("policy-admin", null,
                        i % 3 == 0 ? Priority.HIGH : Priority.NORMAL, "Request " + i,
                        Map.of("requestType", "other", "details", "Request " + i), null), requester).id());
            }
            return created;
        });
    }

    private ConfigurableApplicationContext startNodeB() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.settings().springProperties());
        return new SpringApplicationBuilder(OpenBpoApplication.class)
                .properties(properties)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                // arguments, unlike default properties, outrank application.properties
                .run("--server.port=0", "--openbpo.sla.timer-interval=3600000", "--openbpo.audit.seal-interval=3600000",
                        "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    @Test
    void concurrentGetNextOnBothNodesNeverGivesAnItemTwice() throws Exception {
        Set<UUID> queue = Set.of(setup.backOfficeQueue().id());
        Map<Long, UUID> claimedBy = new ConcurrentHashMap<>();
        AtomicInteger doubles = new AtomicInteger();
        List<CurrentUser> agents = List.of(CurrentUser.of(setup.maker()), CurrentUser.of(setup.checker()));
        try (ExecutorService threads = Executors.newFixedThreadPool(12)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                WorkItems node = (t % 2 == 0 ? nodeA : nodeB).getBean(WorkItems.class);
                CurrentUser agent = agents.get(t % 2);
                running.add(threads.submit(() -> {
                    while (true) {
                        var item = TenantScope.call(agent.allowedClients(), () -> node.claimNext(agent, queue, Integer.MAX_VALUE));
                        if (item.isEmpty()) {
                            return;
                        }
                        if (claimedBy.putIfAbsent(item.get().id(), agent.id()) != null) {
                            doubles.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(doubles).hasValue(0);
        assertThat(claimedBy.keySet()).containsExactlyInAnyOrderElementsOf(items);
        assertThat(eventsPerItem("assigned")).containsOnlyKeys(items).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
    }

    @Test
    void aChangeMadeOnOneNodeGovernsTheNextItemTheOtherNodeCreates() {
        UUID client = setup.client().id();
        CurrentUser requester = CurrentUser.of(setup.requester());
        WorkItems onA = nodeA.getBean(WorkItems.class);
        WorkItem first = raise(onA, requester);
        assertThat(first.contractVersion()).isEqualTo(1);
        assertThat(first.queueId()).isEqualTo(setup.backOfficeQueue().id());

        clock.advance(Duration.ofMinutes(1));
        TenantScope.run(AllowedClients.ALL, () -> nodeB.getBean(Contracts.class).revise(client, setup.contract().id(),
                new ReviseContract(CalendarSpec.mondayToFriday("Europe/London", "08:00-18:00", List.of()),
                        List.of(new SlaTarget("policy-admin", Priority.NORMAL, null, 120, null, null, null)), null,
                        "Faster turnaround")));
        assertThat(raise(onA, requester).contractVersion()).as("revised on node B").isEqualTo(2);

        TenantScope.run(AllowedClients.ALL, () -> {
            WorkTypes types = nodeB.getBean(WorkTypes.class);
            types.define(client, types.current(client, first.workType()).definition());
        });
        assertThat(raise(onA, requester).workTypeVersion()).as("defined again on node B").isEqualTo(first.workTypeVersion() + 1);

        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofDays(30))); // a queue opened earlier than the line's first one comes first
        Queue earlier = TenantScope.call(AllowedClients.ALL, () -> nodeB.getBean(Queues.class).open(client,
                new OpenQueue("aaa-first", "Comes first", "policy-admin", null, null, null)));
        clock.set(now);
        assertThat(raise(onA, requester).queueId()).as("opened on node B").isEqualTo(earlier.id());
    }

    @Test
    void aTimeZoneChangedOnOneNodeIsHowTheOtherNodeCountsTheTermsDaysSoon() {
        UUID client = setup.client().id();
        CurrentUser requester = CurrentUser.of(setup.requester());
        clock.set(Instant.parse("2026-03-02T12:00:00Z")); // noon of 2 March in London, already 3 March on Kiritimati (UTC+14)
        int version = TenantScope.call(AllowedClients.ALL, () -> nodeA.getBean(Contracts.class).revise(client, setup.contract().id(),
                new ReviseContract(CalendarSpec.mondayToFriday("Europe/London", "09:00-17:30", List.of()),
                        List.of(new SlaTarget("policy-admin", Priority.NORMAL, null, 120, null, null, null)), null,
                        "Last day today", LocalDate.of(2026, 3, 2)))).version();
        WorkItems onB = nodeB.getBean(WorkItems.class);
        raise(onB, requester); // node B keeps the terms, their last day counted in London

        Client before = setup.client();
        TenantScope.run(AllowedClients.ALL, () -> nodeA.getBean(Clients.class).update(client, new RegisterClient(before.code(),
                before.name(), before.legalEntity(), before.country(), "Pacific/Kiritimati", "GBP", before.status())));

        assertThatThrownBy(() -> raise(nodeA.getBean(WorkItems.class), requester)).as("on the node that changed it")
                .hasMessageContaining("no longer in force");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThatThrownBy(() -> raise(onB, requester))
                .as("on the other node").hasMessageContaining("no longer in force"));
        ZoneId keptOnB = TenantScope.call(AllowedClients.ALL, () -> nodeB.getBean(TransactionTemplate.class).execute(tx ->
                nodeB.getBean(Contracts.class).terms(client, setup.contract().id(), version, "policy-admin").clientZone()));
        assertThat(keptOnB).as("the zone of the terms node B keeps").isEqualTo(ZoneId.of("Pacific/Kiritimati"));
    }

    private WorkItem raise(WorkItems node, CurrentUser requester) {
        return TenantScope.call(AllowedClients.ALL, () -> node.create(setup.client().id(), new CreateWorkItem("policy-admin",
                null, Priority.NORMAL, "After a change", Map.of("requestType", "other", "details", "x"), null), requester));
    }

    @Test
    void eachSlaWarningFiresOnceWhicheverNodeRunsTheTimer() throws Exception {
        clock.advance(Duration.ofDays(7));
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<?>> running = new ArrayList<>();
            for (ApplicationContext node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                SlaTimers timers = node.getBean(SlaTimers.class);
                running.add(threads.submit(() -> {
                    while (timers.escalateDue() + timers.breachDue() > 0) {
                        // keep firing until nothing is due
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(eventsPerItem("escalated")).containsOnlyKeys(items).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        assertThat(eventsPerItem("sla-breached")).containsOnlyKeys(items).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        Map<Long, Integer> priorities = priorities();
        for (int i = 0; i < ITEMS; i++) {
            assertThat(priorities.get(items.get(i))).as("raised by exactly one").isEqualTo(i % 3 == 0 ? 3 : 2);
        }
    }

    @Test
    void aNodeKilledMidEscalationLosesNothingAndTheOtherNodeFinishes() throws Exception {
        clock.advance(Duration.ofDays(7));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        int[] victimPid = new int[1];
        int[] heldByVictim = new int[1];
        Thread victim = new Thread(() -> {
            TransactionTemplate transactions = nodeB.getBean(TransactionTemplate.class);
            JdbcClient jdbc = nodeB.getBean(JdbcClient.class);
            try {
                TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> {
                    victimPid[0] = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
                    heldByVictim[0] = nodeB.getBean(SlaTimers.class).escalateDue();
                    holding.countDown();
                    try {
                        never.await(); // the node dies here, before it commits
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            } catch (RuntimeException expected) {
                // its connection was killed under it
            }
        });
        victim.start();
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(heldByVictim[0]).isGreaterThan(0);

        SlaTimers survivor = nodeA.getBean(SlaTimers.class);
        while (survivor.escalateDue() > 0) {
            // escalate everything the victim does not hold
        }
        assertThat(eventsPerItem("escalated")).as("the survivor skips what the victim holds").hasSizeLessThan(ITEMS);

        try (var sql = TestDatabase.get().superuserConnection().createStatement()) {
            sql.execute("select pg_terminate_backend(" + victimPid[0] + ")");
        }
        never.countDown(); // the dead node's thread tries to commit on its killed connection and fails
        victim.join(30_000);
        assertThat(victim.isAlive()).as("the dead node's thread ended").isFalse();
        while (survivor.escalateDue() > 0) {
            // finish what the dead node left
        }
        assertThat(eventsPerItem("escalated")).containsOnlyKeys(items).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
    }

    private Map<Long, Long> eventsPerItem(String type) {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        TransactionTemplate transactions = nodeA.getBean(TransactionTemplate.class);
        return TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> {
            Map<Long, Long> counts = new HashMap<>();
            jdbc.sql("select item_id, count(*) from work.work_event where client_id = ? and type = ? group by item_id")
                    .params(setup.client().id(), type)
                    .query(rs -> {
                        counts.put(rs.getLong(1), rs.getLong(2));
                    });
            return counts;
        }));
    }

    private Map<Long, Integer> priorities() {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        TransactionTemplate transactions = nodeA.getBean(TransactionTemplate.class);
        return TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> {
            Map<Long, Integer> priorities = new HashMap<>();
            jdbc.sql("select id, priority from work.work_item where client_id = ?").param(setup.client().id())
                    .query(rs -> {
                        priorities.put(rs.getLong(1), rs.getInt(2));
                    });
            return priorities;
        }));
    }
}
