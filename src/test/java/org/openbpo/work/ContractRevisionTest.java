package org.openbpo.work;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ReviseContract;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A contract revision governs work created after it; work already running keeps its terms. */
class ContractRevisionTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Contracts contracts;
    @Autowired
    WorkItems workItems;

    @Test
    void aRevisionWithAnEmptyPlaceInItsListsIsRefusedWithWhere() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("REVN"));
        Api admin = api().as(setup.adminToken());
        String revisions = "/api/v1/clients/" + setup.client().id() + "/contracts/" + setup.contract().id() + "/revisions";
        List<Object> holidays = new java.util.ArrayList<>();
        holidays.add(null); // what JSON.stringify([undefined]) sends
        List<Object> targets = new java.util.ArrayList<>();
        targets.add(null);

        Api.Response noTarget = admin.post(revisions, Map.of("calendar", Map.of("zone", "UTC", "week", Map.of("MONDAY", "09:00-17:00")),
                "slaTargets", targets));
        assertThat(noTarget.status()).as(noTarget.body().toString()).isEqualTo(422);
        assertThat(noTarget.text("field")).isEqualTo("slaTargets[0]");
        Api.Response noHoliday = admin.post(revisions, Map.of("calendar", Map.of("zone", "UTC", "week", Map.of("MONDAY", "09:00-17:00"),
                "holidays", holidays), "slaTargets", List.of()));
        assertThat(noHoliday.status()).as(noHoliday.body().toString()).isEqualTo(422);
        assertThat(noHoliday.text("field")).isEqualTo("calendar.holidays[0]");
    }

    @Test
    void newTermsApplyToNewWorkOnlyAndHandleTimeIsCapturedPerAgent() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("REV"));
        CurrentUser requester = CurrentUser.of(setup.requester());
        WorkItem before = raise(setup, requester, "Before the revision");
        assertThat(before.contractVersion()).isEqualTo(1);
        assertThat(before.sla().dueAt()).isEqualTo(Instant.parse("2026-03-02T17:00:00Z")); // 8 business hours

        clock.advance(Duration.ofMinutes(10));
        TenantScope.run(AllowedClients.ALL, () -> contracts.revise(setup.client().id(), setup.contract().id(), new ReviseContract(
                CalendarSpec.mondayToFriday("Europe/London", "08:00-18:00", List.of()),
                List.of(new SlaTarget("policy-admin", Priority.NORMAL, null, 120, null, null, null),
                        new SlaTarget("support", Priority.NORMAL, 30, 480, null, null, null)),
                null, "Faster turnaround from March")));
        WorkItem after = raise(setup, requester, "After the revision");
        assertThat(after.contractVersion()).isEqualTo(2);
        assertThat(after.sla().dueAt()).isEqualTo(Instant.parse("2026-03-02T11:10:00Z")); // 2 business hours

        clock.advance(Duration.ofMinutes(5));
        CurrentUser agent = CurrentUser.of(setup.maker());
        WorkItem stillOld = TenantScope.call(AllowedClients.ALL, () -> {
            workItems.assign(setup.client().id(), before.id(), agent.id(), providerAdministrator());
            clock.advance(Duration.ofMinutes(12));
            WorkItem moved = workItems.move(setup.client().id(), before.id(), new MoveWorkItem("processing", null), agent);
            workItems.move(setup.client().id(), before.id(), new MoveWorkItem("query_to_client", null), agent);
            return moved;
        });
        assertThat(stillOld.contractVersion()).isEqualTo(1);
        assertThat(stillOld.sla().dueAt()).as("the old item keeps its 8-hour target").isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));
        assertThat(TenantScope.call(AllowedClients.ALL, () -> workItems.handleSeconds(setup.client().id(), before.id())))
                .as("12 minutes held before it was pended").isEqualTo(720);
    }

    /**
     * The remembered configuration (WorkItems) and terms (Contracts) are per contract version, and every insert checks
     * that its version is still the newest in force: a revision moving the calendar to another time zone times the
     * next item on the new zone at once, with nothing to evict.
     */
    @Test
    void aRevisionMovingTheCalendarToAnotherZoneTimesTheNextItemOnIt() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("REVZ"));
        CurrentUser requester = CurrentUser.of(setup.requester());
        WorkItem london = raise(setup, requester, "Remembered under London time");
        assertThat(london.sla().dueAt()).isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));

        clock.advance(Duration.ofMinutes(10));
        TenantScope.run(AllowedClients.ALL, () -> contracts.revise(setup.client().id(), setup.contract().id(), new ReviseContract(
                CalendarSpec.mondayToFriday("America/New_York", "09:00-17:30", List.of()), setup.contract().slaTargets(), null,
                "Served from New York")));
        WorkItem newYork = raise(setup, requester, "After the move");
        assertThat(newYork.contractVersion()).isEqualTo(2);
        // 09:10 UTC is 04:10 in New York: the clock starts at 09:00 EST (14:00 UTC) and runs 8 business hours
        assertThat(newYork.sla().dueAt()).isEqualTo(Instant.parse("2026-03-02T22:00:00Z"));
    }

    private WorkItem raise(WorkFixture.Setup setup, CurrentUser requester, String title) {
        return TenantScope.call(AllowedClients.ALL, () -> workItems.create(setup.client().id(), new CreateWorkItem("policy-admin",
                null, Priority.NORMAL, title, Map.of("requestType", "other", "details", title), null), requester));
    }
}
