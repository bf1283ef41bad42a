package org.openbpo.work;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.sla.SlaTimers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reads the work screens are built on: what waits, what is newest, time left, my queues, notifications, SLA figures. */
class WorkReadsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    Routing routing;
    @Autowired
    Notifications notifications;
    @Autowired
    ServiceLevels serviceLevels;
    @Autowired
    SlaTimers timers;

    WorkFixture.Setup setup;
    CurrentUser maker;
    CurrentUser requester;

    @BeforeEach
    void aClientUnderContract() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z")); // Monday, 09:00 in London
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("RDS"));
        maker = CurrentUser.of(setup.maker());
        requester = CurrentUser.of(setup.requester());
    }

    @Test
    void waitingListsUnassignedWorkInGetNextOrderAndLatestListsNewestFirst() {
        WorkItem normal = raise(Priority.NORMAL, "Normal");
        WorkItem high = raise(Priority.HIGH, "High");
        WorkItem taken = raise(Priority.URGENT, "Taken");
        as(maker, () -> workItems.assign(setup.client().id(), taken.id(), maker.id(), providerAdministrator()));

        List<WorkItem> waiting = as(maker, () -> workItems.waiting(setup.client().id(), 10));
        assertThat(waiting).extracting(WorkItem::id).containsExactly(high.id(), normal.id());

        List<WorkItem> latest = as(requester, () -> workItems.latest(setup.client().id(), 0, 2));
        assertThat(latest).extracting(WorkItem::id).containsExactly(taken.id(), high.id());
        List<WorkItem> older = as(requester, () -> workItems.latest(setup.client().id(), high.id(), 10));
        assertThat(older).extracting(WorkItem::id).containsExactly(normal.id());
    }

    @Test
    void slaRemainingCountsBusinessTimeOnlyAndStandsStillWhileWaitingOnTheClient() {
        WorkItem item = raise(Priority.NORMAL, "Address change"); // 8 business hours, due Monday 17:00
        clock.advance(Duration.ofHours(2));
        assertThat(remaining(item.id())).contains(Duration.ofHours(6));

        as(maker, () -> workItems.move(setup.client().id(), item.id(), new MoveWorkItem("processing", null), maker));
        as(maker, () -> workItems.move(setup.client().id(), item.id(), new MoveWorkItem("query_to_client", "Which policy?"), maker));
        clock.advance(Duration.ofDays(1));
        assertThat(remaining(item.id())).as("paused").contains(Duration.ofHours(6));

        as(requester, () -> workItems.move(setup.client().id(), item.id(), new MoveWorkItem("processing", "4471"), requester));
        clock.set(Instant.parse("2026-03-04T10:00:00Z")); // Wednesday 10:00: Tuesday 11:00-17:30 and one hour today
        assertThat(remaining(item.id())).as("overdue by 1.5 business hours").contains(Duration.ofMinutes(-90));
    }

    @Test
    void myQueuesAreTheQueuesTheAgentMayServeEvenWhenAway() {
        List<Queue> queues = as(maker, () -> routing.queuesOf(maker));
        assertThat(queues).extracting(Queue::code).containsExactlyInAnyOrder("policy-changes", "support-en");
    }

    @Test
    void aWarningReachesTheTeamLeadsUntilMarkedReadAndNeverAClientUser() {
        WorkItem item = raise(Priority.NORMAL, "Needs attention");
        clock.advance(Duration.ofHours(7)); // past the 75% warning share of 8 business hours
        TenantScope.run(AllowedClients.ALL, timers::escalateDue);

        CurrentUser lead = providerAdministrator();
        List<Notification> unread = as(lead, () -> notifications.unread(List.of(setup.client().id()), 20, lead));
        assertThat(unread).singleElement().satisfies(n -> {
            assertThat(n.itemId()).isEqualTo(item.id());
            assertThat(n.kind()).isEqualTo("SLA_WARNING");
            assertThat(n.message()).contains("WI-" + item.id(), "HIGH");
        });
        assertThatThrownBy(() -> as(requester, () -> notifications.unread(List.of(setup.client().id()), 20, requester)))
                .isInstanceOf(BusinessRuleViolation.class);

        as(lead, () -> {
            notifications.markRead(setup.client().id(), unread.getFirst().id(), lead);
            return null;
        });
        assertThat(as(lead, () -> notifications.unread(List.of(setup.client().id()), 20, lead))).isEmpty();
    }

    @Test
    void attainmentCountsThisMonthsCompletedWorkAndTheBacklogIsBandedByAge() {
        WorkItem inTime = raise(Priority.NORMAL, "In time");
        WorkItem late = raise(Priority.NORMAL, "Late");
        raise(Priority.NORMAL, "Still open");
        complete(inTime);
        clock.set(Instant.parse("2026-03-05T12:00:00Z")); // long past Monday 17:00
        TenantScope.run(AllowedClients.ALL, timers::breachDue);
        complete(late);

        ServiceLevels.Attainment attainment = as(requester, () -> serviceLevels.monthToDate(setup.client().id()));
        assertThat(attainment.month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(attainment.completed()).isEqualTo(2);
        assertThat(attainment.met()).isEqualTo(1);
        assertThat(attainment.percent()).isEqualTo(50);

        List<ServiceLevels.AgeBand> backlog = as(requester, () -> serviceLevels.backlogByAge(setup.client().id()));
        assertThat(backlog).extracting(ServiceLevels.AgeBand::items).containsExactly(0L, 0L, 1L, 0L);

        clock.set(Instant.parse("2026-04-01T09:00:00Z"));
        assertThat(as(requester, () -> serviceLevels.monthToDate(setup.client().id())).percent()).isNull();
    }

    private void complete(WorkItem item) {
        CurrentUser checker = CurrentUser.of(setup.checker());
        as(maker, () -> workItems.move(setup.client().id(), item.id(), new MoveWorkItem("processing", null), maker));
        as(maker, () -> workItems.move(setup.client().id(), item.id(), new MoveWorkItem("checking", null), maker));
        as(checker, () -> workItems.move(setup.client().id(), item.id(), new MoveWorkItem("completed", null), checker));
    }

    private Optional<Duration> remaining(long id) {
        return as(maker, () -> workItems.slaRemaining(workItems.get(setup.client().id(), id)));
    }

    private WorkItem raise(Priority priority, String title) {
        return as(requester, () -> workItems.create(setup.client().id(), new CreateWorkItem("policy-admin", null, priority,
                title, Map.of("requestType", "other", "details", title), null), requester));
    }

    /** Runs as the user would, through the security context, so row-level security sees their clients. */
    private static <T> T as(CurrentUser user, Callable<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
