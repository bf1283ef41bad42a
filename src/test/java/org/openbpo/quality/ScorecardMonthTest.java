package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.KpiTarget;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ReviseContract;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.openbpo.work.sla.SlaTimers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.quality.QualityApiTest.assertProblem;
import static org.openbpo.quality.QualityApiTest.policyForm;

/**
 * March 2026 for a UK insurer, 09:00–17:30 London, policy administration with an 8-business-hour
 * SLA at normal priority and 4 hours at high. Five requests complete (two late, one paused a day on
 * the client), one is still open at month end. QA checks three and finds 3 wrong fields in 50;
 * four customers answer the survey, averaging 3 out of 5. The contract's credit rules price the misses, the
 * 10 % cap cuts them, the provider signs March off, and April's on-time work earns the SLA credit
 * back. Every figure is worked out by hand below.
 */
@RecordApplicationEvents
class ScorecardMonthTest extends IntegrationTest {

    @Autowired
    org.openbpo.billing.ServiceCredits serviceCredits;
    @Autowired
    ApplicationContext context;
    @Autowired
    Contracts contracts;
    @Autowired
    Scorecards scorecards;
    @Autowired
    ApplicationEvents events;
    @Autowired
    SlaTimers timers;

    QualityFixture fixture;
    QualityFixture.Setup setup;

    @Test
    void aMonthOfMissedSlasAndQaErrorsCostsTheCappedCreditAndIsFrozenWhenSignedOff() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z")); // Monday, London is on GMT
        fixture = new QualityFixture(context);
        CurrentUser admin = providerAdministrator();
        setup = fixture.clientWithQa(admin, unique("SCM"), IntegrationTest::unique);
        Contract contract = setup.work().contract();
        TenantScope.run(AllowedClients.ALL, () -> contracts.revise(contract.clientId(), contract.id(), new ReviseContract(
                contract.calendar(), contract.slaTargets(), List.of(
                new KpiTarget("policy-admin", Kpi.SLA_ATTAINMENT, new BigDecimal("95")),
                new KpiTarget("policy-admin", Kpi.ACCURACY, new BigDecimal("98")),
                new KpiTarget("policy-admin", Kpi.CSAT, new BigDecimal("4"))), "QA and CSAT targets")));
        Api manager = api().as(setup.work().adminToken());
        Api lead = api().as(setup.leadToken());
        Api analyst = api().as(setup.analystToken());
        String contractPath = setup.path() + "/contracts/" + contract.id();

        // what a miss costs on policy administration from March: SLA tiered 2/5/8 %, accuracy 3/6 %, CSAT 1 %; cap 10 %
        Api.Response beyondCap = manager.post(contractPath + "/credit-rules", creditRule("SLA_ATTAINMENT",
                List.of(tier("0", "2"), tier("10", "12")), "10", 2));
        assertProblem(beyondCap, 422, "tiers[1].percent");
        assertThat(beyondCap.text("code")).isEqualTo("credit-beyond-cap");
        assertProblem(manager.post(contractPath + "/credit-rules", creditRule("BACKLOG_AGE", List.of(tier("0", "1")), "10", 0)), 422, "kpi");
        assertProblem(manager.post(contractPath + "/credit-rules", creditRule("SLA_ATTAINMENT",
                List.of(tier("10", "2"), tier("5", "3")), "10", 0)), 422, "tiers[1].missedBy");
        assertThat(analyst.post(contractPath + "/credit-rules", creditRule("CSAT", List.of(tier("0", "1")), "12", 0)).status())
                .as("credit terms are for managers").isEqualTo(403);
        assertThat(manager.post(contractPath + "/credit-rules", creditRule("SLA_ATTAINMENT",
                List.of(tier("0", "2"), tier("10", "5"), tier("30", "8")), "10", 2)).status()).isEqualTo(201);
        assertThat(manager.post(contractPath + "/credit-rules", creditRule("ACCURACY", List.of(tier("0", "3"), tier("5", "6")), "10", 0))
                .status()).isEqualTo(201);
        assertThat(manager.post(contractPath + "/credit-rules", creditRule("CSAT", List.of(tier("0", "1")), "12", 0)).status())
                .isEqualTo(201);

