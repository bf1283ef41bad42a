package org.openbpo.quality;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.tenancy.CurrentUser;
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
 * QA through the API as analysts, agents and team leads use it: a form with weights and a fatal
 * question, exact scores, acknowledgement, a dispute decided by a second reviewer, calibration
 * variance, CSAT, sampling rules, and the refusals for bad input.
 */
class QualityApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    QualityFixture fixture;
    QualityFixture.Setup setup;
    Api analyst;
    Api second;
    Api agent;
    Api lead;

    @BeforeEach
    void clientWithQa() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        fixture = new QualityFixture(context);
        setup = fixture.clientWithQa(providerAdministrator(), unique("QA"), IntegrationTest::unique);
        analyst = api().as(setup.analystToken());
        second = api().as(setup.secondAnalystToken());
        agent = api().as(setup.work().makerToken());
        lead = api().as(setup.leadToken());
    }

    /** Accuracy 50, courtesy 30, procedure 20, and data protection: weight 0 but fatal. Pass mark 80. */
    static Map<String, Object> policyForm() {
        return Map.of("code", "back-office", "name", "Back-office check", "passMark", 80, "questions", List.of(
                Map.of("key", "accuracy", "text", "Every field keyed as on the source document", "weight", 50, "fatal", false),
                Map.of("key", "courtesy", "text", "Reply to the client is courteous and clear", "weight", 30, "fatal", false),
                Map.of("key", "procedure", "text", "Procedure followed", "weight", 20, "fatal", false),
                Map.of("key", "data-protection", "text", "No personal data sent to the wrong party", "weight", 0, "fatal", true)));
    }

    @Test
    void anEvaluationIsScoredExactlyAndADisputeIsDecidedByASecondReviewer() {
        assertThat(analyst.post(setup.path() + "/qa/forms", policyForm()).status()).isEqualTo(201);
        long first = completedAndFlagged("Address change for policy 1042");

        Api.Response scored = analyst.post(setup.path() + "/qa/samples/" + first + "/evaluation", Map.of("form", "back-office",
                "answers", Map.of("accuracy", "YES", "courtesy", "NO", "procedure", "YES", "data-protection", "YES"),
                "fieldsChecked", 12, "errorsFound", 1));
        assertThat(scored.status()).as(scored.body().toString()).isEqualTo(201);
        // (50 + 20) / (50 + 30 + 20) = 70.00, below the pass mark of 80
        assertThat(scored.body().path("score").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(scored.body().path("passed").asBoolean()).isFalse();
        assertThat(scored.body().path("fatal").asBoolean()).isFalse();
        assertThat(scored.body().path("failedQuestions").toString()).isEqualTo("[\"courtesy\"]");
        assertThat(scored.text("agentId")).isEqualTo(setup.work().maker().id().toString());
        assertThat(scored.text("status")).isEqualTo("OPEN");
        String evaluation = setup.path() + "/qa/evaluations/" + scored.text("id");

        Api.Response again = second.post(setup.path() + "/qa/samples/" + first + "/evaluation", Map.of("form", "back-office",
                "answers", Map.of("accuracy", "YES", "courtesy", "YES", "procedure", "YES", "data-protection", "YES")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("already-evaluated");

        assertProblem(agent.post(evaluation + "/dispute", Map.of("reason", " ")), 422, "reason");
        Api.Response disputed = agent.post(evaluation + "/dispute", Map.of("reason", "The client asked for that wording"));
        assertThat(disputed.status()).as(disputed.body().toString()).isEqualTo(200);
        assertThat(disputed.text("status")).isEqualTo("DISPUTED");

        Api.Response ownReview = analyst.post(evaluation + "/review", Map.of("outcome", "UPHELD", "note", "stands"));
        assertThat(ownReview.status()).isEqualTo(409);
        assertThat(ownReview.text("code")).isEqualTo("reviewer-is-evaluator");
        Api.Response noAnswers = second.post(evaluation + "/review", Map.of("outcome", "OVERTURNED", "note", "agreed"));
        assertThat(noAnswers.status()).isEqualTo(422);
        assertThat(noAnswers.text("field")).isEqualTo("answers");

        Api.Response reviewed = second.post(evaluation + "/review", Map.of("outcome", "OVERTURNED", "note", "Client's own wording",
                "answers", Map.of("accuracy", "YES", "courtesy", "YES", "procedure", "YES", "data-protection", "YES")));
        assertThat(reviewed.status()).as(reviewed.body().toString()).isEqualTo(200);
        assertThat(reviewed.body().path("score").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(reviewed.body().path("originalScore").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(reviewed.body().path("passed").asBoolean()).isTrue();
        assertThat(reviewed.text("status")).isEqualTo("CLOSED");
        assertThat(reviewed.text("reviewer")).isEqualTo("Sam Second");

        Api.Response late = agent.post(evaluation + "/dispute", Map.of("reason", "once more"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("code")).isEqualTo("evaluation-closed");
        assertThat(late.body().path("type").isMissingNode()).isFalse();

        long second = completedAndFlagged("Beneficiary change for policy 2210");
        Api.Response fatal = analyst.post(setup.path() + "/qa/samples/" + second + "/evaluation", Map.of("form", "back-office",
                "answers", Map.of("accuracy", "YES", "courtesy", "YES", "procedure", "NA", "data-protection", "NO")));
        // 80 / 80 = 100.00, but the fatal question failed the item
        assertThat(fatal.body().path("score").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(fatal.body().path("fatal").asBoolean()).isTrue();
        assertThat(fatal.body().path("passed").asBoolean()).isFalse();
        String fatalPath = setup.path() + "/qa/evaluations/" + fatal.text("id");
        assertThat(agent.post(fatalPath + "/acknowledgement", Map.of()).text("status")).isEqualTo("CLOSED");
        Api.Response afterAck = agent.post(fatalPath + "/dispute", Map.of("reason", "too late"));
        assertThat(afterAck.status()).isEqualTo(409);
        assertThat(afterAck.text("code")).isEqualTo("evaluation-closed");

        JsonNode coaching = agent.get(setup.path() + "/qa/agents/" + setup.work().maker().id() + "/coaching").body();
        assertThat(coaching.path("evaluations").size()).isEqualTo(2);
        assertThat(coaching.path("trend").get(0).path("month").asString()).isEqualTo("2026-03");
        assertThat(coaching.path("trend").get(0).path("evaluations").asInt()).isEqualTo(2);
        assertThat(coaching.path("trend").get(0).path("averageScore").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(coaching.path("trend").get(0).path("passed").asInt()).isEqualTo(1);
        assertThat(coaching.path("trend").get(0).path("fatal").asInt()).isEqualTo(1);
        assertThat(coaching.path("failedQuestions").get(0).path("key").asString()).isEqualTo("data-protection");
        assertThat(coaching.path("failedQuestions").get(0).path("times").asInt()).isEqualTo(1);
        Api.Response othersCoaching = api().as(setup.work().checkerToken())
                .get(setup.path() + "/qa/agents/" + setup.work().maker().id() + "/coaching");
        assertThat(othersCoaching.status()).as("an agent sees only their own coaching view").isEqualTo(403);
    }

    @Test
    void calibrationReportsTheVariancePerQuestionAndOverall() {
        analyst.post(setup.path() + "/qa/forms", policyForm());
        long item = completedAndFlagged("Claim form keyed");
        Api.Response started = analyst.post(setup.path() + "/qa/calibrations", Map.of("itemId", item, "form", "back-office",
                "title", "March calibration"));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String path = setup.path() + "/qa/calibrations/" + started.text("id");
        analyst.post(path + "/scores", Map.of("answers", Map.of("accuracy", "YES", "courtesy", "YES", "procedure", "YES",
                "data-protection", "YES")));
        lead.post(path + "/scores", Map.of("answers", Map.of("accuracy", "YES", "courtesy", "NO", "procedure", "YES",
                "data-protection", "YES")));
        Api.Response third = second.post(path + "/scores", Map.of("answers", Map.of("accuracy", "NO", "courtesy", "YES",
                "procedure", "YES", "data-protection", "YES")));
        assertThat(third.status()).as(third.body().toString()).isEqualTo(201);
        assertThat(second.post(path + "/scores", Map.of("answers", Map.of("accuracy", "YES", "courtesy", "YES",
                "procedure", "YES", "data-protection", "YES"))).status()).as("once per analyst").isEqualTo(409);

        JsonNode calibration = analyst.get(path).body();
        // scores 100, 70, 50: mean 73.3333, variance ((26.67)² + (3.33)² + (23.33)²) / 3 = 422.2222
        assertThat(calibration.path("overall").path("analysts").asInt()).isEqualTo(3);
        assertThat(calibration.path("overall").path("mean").decimalValue()).isEqualByComparingTo("73.3333");
        assertThat(calibration.path("overall").path("variance").decimalValue()).isEqualByComparingTo("422.2222");
        JsonNode courtesy = calibration.path("questions").get(1);
        assertThat(courtesy.path("key").asString()).isEqualTo("courtesy");
        // points 30, 0, 30: mean 20, variance (100 + 400 + 100) / 3 = 200
        assertThat(courtesy.path("spread").path("mean").decimalValue()).isEqualByComparingTo("20");
        assertThat(courtesy.path("spread").path("variance").decimalValue()).isEqualByComparingTo("200");
        JsonNode procedure = calibration.path("questions").get(2);
        assertThat(procedure.path("spread").path("variance").decimalValue()).isEqualByComparingTo("0");
        assertThat(agent.get(setup.path() + "/qa/evaluations").status()).as("agents do not browse QA").isIn(200, 403);
    }

    @Test
    void aCalibrationPutBeforeChosenAnalystsStaysBlindUntilAllHaveScored() {
        analyst.post(setup.path() + "/qa/forms", policyForm());
        long item = completedAndFlagged("Beneficiary change keyed");
        String analystId = setup.analyst().id().toString();
        String secondId = setup.secondAnalyst().id().toString();
        assertProblem(lead.post(setup.path() + "/qa/calibrations", Map.of("itemId", item, "form", "back-office", "title", "Alone",
                "analysts", List.of(analystId))), 422, "analysts");
        assertProblem(lead.post(setup.path() + "/qa/calibrations", Map.of("itemId", item, "form", "back-office", "title", "Stranger",
                "analysts", List.of(analystId, java.util.UUID.randomUUID().toString()))), 422, "analysts");
        Api.Response started = lead.post(setup.path() + "/qa/calibrations", Map.of("itemId", item, "form", "back-office",
                "title", "April calibration", "analysts", List.of(analystId, secondId)));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        assertThat(started.body().path("analysts").size()).isEqualTo(2);
        String path = setup.path() + "/qa/calibrations/" + started.text("id");
        Map<String, Object> allYes = Map.of("answers", Map.of("accuracy", "YES", "courtesy", "YES", "procedure", "YES",
                "data-protection", "YES"));

        Api.Response uninvited = lead.post(path + "/scores", allYes);
        assertThat(uninvited.status()).isEqualTo(409);
        assertThat(uninvited.text("code")).isEqualTo("not-invited");
        assertThat(analyst.post(path + "/scores", allYes).status()).isEqualTo(201);
        JsonNode seenBySecond = second.get(path).body();
        assertThat(seenBySecond.path("complete").asBoolean()).isFalse();
        assertThat(seenBySecond.path("scores").size()).as("no anchoring on a colleague's score").isZero();
        assertThat(seenBySecond.path("overall").path("mean").isNull()).isTrue();
        assertThat(seenBySecond.path("analysts").findValuesAsString("name")).contains("Quinn Analyst", "Sam Second");

        Api.Response last = second.post(path + "/scores", Map.of("answers", Map.of("accuracy", "NO", "courtesy", "YES",
                "procedure", "YES", "data-protection", "YES")));
        assertThat(last.status()).isEqualTo(201);
        assertThat(last.body().path("complete").asBoolean()).isTrue();
        // scores 100 and 50: mean 75, variance 625; accuracy points 50 and 0: mean 25, variance 625
        assertThat(last.body().path("overall").path("mean").decimalValue()).isEqualByComparingTo("75");
        assertThat(last.body().path("overall").path("variance").decimalValue()).isEqualByComparingTo("625");
        assertThat(last.body().path("questions").get(0).path("spread").path("variance").decimalValue()).isEqualByComparingTo("625");
        assertThat(lead.get(path).body().path("scores").size()).isEqualTo(2);
    }

    @Test
    void aCalibrationsSpreadCanBeShownBeforeEveryoneScored() {
        analyst.post(setup.path() + "/qa/forms", policyForm());
        long item = completedAndFlagged("Premium refund keyed");
        String path = setup.path() + "/qa/calibrations/" + lead.post(setup.path() + "/qa/calibrations", Map.of("itemId", item,
                "form", "back-office", "title", "Quick debrief", "analysts", List.of(setup.analyst().id().toString(),
                        setup.secondAnalyst().id().toString()))).text("id");
        analyst.post(path + "/scores", Map.of("answers", Map.of("accuracy", "YES", "courtesy", "NO", "procedure", "YES",
                "data-protection", "YES")));
        assertThat(lead.get(path).body().path("scores").size()).isZero();
        Api.Response revealed = lead.post(path + "/reveal", Map.of());
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body().path("complete").asBoolean()).isFalse();
        assertThat(revealed.body().path("overall").path("mean").decimalValue()).isEqualByComparingTo("70");
        assertThat(revealed.body().path("revealedBy").asString()).isEqualTo(setup.lead().email());
    }

    @Test
    void samplingRulesCsatAndFormsRefuseBadInputWithTheFieldAndTheReason() {
        Api.Response rule = analyst.post(setup.path() + "/qa/sampling-rules", Map.of("serviceLine", "policy-admin",
                "percent", "12.5", "minimumPerWeek", 5));
        assertThat(rule.status()).as(rule.body().toString()).isEqualTo(201);
        assertThat(rule.body().path("newAgentItems").asInt()).isEqualTo(20);
        Api.Response replaced = analyst.post(setup.path() + "/qa/sampling-rules", Map.of("serviceLine", "policy-admin",
                "percent", "100", "minimumPerWeek", 0, "newAgentItems", 0));
        assertThat(replaced.status()).isEqualTo(201);
        assertThat(analyst.get(setup.path() + "/qa/sampling-rules").body().size()).as("one rule per scope").isEqualTo(1);
        assertProblem(analyst.post(setup.path() + "/qa/sampling-rules", Map.of("percent", "101", "minimumPerWeek", 0)), 422, "percent");
        assertProblem(analyst.post(setup.path() + "/qa/sampling-rules", Map.of("percent", "10", "minimumPerWeek", -1)), 422,
                "minimumPerWeek");
        assertProblem(analyst.post(setup.path() + "/qa/sampling-rules", Map.of("workType", "no-such-type", "percent", "10",
                "minimumPerWeek", 0)), 422, "workType");
        assertThat(agent.post(setup.path() + "/qa/sampling-rules", Map.of("percent", "10", "minimumPerWeek", 0)).status())
                .as("agents do not set sampling").isEqualTo(403);

        Map<String, Object> duplicate = Map.of("code", "dup", "name", "Dup", "passMark", 80, "questions", List.of(
                Map.of("key", "a", "text", "A", "weight", 50, "fatal", false), Map.of("key", "a", "text", "B", "weight", 50, "fatal", false)));
        assertProblem(analyst.post(setup.path() + "/qa/forms", duplicate), 422, "questions[1].key");
        assertProblem(analyst.post(setup.path() + "/qa/forms", Map.of("code", "x1", "name", "X", "passMark", 150,
                "questions", List.of(Map.of("key", "a", "text", "A", "weight", 50, "fatal", false)))), 422, "passMark");
        assertProblem(analyst.post(setup.path() + "/qa/forms", Map.of("code", "x1", "name", "X", "passMark", 50,
                "questions", List.of())), 422, "questions");
        Api.Response v1 = analyst.post(setup.path() + "/qa/forms", policyForm());
        Api.Response v2 = analyst.post(setup.path() + "/qa/forms", policyForm());
        assertThat(v1.body().path("version").asInt()).isEqualTo(1);
        assertThat(v2.body().path("version").asInt()).as("saving again makes a new version").isEqualTo(2);

        long item = completedAndFlagged("Direct debit mandate");
        String evaluate = setup.path() + "/qa/samples/" + item + "/evaluation";
        assertProblem(analyst.post(evaluate, Map.of("form", "back-office", "answers", Map.of("accuracy", "YES"))), 422, "answers.courtesy");
        assertProblem(analyst.post(evaluate, Map.of("form", "no-such-form", "answers", Map.of())), 422, "form");
        assertProblem(analyst.post(evaluate, Map.of("form", "back-office", "answers", Map.of("accuracy", "YES", "courtesy", "YES",
                "procedure", "YES", "data-protection", "YES"), "fieldsChecked", 3, "errorsFound", 4)), 422, "errorsFound");
        assertProblem(analyst.post(evaluate, Map.of("form", "back-office", "answers", Map.of("accuracy", "MAYBE"))), 400, "answers.accuracy");
        assertThat(agent.post(evaluate, Map.of("form", "back-office", "answers", Map.of("accuracy", "YES", "courtesy", "YES",
                "procedure", "YES", "data-protection", "YES"))).status()).as("agents do not evaluate").isEqualTo(403);
        assertThat(agent.post(setup.path() + "/qa/flags", Map.of("itemId", item, "note", "my best work")).status())
                .as("agents do not choose which work is evaluated").isEqualTo(403);
        WorkItem open = fixture.raise(setup, "Not done yet", Priority.NORMAL);
        assertThat(analyst.post(setup.path() + "/qa/samples/" + open.id() + "/evaluation", Map.of("form", "back-office",
                "answers", Map.of())).status()).as("not sampled").isEqualTo(404);
        Api.Response notDone = analyst.post(setup.path() + "/qa/flags", Map.of("itemId", open.id(), "note", "complaint"));
        assertThat(notDone.status()).isEqualTo(409);
        assertThat(notDone.text("code")).isEqualTo("item-not-completed");

        String csat = setup.path() + "/qa/csat-responses";
        assertThat(lead.post(csat, Map.of("itemId", item, "score", 5)).status()).isEqualTo(201);
        assertThat(lead.post(csat, Map.of("itemId", item, "score", 4)).text("code")).isEqualTo("already-answered");
        assertProblem(lead.post(csat, Map.of("itemId", item, "score", 6)), 422, "score");
        assertThat(lead.post(csat, Map.of("itemId", 987654321L, "score", 3)).status()).isEqualTo(404);
    }

    @Test
    void theTeamLeadWhoApprovedTheWorkDoesNotEvaluateIt() {
        assertThat(analyst.post(setup.path() + "/qa/forms", policyForm()).status()).isEqualTo(201);
        WorkItem item = fixture.raise(setup, "Beneficiary change approved by the lead", Priority.NORMAL);
        fixture.move(item, "processing", CurrentUser.of(setup.work().maker()));
        fixture.move(item, "checking", CurrentUser.of(setup.work().maker()));
        fixture.move(item, "completed", CurrentUser.of(setup.lead()));
        assertThat(analyst.post(setup.path() + "/qa/flags", Map.of("itemId", item.id(), "note", "spot check")).status()).isEqualTo(201);
        Map<String, Object> scored = Map.of("form", "back-office", "answers", Map.of("accuracy", "YES", "courtesy", "YES",
                "procedure", "YES", "data-protection", "YES"), "fieldsChecked", 8, "errorsFound", 0);
        String evaluate = setup.path() + "/qa/samples/" + item.id() + "/evaluation";

        Api.Response ownApproval = lead.post(evaluate, scored);
        assertThat(ownApproval.status()).isEqualTo(409);
        assertThat(ownApproval.text("code")).isEqualTo("evaluator-closed-it");
        assertThat(analyst.post(evaluate, scored).status()).as("a second person evaluates it").isEqualTo(201);
    }

    private long completedAndFlagged(String title) {
        WorkItem item = fixture.raise(setup, title, Priority.NORMAL);
        fixture.complete(setup, item);
        Api.Response flagged = lead.post(setup.path() + "/qa/flags", Map.of("itemId", item.id(), "note", "checked by QA"));
        assertThat(flagged.status()).as(flagged.body().toString()).isEqualTo(201);
        return item.id();
    }

    static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).contains("application/problem+json");
        assertThat(response.body().path("field").asString()).as(response.body().toString()).isEqualTo(field);
        assertThat(response.body().path("detail").asString()).isNotBlank();
    }
}
