package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.WorkFixture;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * March for a UK client with an 8-business-hour SLA on 09:00–17:30: three requests in time (one of
 * them paused a day waiting on the client), one late. Attainment 3 of 4 = 75.00 %, below the 95 %
 * target; the paused one is shown as paused, not hidden.
 */
class ScorecardTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    Scorecards scorecards;

    WorkFixture.Setup setup;
    CurrentUser maker;
    CurrentUser checker;

    @Test
    void slaAttainmentIsCountedOnTheClientsCalendarAndComparedWithTheTarget() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z")); // Monday
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("SC"));
        maker = CurrentUser.of(setup.maker());
        checker = CurrentUser.of(setup.checker());
        WorkItem quick = raise("Quick");
        WorkItem paused = raise("Paused on the client");
        WorkItem noon = raise("Done by noon");
        WorkItem late = raise("Late");
        raise("Still open at month end");

        at("2026-03-02T10:00:00Z", () -> complete(quick));
        at("2026-03-02T10:00:00Z", () -> {
            move(paused, "processing", maker);
            move(paused, "query_to_client", maker);
        });
        at("2026-03-02T12:00:00Z", () -> complete(noon));
        at("2026-03-03T10:00:00Z", () -> move(paused, "processing", CurrentUser.of(setup.requester())));
        at("2026-03-03T11:00:00Z", () -> complete(paused));
        at("2026-03-03T16:00:00Z", () -> complete(late));

        awaitCompletedWorkTakenUp();
        Scorecard march = TenantScope.call(AllowedClients.ALL,
                () -> scorecards.score(setup.client().id(), setup.contract().id(), YearMonth.of(2026, 3)));
        KpiResult attainment = march.results().stream().filter(r -> r.kpi() == Kpi.SLA_ATTAINMENT).findFirst().orElseThrow();
        assertThat(attainment.measured()).isEqualByComparingTo(new BigDecimal("75.00"));
        assertThat(attainment.target()).isEqualByComparingTo(new BigDecimal("95"));
        assertThat(attainment.met()).isFalse();
        assertThat(attainment.basis()).contains("3 of 4").contains("1 were paused");
        assertThat(march.backlog()).singleElement().satisfies(b -> assertThat(b.open()).isEqualTo(1));

        Scorecard april = TenantScope.call(AllowedClients.ALL,
                () -> scorecards.score(setup.client().id(), setup.contract().id(), YearMonth.of(2026, 4)));
        assertThat(april.results()).filteredOn(r -> r.kpi() == Kpi.SLA_ATTAINMENT).singleElement()
                .satisfies(r -> assertThat(r.measured()).isNull());
    }

    /**
     * The contract's term began in January but it was drawn up in March: February's card (the portal lists
     * every month of the term) is scored against the first terms it ever had, not refused with a 500.
     */
    @Test
    void aMonthOfTheTermBeforeTheContractWasDrawnUpIsScoredOnItsFirstTerms() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("SCB"));
        String february = "/api/v1/clients/" + setup.client().id() + "/contracts/" + setup.contract().id() + "/scorecards/2026-02";

        org.openbpo.testing.Api.Response card = api().as(setup.adminToken()).get(february);

        assertThat(card.status()).as(card.body().toString()).isEqualTo(200);
        assertThat(card.body().path("results").toString()).contains("SLA_ATTAINMENT");
    }

    @Test
    void theLiveMonthsBacklogIsAgedNowAndAnEndedMonthsAtItsEnd() {
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("SCB"));
        var contract = setup.contract();
        TenantScope.run(AllowedClients.ALL, () -> context.getBean(org.openbpo.contracts.Contracts.class).revise(contract.clientId(),
                contract.id(), new org.openbpo.contracts.ReviseContract(contract.calendar(), contract.slaTargets(), java.util.List.of(
                        new org.openbpo.contracts.KpiTarget("policy-admin", Kpi.BACKLOG_AGE, new BigDecimal("24"))), "backlog target")));
        WorkItem open = raise("Raised an hour ago");

        clock.set(Instant.parse("2026-03-03T10:00:00Z"));
        Scorecard march = TenantScope.call(AllowedClients.ALL,
                () -> scorecards.score(setup.client().id(), contract.id(), YearMonth.of(2026, 3)));
        assertThat(march.results()).filteredOn(r -> r.kpi() == Kpi.BACKLOG_AGE).singleElement().satisfies(r -> {
            assertThat(r.measured()).isEqualByComparingTo("1.0");
            assertThat(r.met()).isTrue();
        });
        assertThat(march.backlog()).singleElement().satisfies(b -> {
            assertThat(b.averageAgeHours()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
            assertThat(b.oldestAgeHours()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        });
        FigureItems behind = TenantScope.call(AllowedClients.ALL, () -> scorecards.items(setup.client().id(), contract.id(),
                YearMonth.of(2026, 3), ScorecardFigure.BACKLOG, "policy-admin", null, null));
        assertThat(behind.open()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(open.id());
            assertThat(i.ageSeconds()).isEqualTo(3_600);
        });

        // once March has ended, its backlog is what was open at its end (midnight in London, on summer time by then)
        clock.set(Instant.parse("2026-04-02T10:00:00Z"));
        Scorecard ended = TenantScope.call(AllowedClients.ALL,
                () -> scorecards.score(setup.client().id(), contract.id(), YearMonth.of(2026, 3)));
        assertThat(ended.backlog()).singleElement().satisfies(b ->
                assertThat(b.averageAgeHours()).isCloseTo(24 * 28 + 14.0, org.assertj.core.data.Offset.offset(0.001)));
    }

    private void at(String instant, Runnable action) {
        clock.set(Instant.parse(instant));
        TenantScope.run(AllowedClients.ALL, action);
    }

    private WorkItem raise(String title) {
        return TenantScope.call(AllowedClients.ALL, () -> workItems.create(setup.client().id(), new CreateWorkItem("policy-admin",
                null, Priority.NORMAL, title, Map.of("requestType", "other", "details", title), null), CurrentUser.of(setup.requester())));
    }

    private void complete(WorkItem item) {
        if (!workItems.get(item.clientId(), item.id()).state().equals("processing")) {
            move(item, "processing", maker);
        }
        move(item, "checking", maker);
        move(item, "completed", checker);
    }

    private void move(WorkItem item, String to, CurrentUser by) {
        workItems.move(item.clientId(), item.id(), new MoveWorkItem(to, null), by);
    }
}