        WorkItem onTime = fixture.raise(setup, "A: address change", Priority.NORMAL);
        WorkItem paused = fixture.raise(setup, "B: waits on the client", Priority.NORMAL);
        WorkItem lateNormal = fixture.raise(setup, "C: late", Priority.NORMAL);
        WorkItem lateHigh = fixture.raise(setup, "D: urgent and late", Priority.HIGH);
        WorkItem quickHigh = fixture.raise(setup, "E: urgent in time", Priority.HIGH);
        WorkItem open = fixture.raise(setup, "F: still open at month end", Priority.NORMAL);

        at("2026-03-02T10:00:00Z", () -> {
            fixture.complete(setup, onTime);                                  // 1 business hour of 8: met
            fixture.move(paused, "processing", CurrentUser.of(setup.work().maker()));
            fixture.move(paused, "query_to_client", CurrentUser.of(setup.work().maker()));
        });
        at("2026-03-02T11:00:00Z", () -> fixture.complete(setup, quickHigh));   // 2 hours of 4: met
        // 15:05: D passed its warning (80 % of 4 h) at 12:12 and is raised to URGENT; C and F passed theirs (75 % of 8 h)
        // at 15:00 and are raised to HIGH. Escalation changes the priority, never the SLA target.
        at("2026-03-02T15:05:00Z", () -> fixture.complete(setup, lateHigh));    // 6 h 05 of 4: missed
        at("2026-03-03T10:00:00Z", () -> fixture.move(paused, "processing", CurrentUser.of(setup.work().requester())));
        at("2026-03-03T11:00:00Z", () -> fixture.complete(setup, paused));      // 1 + 1 hours, the day on the client not counted: met
        at("2026-03-03T16:00:00Z", () -> fixture.complete(setup, lateNormal));  // 8.5 + 7 hours: missed

        clock.set(Instant.parse("2026-03-04T10:00:00Z"));
        analyst.post(setup.path() + "/qa/forms", policyForm());
        evaluate(lead, analyst, onTime, 20, 0);
        evaluate(lead, analyst, paused, 20, 1);
        evaluate(lead, analyst, lateNormal, 10, 2);
        clock.set(Instant.parse("2026-03-05T10:00:00Z"));
        for (Map.Entry<WorkItem, Integer> answer : Map.of(onTime, 5, paused, 4, lateNormal, 2, lateHigh, 1).entrySet()) {
            assertThat(lead.post(setup.path() + "/qa/csat-responses", Map.of("itemId", answer.getKey().id(), "score", answer.getValue()))
                    .status()).isEqualTo(201);
        }

