package org.openbpo.work;

import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditEntry;
import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.openbpo.work.sla.SlaTimers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose SLA warning share runs out is escalated once, however many timer runs (nodes)
 * look at it: its priority goes up one step, and the timeline, the team leads' notifications and
 * the audit trail each say so once.
 */
class SlaEscalationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    SlaTimers timers;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDueWarningRaisesThePriorityOnceAndSaysSoOnceEverywhere() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z")); // Monday, 09:00 in London
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("ESC"));
        UUID client = setup.client().id();
        WorkItem raised = TenantScope.call(AllowedClients.ALL, () -> workItems.create(client,
                new CreateWorkItem("policy-admin", null, Priority.NORMAL, "Bank details for policy 8812",
                        Map.of("requestType", "bank detail change", "details", "New account ending 4410"), null),
                CurrentUser.of(setup.requester())));
        // 8 business hours with a 0.75 warning share: the warning falls due at 15:00.
        assertThat(raised.sla().warnAt()).isEqualTo(Instant.parse("2026-03-02T15:00:00Z"));

        clock.set(Instant.parse("2026-03-02T16:00:00Z"));
        for (int node = 0; node < 3; node++) {
            while (timers.escalateDue() > 0) {
                // every node drains what is due; the later ones find nothing left for them
            }
        }

        WorkItem escalated = TenantScope.call(AllowedClients.ALL, () -> workItems.get(client, raised.id()));
        assertThat(escalated.priority()).isEqualTo(Priority.HIGH);
        assertThat(escalated.sla().escalatedAt()).isEqualTo(clock.instant());
        assertThat(TenantScope.call(AllowedClients.ALL, () -> workItems.timeline(client, raised.id())))
                .extracting(TimelineEntry::type).containsOnlyOnce("escalated");
        assertThat(TenantScope.call(AllowedClients.ALL, () -> audit.history(client, "work-item", raised.id())))
                .extracting(AuditEntry::action).containsOnlyOnce("work-item.escalated");
        long notifications = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql("""
                        select count(*) from work.notification where client_id = ? and item_id = ? and kind = 'SLA_WARNING'
                           and message like '%priority raised to HIGH'""")
                .params(client, raised.id()).query(Long.class).single()));
        assertThat(notifications).isEqualTo(1);
    }

    @Test
    void anItemATeamLeadHoldsIsEscalatedAndStaysWithThem() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("LEAD"));
        UUID client = setup.client().id();
        CurrentUser lead = providerAdministrator(); // provider staff without an agent profile
        WorkItem raised = TenantScope.call(AllowedClients.ALL, () -> workItems.create(client,
                new CreateWorkItem("policy-admin", null, Priority.NORMAL, "Beneficiary change for policy 3305",
                        Map.of("requestType", "bank detail change", "details", "New account ending 0918"), null),
                CurrentUser.of(setup.requester())));
        TenantScope.run(AllowedClients.ALL, () -> workItems.take(client, raised.id(), lead));
        clock.set(Instant.parse("2026-03-02T16:00:00Z"));

        while (timers.escalateDue() > 0) {
            // drains what is due
        }

        WorkItem escalated = TenantScope.call(AllowedClients.ALL, () -> workItems.get(client, raised.id()));
        assertThat(escalated.priority()).isEqualTo(Priority.HIGH);
        assertThat(escalated.assigneeId()).as("a lead is not rerouted as an agent off shift would be").isEqualTo(lead.id());
        assertThat(TenantScope.call(AllowedClients.ALL, () -> workItems.timeline(client, raised.id())))
                .extracting(TimelineEntry::type).containsOnlyOnce("escalated").doesNotContain("rerouted");
    }

    @Test
    void aLaneHeldByAHungNodeStillHasItsWarningsFired() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("LANE"));
        UUID client = setup.client().id();
        WorkItem raised = TenantScope.call(AllowedClients.ALL, () -> workItems.create(client,
                new CreateWorkItem("policy-admin", null, Priority.NORMAL, "Address change for policy 1207",
                        Map.of("requestType", "bank detail change", "details", "New account ending 7731"), null),
                CurrentUser.of(setup.requester())));
        clock.set(Instant.parse("2026-03-02T16:00:00Z"));

        try (Connection hung = TestDatabase.get().superuserConnection(); Statement sql = hung.createStatement()) {
            ResultSet lane = sql.executeQuery("select sla_lane from work.work_item where client_id = '" + client + "'");
            lane.next();
            ResultSet taken = sql.executeQuery("select pg_try_advisory_lock(" + SlaTimers.LOCK_CLASS + ", " + lane.getInt(1) + ")");
            taken.next();
            assertThat(taken.getBoolean(1)).as("the hung node holds the client's lane").isTrue();

            while (timers.escalateDue() > 0) {
                // the lane is shared with its holder, which holds no rows
            }
        }

        WorkItem escalated = TenantScope.call(AllowedClients.ALL, () -> workItems.get(client, raised.id()));
        assertThat(escalated.priority()).isEqualTo(Priority.HIGH);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> workItems.timeline(client, raised.id())))
                .extracting(TimelineEntry::type).containsOnlyOnce("escalated");
    }

    @Test
    void theTimersFindTheirDueItemsThroughTheirLaneIndexesUnderRowLevelSecurity() throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("set local role openbpo_app");
            sql.execute("select set_config('openbpo.clients', '*', true)");
            sql.execute("set local enable_seqscan = off");
            sql.execute("set local enable_bitmapscan = off"); // the timers read their indexes in order
            for (String due : new String[]{"escalated_at is null and warn_at <= now()", "breached_at is null and due_at <= now()"}) {
                ResultSet plan = sql.executeQuery("explain select client_id, id from work.work_item where sla_lane = 3 and " + due);
                StringBuilder text = new StringBuilder();
                while (plan.next()) {
                    text.append(plan.getString(1)).append('\n');
                }
                assertThat(text.toString()).as(due).containsPattern("Index Scan using work_item_(warning|breach)_due")
                        .containsPattern("Index Cond: \\(\\(sla_lane = 3\\) AND");
            }
            db.rollback();
        }
    }
}
