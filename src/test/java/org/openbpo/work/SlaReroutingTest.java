package org.openbpo.work;

import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditEntry;
import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.sla.SlaTimers;
import org.openbpo.workforce.Agents;
import org.openbpo.workforce.CertifyAgent;
import org.openbpo.workforce.DeliveryCentre;
import org.openbpo.workforce.DeliveryCentres;
import org.openbpo.workforce.EnrolAgent;
import org.openbpo.workforce.OpenDeliveryCentre;
import org.openbpo.workforce.ShiftInterval;
import org.openbpo.workforce.Shore;
import org.openbpo.workforce.Skill;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the warning share of its SLA an item is escalated: priority up one, the team leads told, and
 * if its agent's centre has gone off shift it goes back to the queue for a centre on shift.
 */
class SlaReroutingTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    SlaTimers timers;
    @Autowired
    Users users;
    @Autowired
    Agents agents;
    @Autowired
    DeliveryCentres centres;

    @Test
    void aWarningRaisesPriorityNotifiesAndReroutesWorkHeldAtACentreOffShift() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z")); // Monday 09:00 London, 17:00 Manila
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(admin, unique("ESC"));
        User dayShift = TenantScope.call(AllowedClients.ALL, () -> {
            DeliveryCentre cebu = centres.open(new OpenDeliveryCentre(unique("CEB").replace("X", ""), "Cebu day shift", Shore.OFFSHORE,
                    "PH", "Asia/Manila", 60_000, "PHP", weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)), List.of()), admin);
            centres.allowClient(cebu.id(), setup.client().id(), admin);
            User agent = users.invite(new InviteUser(null, IntegrationTestNames.email("cebu"), "Cebu Agent", "long enough password",
                    Set.of(Role.AGENT), false, Set.of(setup.client().id())), admin);
            agents.enrol(new EnrolAgent(agent.id(), cebu.id(), null, 5, List.of(new Skill("back-office", 3)), List.of("en")), admin);
            agents.certify(agent.id(), new CertifyAgent(setup.client().id()), admin);
            return agent;
        });
        CurrentUser requester = CurrentUser.of(setup.requester());
        WorkItem atCebu = raiseAndAssign(setup, requester, admin, dayShift, "Held in Cebu");
        WorkItem atManila = raiseAndAssign(setup, requester, admin, setup.maker(), "Held in Manila (24x7)");
        WorkItem inCheck = raiseAndAssign(setup, requester, admin, dayShift, "Waiting for its check in Cebu");
        TenantScope.run(AllowedClients.ALL, () -> {
            workItems.move(setup.client().id(), inCheck.id(), new MoveWorkItem("processing", null), CurrentUser.of(dayShift));
            workItems.move(setup.client().id(), inCheck.id(), new MoveWorkItem("checking", null), CurrentUser.of(dayShift));
        });
        assertThat(atCebu.sla().warnAt()).isEqualTo(Instant.parse("2026-03-02T15:00:00Z")); // 75% of 8 business hours

        clock.set(Instant.parse("2026-03-02T15:01:00Z")); // 23:01 in Cebu: off shift
        while (timers.escalateDue() > 0) {
            // fire everything due
        }

        WorkItem rerouted = get(setup, atCebu.id());
        assertThat(rerouted.priority()).isEqualTo(Priority.HIGH);
        assertThat(rerouted.assigneeId()).as("back in the queue").isNull();
        assertThat(rerouted.sla().escalatedAt()).isEqualTo(clock.instant());
        WorkItem kept = get(setup, atManila.id());
        assertThat(kept.priority()).isEqualTo(Priority.HIGH);
        assertThat(kept.assigneeId()).isEqualTo(setup.maker().id());
        WorkItem checking = get(setup, inCheck.id());
        assertThat(checking.priority()).isEqualTo(Priority.HIGH);
        assertThat(checking.assigneeId()).as("no queue offers an item waiting for its check: it stays with its holder")
                .isEqualTo(dayShift.id());
        assertThat(TenantScope.call(AllowedClients.ALL, () -> workItems.timeline(setup.client().id(), atCebu.id())))
                .extracting(TimelineEntry::type).endsWith("escalated", "rerouted");
        List<AuditEntry> audited = TenantScope.call(AllowedClients.ALL, () -> context.getBean(AuditTrail.class)
                .history(setup.client().id(), "work-item", atCebu.id()));
        assertThat(audited).as("the release is audited like any other").filteredOn(e -> e.action().equals("work-item.released"))
                .singleElement().satisfies(e -> assertThat(e.after()).contains(dayShift.id().toString(), "off shift"));
        assertThat(TenantScope.call(AllowedClients.ALL, () -> context.getBean(AuditTrail.class)
                .history(setup.client().id(), "work-item", inCheck.id()))).extracting(AuditEntry::action)
                .doesNotContain("work-item.released");

        // The next agent on shift who asks gets it first: it now outranks everything NORMAL.
        CurrentUser checker = CurrentUser.of(setup.checker());
        assertThat(TenantScope.call(checker.allowedClients(), () -> workItems.claimNext(checker, Set.of(setup.backOfficeQueue().id()), Integer.MAX_VALUE)))
                .get().extracting(WorkItem::id).isEqualTo(atCebu.id());

        clock.advance(Duration.ofHours(1));
        while (timers.escalateDue() > 0) {
            // other tests' work may fall due too
        }
        for (WorkItem item : List.of(atCebu, atManila)) {
            assertThat(TenantScope.call(AllowedClients.ALL, () -> workItems.timeline(setup.client().id(), item.id())))
                    .as("a warning fires once").filteredOn(entry -> entry.type().equals("escalated")).hasSize(1);
        }
    }

    private WorkItem raiseAndAssign(WorkFixture.Setup setup, CurrentUser requester, CurrentUser lead, User agent, String title) {
        return TenantScope.call(AllowedClients.ALL, () -> {
            WorkItem item = workItems.create(setup.client().id(), new CreateWorkItem("policy-admin", null, Priority.NORMAL, title,
                    Map.of("requestType", "other", "details", title), null), requester);
            return workItems.assign(setup.client().id(), item.id(), agent.id(), lead);
        });
    }

    private WorkItem get(WorkFixture.Setup setup, long id) {
        return TenantScope.call(AllowedClients.ALL, () -> workItems.get(setup.client().id(), id));
    }

    private static List<ShiftInterval> weekdays(LocalTime opens, LocalTime closes) {
        return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .stream().map(day -> new ShiftInterval(day, opens, closes)).toList();
    }
}