        awaitCompletedWorkTakenUp();
        clock.set(Instant.parse("2026-03-20T12:00:00Z"));
        JsonNode march = api().as(setup.work().requesterToken()).get(contractPath + "/scorecards/2026-03").body();
        // SLA: A, B, E met; C, D missed: 3 of 5 = 60.00 %. By the priority they ended at: normal A, B 2 of 2 = 100.00 %,
        // high E and C (escalated) 1 of 2 = 50.00 %, urgent D (escalated) 0 of 1 = 0.00 %
        assertThat(result(march, "SLA_ATTAINMENT").path("measured").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(result(march, "SLA_ATTAINMENT").path("met").asBoolean()).isFalse();
        assertThat(result(march, "SLA_ATTAINMENT").path("basis").asString()).contains("3 of 5").contains("1 were paused");
        assertThat(byPriority(march, "NORMAL").path("percent").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(byPriority(march, "HIGH").path("percent").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(byPriority(march, "URGENT").path("percent").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(byPriority(march, "URGENT").path("withSla").asLong()).isEqualTo(1);
        // accuracy: 50 fields checked, 3 wrong: 47 / 50 = 94.00 %, 4.00 below 98
        assertThat(result(march, "ACCURACY").path("measured").decimalValue()).isEqualByComparingTo("94.00");
        assertThat(result(march, "ACCURACY").path("basis").asString()).isEqualTo(
                "47 of 50 fields checked by QA were right (3 errors in 3 evaluated items)");
        // CSAT: (5 + 4 + 2 + 1) / 4 = 3.00 on the 1–5 scale, 1.00 below the target of 4
        assertThat(result(march, "CSAT").path("measured").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(result(march, "CSAT").path("basis").asString()).isEqualTo("average of 4 CSAT responses on a scale of 1 to 5 (2 scored 4 or 5)");
        // B waited on the client from 2 March 10:00 to 3 March 10:00: 86,400 seconds, shown
        assertThat(march.path("pendingClient").get(0).path("items").asLong()).isEqualTo(1);
        assertThat(march.path("pendingClient").get(0).path("seconds").asLong()).isEqualTo(86_400);
        // credits: SLA missed by 35.00 reaches the 30 tier, 8 %; accuracy missed by 4.00, the 0 tier, 3 % but only 2 % fit
        // under the 10 % cap; CSAT missed by 1.00, the 0 tier, 1 %, does not fit at all. Total 10.00 %.
        JsonNode line = march.path("credits").get(0);
        assertThat(line.path("serviceLine").asString()).isEqualTo("policy-admin");
        assertThat(line.path("capPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(line.path("totalPercent").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(credit(line, "SLA_ATTAINMENT").path("shortfall").decimalValue()).as(line.toString()).isEqualByComparingTo("35.00");
        assertThat(credit(line, "SLA_ATTAINMENT").path("appliedPercent").decimalValue()).as(line.toString()).isEqualByComparingTo("8");
        assertThat(credit(line, "ACCURACY").path("tierPercent").decimalValue()).isEqualByComparingTo("3");
        assertThat(credit(line, "ACCURACY").path("appliedPercent").decimalValue()).isEqualByComparingTo("2");
        assertThat(credit(line, "CSAT").path("appliedPercent").decimalValue()).isEqualByComparingTo("0");
        assertThat(line.path("explanation").asString()).startsWith("10 % of the policy-admin fees for 2026-03 (capped at 10 %): SLA_ATTAINMENT on policy-admin was 60 against a target of 95, missed by 35");

        // the figures' items, one click away
        assertThat(refs(api().as(setup.work().requesterToken()).get(contractPath
                + "/scorecards/2026-03/items?figure=SLA&serviceLine=policy-admin&slaMet=false").body().path("completed")))
                .containsExactly("WI-" + lateHigh.id(), "WI-" + lateNormal.id());
        JsonNode pending = manager.get(contractPath + "/scorecards/2026-03/items?figure=PENDING_CLIENT&serviceLine=policy-admin").body();
        assertThat(refs(pending.path("completed"))).containsExactly("WI-" + paused.id());
        assertThat(pending.path("completed").get(0).path("pendingClientSeconds").asLong()).isEqualTo(86_400);
        assertThat(refs(manager.get(contractPath + "/scorecards/2026-03/items?figure=BACKLOG&serviceLine=policy-admin").body()
                .path("open"))).containsExactly("WI-" + open.id());
        JsonNode checked = api().as(setup.work().requesterToken())
                .get(contractPath + "/scorecards/2026-03/items?figure=ACCURACY&serviceLine=policy-admin").body().path("evaluations");
        assertThat(checked.size()).isEqualTo(3);
        assertThat(checked.get(2).path("errorsFound").asInt()).isEqualTo(2);
        assertThat(checked.get(2).has("evaluator") || checked.get(2).has("agentId")).as("QA's people stay the provider's").isFalse();
        assertThat(manager.get(contractPath + "/scorecards/2026-03/items?figure=CSAT&serviceLine=policy-admin").body()
                .path("responses").size()).isEqualTo(4);
        assertProblem(manager.get(contractPath + "/scorecards/2026-03/items?figure=SLA&serviceLine=payroll"), 422, "serviceLine");
        assertProblem(manager.get(contractPath + "/scorecards/2026-03/items?figure=NOPE&serviceLine=policy-admin"), 400, "figure");

        Api.Response early = manager.post(contractPath + "/scorecards/2026-03/sign-off", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("code")).isEqualTo("period-not-ended");

        clock.set(Instant.parse("2026-04-01T08:00:00Z"));
        assertThat(api().as(setup.work().requesterToken()).post(contractPath + "/scorecards/2026-03/sign-off", Map.of()).status())
                .as("clients do not sign off").isEqualTo(403);
        Scorecard signed = TenantScope.call(AllowedClients.ALL, () -> scorecards.signOff(contract.clientId(), contract.id(),
                YearMonth.of(2026, 3), admin));
        assertThat(signed.signedOffAt()).isEqualTo(Instant.parse("2026-04-01T08:00:00Z"));
        List<ScorecardSignedOff> published = events.stream(ScorecardSignedOff.class).toList();
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.clientId()).isEqualTo(contract.clientId());
            assertThat(event.period()).isEqualTo(YearMonth.of(2026, 3));
            assertThat(event.credits()).singleElement().satisfies(owed -> {
                assertThat(owed.serviceLine()).isEqualTo("policy-admin");
                assertThat(owed.percent()).isEqualByComparingTo("10.00");
            });
        });
        // billing turns the signed-off credit into a credit on March's fees, once
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(TenantScope.call(AllowedClients.ALL, () -> serviceCredits.of(contract.clientId(),
                        java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 31))))
                        .singleElement().satisfies(credit -> {
                            assertThat(credit.serviceLine()).isEqualTo("policy-admin");
                            assertThat(credit.percent()).isEqualByComparingTo("10.00");
                        }));
        Api.Response twice = manager.post(contractPath + "/scorecards/2026-03/sign-off", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("code")).isEqualTo("already-signed-off");

        // a late survey answer for March changes nothing once March is frozen
        assertThat(lead.post(setup.path() + "/qa/csat-responses", Map.of("itemId", quickHigh.id(), "score", 5,
                "respondedAt", "2026-03-10T10:00:00Z")).status()).isEqualTo(201);
        JsonNode frozen = manager.get(contractPath + "/scorecards/2026-03").body();
        assertThat(result(frozen, "CSAT").path("measured").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(frozen.path("signedOffBy").asString()).isEqualTo(admin.email());
        JsonNode clientsCard = api().as(setup.work().requesterToken()).get(contractPath + "/scorecards/2026-03").body();
        assertThat(clientsCard.path("signedOffBy").asString()).as("the client reads who signed off as the service team")
                .isEqualTo("Service team");
        assertThat(clientsCard.path("signedOffAt").asString()).isEqualTo("2026-04-01T08:00:00Z");
        assertThat(clientsCard.toString()).doesNotContain(admin.email());
        assertThat(manager.get(contractPath + "/scorecards").body().toString()).isEqualTo("[\"2026-03\"]");

        // April: one request, in time. 100 % beats the 95 % target, so March's 8 % SLA credit is earned back.
        clock.set(Instant.parse("2026-04-06T08:00:00Z")); // Monday 09:00 London summer time
        WorkItem april = fixture.raise(setup, "G: April", Priority.NORMAL);
        at("2026-04-06T09:00:00Z", () -> fixture.complete(setup, april));
        awaitCompletedWorkTakenUp();
        JsonNode aprilCard = manager.get(contractPath + "/scorecards/current").body();
        assertThat(aprilCard.path("period").asString()).isEqualTo("2026-04");
        assertThat(result(aprilCard, "SLA_ATTAINMENT").path("measured").decimalValue()).isEqualByComparingTo("100.00");
        JsonNode aprilLine = aprilCard.path("credits").get(0);
        assertThat(aprilLine.path("totalPercent").decimalValue()).isEqualByComparingTo("0");
        assertThat(aprilLine.path("earnBacks").size()).isEqualTo(1);
        assertThat(aprilLine.path("earnBacks").get(0).path("creditPeriod").asString()).isEqualTo("2026-03");
        assertThat(aprilLine.path("earnBacks").get(0).path("percent").decimalValue()).isEqualByComparingTo("8");
    }

    /**
     * March owes an 8 % SLA credit that either of the next two months may earn back. April and May
     * both beat the target and are signed off at the same moment: March's credit is earned back
     * once, by whichever sign-off came first, and the other month is frozen without an earn-back.
     */
    @Test
    void twoMonthsSignedOffAtOnceEarnBackTheSameCreditOnlyOnce() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        fixture = new QualityFixture(context);
        CurrentUser admin = providerAdministrator();
        setup = fixture.clientWithQa(admin, unique("SCE"), IntegrationTest::unique);
        Contract contract = setup.work().contract();
        String contractPath = setup.path() + "/contracts/" + contract.id();
        assertThat(api().as(setup.work().adminToken()).post(contractPath + "/credit-rules", creditRule("SLA_ATTAINMENT",
                List.of(tier("0", "8")), "10", 2)).status()).isEqualTo(201);

        WorkItem late = fixture.raise(setup, "March: late", Priority.NORMAL);
        at("2026-03-04T16:00:00Z", () -> fixture.complete(setup, late));
        clock.set(Instant.parse("2026-04-06T08:00:00Z"));
        WorkItem april = fixture.raise(setup, "April: in time", Priority.NORMAL);
        at("2026-04-06T09:00:00Z", () -> fixture.complete(setup, april));
        clock.set(Instant.parse("2026-05-05T08:00:00Z"));
        WorkItem may = fixture.raise(setup, "May: in time", Priority.NORMAL);
        at("2026-05-05T09:00:00Z", () -> fixture.complete(setup, may));
        awaitCompletedWorkTakenUp();
        clock.set(Instant.parse("2026-06-01T08:00:00Z"));
        Scorecard march = TenantScope.call(AllowedClients.ALL, () -> scorecards.signOff(contract.clientId(), contract.id(),
                YearMonth.of(2026, 3), admin));
        assertThat(march.owed()).singleElement().satisfies(owed -> assertThat(owed.percent()).isEqualByComparingTo("8"));

        // April's sign-off has earned March's credit back but not yet committed when May's is asked for
        var transactions = context.getBean(org.springframework.transaction.support.TransactionTemplate.class);
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        var aprilHolds = new java.util.concurrent.CountDownLatch(1);
        var mayWaits = new java.util.concurrent.CountDownLatch(1);
        var signed = new java.util.concurrent.ConcurrentHashMap<YearMonth, Scorecard>();
        var failures = new java.util.concurrent.CopyOnWriteArrayList<Throwable>();
        Thread first = Thread.ofPlatform().start(() -> {
            try {
                TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> {
                    signed.put(YearMonth.of(2026, 4), scorecards.signOff(contract.clientId(), contract.id(), YearMonth.of(2026, 4), admin));
                    aprilHolds.countDown();
                    try {
                        mayWaits.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            } catch (Throwable e) {
                failures.add(e);
            } finally {
                aprilHolds.countDown();
            }
        });
        assertThat(aprilHolds.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread second = Thread.ofPlatform().start(() -> {
            try {
                signed.put(YearMonth.of(2026, 5), TenantScope.call(AllowedClients.ALL,
                        () -> scorecards.signOff(contract.clientId(), contract.id(), YearMonth.of(2026, 5), admin)));
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        // April commits once May's sign-off is held up by it (a lock not granted), or has finished without waiting
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !second.isAlive()
                || TenantScope.call(AllowedClients.ALL, () -> jdbc.sql("select count(*) from pg_locks where not granted")
                .query(Long.class).single()) > 0);
        mayWaits.countDown();
        first.join(60_000);
        second.join(60_000);

        assertThat(failures).isEmpty();
        List<LineCredit.EarnBack> earnedBack = signed.values().stream().flatMap(card -> card.credits().stream())
                .flatMap(line -> line.earnBacks().stream()).toList();
        assertThat(earnedBack).as("March's credit earned back by April or May, not both").singleElement().satisfies(back -> {
            assertThat(back.creditPeriod()).isEqualTo("2026-03");
            assertThat(back.percent()).isEqualByComparingTo("8");
        });
        assertThat(java.util.stream.Stream.of(march, signed.get(YearMonth.of(2026, 4)), signed.get(YearMonth.of(2026, 5)))
                .flatMap(card -> card.owed().stream()).map(CreditOwed::percent).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("billing is told of 8 % owed and 8 % earned back").isEqualByComparingTo("0");
        for (YearMonth month : List.of(YearMonth.of(2026, 4), YearMonth.of(2026, 5))) {
            Scorecard frozen = TenantScope.call(AllowedClients.ALL, () -> scorecards.score(contract.clientId(), contract.id(), month));
            assertThat(frozen.owed()).isEqualTo(signed.get(month).owed());
        }
    }

    /**
     * The client's accuracy is an estimate from the work the sampling rules drew: an item flagged for QA
     * (a complaint) is evaluated, and counts for its agent, but does not pull the contract's figure down.
     */
    @Test
    void workFlaggedForQaIsEvaluatedButLeftOutOfTheClientsAccuracy() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        fixture = new QualityFixture(context);
        setup = fixture.clientWithQa(providerAdministrator(), unique("SCF"), IntegrationTest::unique);
        Contract contract = setup.work().contract();
        TenantScope.run(AllowedClients.ALL, () -> contracts.revise(contract.clientId(), contract.id(), new ReviseContract(
                contract.calendar(), contract.slaTargets(), List.of(new KpiTarget("policy-admin", Kpi.ACCURACY, new BigDecimal("98"))),
                "accuracy target")));
        Api lead = api().as(setup.leadToken());
        Api analyst = api().as(setup.analystToken());
        assertThat(analyst.post(setup.path() + "/qa/forms", policyForm()).status()).isEqualTo(201);
        assertThat(analyst.post(setup.path() + "/qa/sampling-rules", Map.of("percent", "100", "minimumPerWeek", 0, "newAgentItems", 0))
                .status()).isEqualTo(201);
        WorkItem drawn = fixture.raise(setup, "Drawn by the rule", Priority.NORMAL);
        fixture.complete(setup, drawn);
        awaitCompletedWorkTakenUp();
        assertThat(analyst.post(setup.path() + "/qa/sampling-rules", Map.of("percent", "0", "minimumPerWeek", 0, "newAgentItems", 0))
                .status()).isEqualTo(201);
        WorkItem complaint = fixture.raise(setup, "The client complained", Priority.NORMAL);
        fixture.complete(setup, complaint);
        awaitCompletedWorkTakenUp();

        evaluate(lead, analyst, drawn, 20, 0);
        evaluate(lead, analyst, complaint, 20, 10);

        clock.set(Instant.parse("2026-03-20T12:00:00Z"));
        String contractPath = setup.path() + "/contracts/" + contract.id();
        JsonNode march = api().as(setup.work().requesterToken()).get(contractPath + "/scorecards/2026-03").body();
        assertThat(result(march, "ACCURACY").path("measured").decimalValue()).as(march.toString()).isEqualByComparingTo("100.00");
        assertThat(result(march, "ACCURACY").path("basis").asString())
                .isEqualTo("20 of 20 fields checked by QA were right (0 errors in 1 evaluated items)");
        JsonNode checked = api().as(setup.work().requesterToken())
                .get(contractPath + "/scorecards/2026-03/items?figure=ACCURACY&serviceLine=policy-admin").body().path("evaluations");
        assertThat(checked.size()).isEqualTo(1);
    }

    private void evaluate(Api lead, Api analyst, WorkItem item, int fields, int errors) {
        assertThat(lead.post(setup.path() + "/qa/flags", Map.of("itemId", item.id(), "note", "monthly check")).status()).isEqualTo(201);
        Api.Response scored = analyst.post(setup.path() + "/qa/samples/" + item.id() + "/evaluation", Map.of("form", "back-office",
                "answers", Map.of("accuracy", errors == 0 ? "YES" : "NO", "courtesy", "YES", "procedure", "YES", "data-protection", "YES"),
                "fieldsChecked", fields, "errorsFound", errors));
        assertThat(scored.status()).as(scored.body().toString()).isEqualTo(201);
    }

    /** The SLA timers are run here, as the node would, so each step sees its escalations. */
    private void at(String instant, Runnable action) {
        clock.set(Instant.parse(instant));
        TenantScope.run(AllowedClients.ALL, timers::escalateDue);
        action.run();
    }

    private static Map<String, Object> creditRule(String kpi, List<Map<String, String>> tiers, String cap, int earnBack) {
        return Map.of("serviceLine", "policy-admin", "kpi", kpi, "effectiveFrom", "2026-03", "tiers", tiers, "capPercent", cap,
                "earnBackPeriods", earnBack);
    }

    private static Map<String, String> tier(String missedBy, String percent) {
        return Map.of("missedBy", missedBy, "percent", percent);
    }

    private static JsonNode result(JsonNode card, String kpi) {
        for (JsonNode r : card.path("results")) {
            if (r.path("kpi").asString().equals(kpi)) {
                return r;
            }
        }
        throw new AssertionError("no " + kpi + " in " + card);
    }

    private static JsonNode byPriority(JsonNode card, String priority) {
        for (JsonNode r : card.path("slaByPriority")) {
            if (r.path("priority").asString().equals(priority)) {
                return r;
            }
        }
        throw new AssertionError("no " + priority + " in " + card);
    }

    private static JsonNode credit(JsonNode line, String kpi) {
        for (JsonNode c : line.path("credits")) {
            if (c.path("kpi").asString().equals(kpi)) {
                return c;
            }
        }
        throw new AssertionError("no credit for " + kpi + " in " + line);
    }

    private static List<String> refs(JsonNode items) {
        List<String> refs = new java.util.ArrayList<>();
        items.forEach(i -> refs.add(i.path("reference").asString()));
        return refs;
    }
}
