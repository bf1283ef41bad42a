package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Priority;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insurer's contract ends on 15 March and a renewal takes policy administration over from 16 March, both
 * with an SLA target of 95 % and a 4 % credit when it is missed. March's policy-admin work is scored once, on
 * the card of the contract holding the line at the month's end (the renewal), so its credit is owed once.
 */
class ScorecardRenewalTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aMonthWithAMidMonthRenewalIsScoredOnceUnderTheContractHoldingTheLineAtItsEnd() {
        QualityFixture fixture = new QualityFixture(context);
        QualityFixture.Setup setup = fixture.clientWithQa(providerAdministrator(), unique("SRN"), IntegrationTest::unique);
        Contract first = setup.work().contract();
        Api manager = api().as(setup.work().adminToken());
        String contracts = setup.path() + "/contracts";

        // March: one request in time, one late: 50 % against 95 %
        WorkItem onTime = fixture.raise(setup, "In time", Priority.NORMAL);
        WorkItem late = fixture.raise(setup, "Late", Priority.NORMAL);
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        fixture.complete(setup, onTime);
        clock.set(Instant.parse("2026-03-03T16:00:00Z"));
        fixture.complete(setup, late);
        awaitCompletedWorkTakenUp();

        Api.Response ended = manager.post(contracts + "/" + first.id() + "/revisions", Map.of("calendar", first.calendar(),
                "slaTargets", first.slaTargets(), "endsOn", "2026-03-15", "note", "Term ends mid-month"));
        assertThat(ended.status()).as(ended.body().toString()).isEqualTo(201);
        Api.Response renewed = manager.post(contracts, Map.of("reference", "MSA-R-" + setup.work().client().code(),
                "title", "Policy administration, renewed", "currency", "GBP", "startsOn", "2026-03-16", "calendar", first.calendar(),
                "serviceLines", List.of(Map.of("code", "policy-admin", "name", "Policy administration", "kind", "BACK_OFFICE",
                        "workType", "back-office-request")),
                "slaTargets", List.of(Map.of("serviceLine", "policy-admin", "priority", "NORMAL", "resolutionMinutes", 480)),
                "kpiTargets", List.of(Map.of("serviceLine", "policy-admin", "kpi", "SLA_ATTAINMENT", "target", 95))));
        assertThat(renewed.status()).as(renewed.body().toString()).isEqualTo(201);
        String renewal = renewed.text("id");
        for (String contract : List.of(first.id().toString(), renewal)) {
            Api.Response rule = manager.post(contracts + "/" + contract + "/credit-rules", Map.of("serviceLine", "policy-admin",
                    "kpi", "SLA_ATTAINMENT", "effectiveFrom", "2026-03", "tiers", List.of(Map.of("missedBy", "0", "percent", "4")),
                    "capPercent", "10", "earnBackPeriods", 0));
            assertThat(rule.status()).as(rule.body().toString()).isEqualTo(201);
        }

        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        JsonNode byRenewal = manager.get(contracts + "/" + renewal + "/scorecards/2026-03").body();
        assertThat(byRenewal.path("results").size()).as(byRenewal.toString()).isEqualTo(1);
        assertThat(byRenewal.path("results").get(0).path("measured").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(totalCredit(byRenewal)).isEqualTo(4);

        JsonNode byFirst = manager.get(contracts + "/" + first.id() + "/scorecards/2026-03").body();
        assertThat(byFirst.path("results").size()).as("policy-admin belongs to the renewal at March's end: " + byFirst)
                .isZero();
        assertThat(totalCredit(byFirst)).as("the credit is owed once, not on both contracts").isZero();
        assertThat(byFirst.path("completed").size()).isZero();

        // the drill-down agrees with each card: March's two items behind the renewal's SLA figure, none behind the first's
        String items = "/scorecards/2026-03/items?figure=SLA&serviceLine=policy-admin";
        Api.Response underRenewal = manager.get(contracts + "/" + renewal + items);
        assertThat(underRenewal.status()).as(underRenewal.body().toString()).isEqualTo(200);
        assertThat(underRenewal.body().path("completed").size()).as(underRenewal.body().toString()).isEqualTo(2);
        for (String figure : List.of("SLA", "HANDLE_TIME", "BACKLOG", "PENDING_CLIENT", "ACCURACY", "CSAT")) {
            JsonNode underFirst = manager.get(contracts + "/" + first.id() + "/scorecards/2026-03/items?figure=" + figure
                    + "&serviceLine=policy-admin").body();
            assertThat(underFirst.path("completed").size() + underFirst.path("open").size() + underFirst.path("evaluations").size()
                    + underFirst.path("responses").size()).as(figure + " behind the first contract's card: " + underFirst).isZero();
        }

        // February, before the renewal existed, is still the first contract's alone
        JsonNode february = manager.get(contracts + "/" + renewal + "/scorecards/2026-02").body();
        assertThat(february.path("results").size()).as(february.toString()).isZero();
    }

    private static int totalCredit(JsonNode card) {
        int total = 0;
        for (JsonNode line : card.path("credits")) {
            total += line.path("totalPercent").asInt();
        }
        return total;
    }
}
