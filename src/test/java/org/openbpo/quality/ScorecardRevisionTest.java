package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.KpiTarget;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ReviseContract;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month is scored against the contract terms in force when it ended: March's SLA target of 95 %
 * and its credit stay March's when the contract is revised on 3 April, whatever April's terms say.
 */
class ScorecardRevisionTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aRevisionInAprilLeavesMarchsTargetsCreditsAndVersion() {
        QualityFixture fixture = new QualityFixture(context);
        QualityFixture.Setup setup = fixture.clientWithQa(providerAdministrator(), unique("SCR"), IntegrationTest::unique);
        Contract contract = setup.work().contract();
        Api manager = api().as(setup.work().adminToken());
        String contractPath = setup.path() + "/contracts/" + contract.id();
        assertThat(manager.post(contractPath + "/credit-rules", Map.of("serviceLine", "policy-admin", "kpi", "SLA_ATTAINMENT",
                "effectiveFrom", "2026-03", "tiers", List.of(Map.of("missedBy", "0", "percent", "4")), "capPercent", "10",
                "earnBackPeriods", 0)).status()).isEqualTo(201);

        // March: one request in time, one late (8 business hours): 50 % against version 1's 95 %
        WorkItem onTime = fixture.raise(setup, "In time", Priority.NORMAL);
        WorkItem late = fixture.raise(setup, "Late", Priority.NORMAL);
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        fixture.complete(setup, onTime);
        clock.set(Instant.parse("2026-03-03T16:00:00Z"));
        fixture.complete(setup, late);
        awaitCompletedWorkTakenUp();

        // 3 April: from now on 50 % will do, and a CSAT target is added
        clock.set(Instant.parse("2026-04-03T09:00:00Z"));
        Api.Response revised = manager.post(contractPath + "/revisions", Map.of("calendar", contract.calendar(),
                "slaTargets", contract.slaTargets(), "kpiTargets", List.of(
                        new KpiTarget("policy-admin", Kpi.SLA_ATTAINMENT, new BigDecimal("50")),
                        new KpiTarget("policy-admin", Kpi.CSAT, new BigDecimal("4"))), "note", "Relaxed from April"));
        assertThat(revised.status()).as(revised.body().toString()).isEqualTo(201);

        JsonNode march = manager.get(contractPath + "/scorecards/2026-03").body();
        assertThat(march.path("contractVersion").asInt()).as(march.toString()).isEqualTo(1);
        assertThat(march.path("results").size()).as("version 1 set one KPI target").isEqualTo(1);
        JsonNode sla = march.path("results").get(0);
        assertThat(sla.path("kpi").asString()).isEqualTo("SLA_ATTAINMENT");
        assertThat(sla.path("target").decimalValue()).isEqualByComparingTo("95");
        assertThat(sla.path("measured").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(sla.path("met").asBoolean()).isFalse();
        assertThat(march.path("credits").get(0).path("totalPercent").decimalValue()).as(march.toString()).isEqualByComparingTo("4");

        JsonNode april = manager.get(contractPath + "/scorecards/2026-04").body();
        assertThat(april.path("contractVersion").asInt()).as("April runs on the revised terms").isEqualTo(2);
        assertThat(april.path("results").size()).isEqualTo(2);
    }
}
