package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every quality and scorecard endpoint, tried with another client's ids: 404, never 403, and nothing changes. */
class QualityIsolationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void anotherClientsQaAndScorecardsAreNotFound() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        QualityFixture fixture = new QualityFixture(context);
        QualityFixture.Setup own = fixture.clientWithQa(providerAdministrator(), unique("ISO"), IntegrationTest::unique);
        QualityFixture.Setup other = fixture.clientWithQa(providerAdministrator(), unique("ISX"), IntegrationTest::unique);

        Api theirs = api().as(other.analystToken());
        theirs.post(other.path() + "/qa/forms", QualityApiTest.policyForm());
        WorkItem item = fixture.raise(other, "Theirs", Priority.NORMAL);
        fixture.complete(other, item);
        assertThat(api().as(other.leadToken()).post(other.path() + "/qa/flags", Map.of("itemId", item.id(), "note", "n")).status())
                .isEqualTo(201);
        Api.Response evaluated = theirs.post(other.path() + "/qa/samples/" + item.id() + "/evaluation", Map.of("form", "back-office",
                "answers", Map.of("accuracy", "YES", "courtesy", "YES", "procedure", "YES", "data-protection", "YES")));
        assertThat(evaluated.status()).isEqualTo(201);
        String evaluation = evaluated.text("id");
        String calibration = theirs.post(other.path() + "/qa/calibrations", Map.of("itemId", item.id(), "form", "back-office",
                "title", "theirs")).text("id");
        String rule = theirs.post(other.path() + "/qa/sampling-rules", Map.of("percent", "10", "minimumPerWeek", 0)).text("id");
        String contract = other.work().contract().id().toString();
        String ownContract = own.work().contract().id().toString();

        for (String token : List.of(own.analystToken(), own.leadToken(), own.work().makerToken(), own.work().requesterToken())) {
            Api api = api().as(token);
            String them = other.path();
            String us = own.path();
            Map<String, Object> answers = Map.of("accuracy", "YES", "courtesy", "YES", "procedure", "YES", "data-protection", "YES");
            Map<String, Api.Response> attempts = new LinkedHashMap<>();
            attempts.put("samples", api.get(them + "/qa/samples"));
            attempts.put("sampling rules", api.get(them + "/qa/sampling-rules"));
            attempts.put("set sampling rule", api.post(them + "/qa/sampling-rules", Map.of("percent", "10", "minimumPerWeek", 0)));
            attempts.put("retire sampling rule", api.delete(them + "/qa/sampling-rules/" + rule));
            attempts.put("retire their rule under our id", api.delete(us + "/qa/sampling-rules/" + rule));
            attempts.put("flag", api.post(them + "/qa/flags", Map.of("itemId", item.id(), "note", "n")));
            attempts.put("flag their item under our id", api.post(us + "/qa/flags", Map.of("itemId", item.id(), "note", "n")));
            attempts.put("forms", api.get(them + "/qa/forms"));
            attempts.put("define form", api.post(them + "/qa/forms", QualityApiTest.policyForm()));
            attempts.put("form version", api.get(them + "/qa/forms/back-office/versions/1"));
            attempts.put("evaluate", api.post(them + "/qa/samples/" + item.id() + "/evaluation", Map.of("form", "back-office", "answers", answers)));
            attempts.put("evaluate theirs under our id", api.post(us + "/qa/samples/" + item.id() + "/evaluation",
                    Map.of("form", "back-office", "answers", answers)));
            attempts.put("evaluations", api.get(them + "/qa/evaluations"));
            attempts.put("evaluation", api.get(them + "/qa/evaluations/" + evaluation));
            attempts.put("their evaluation under our id", api.get(us + "/qa/evaluations/" + evaluation));
            attempts.put("acknowledge", api.post(us + "/qa/evaluations/" + evaluation + "/acknowledgement", Map.of()));
            attempts.put("dispute", api.post(us + "/qa/evaluations/" + evaluation + "/dispute", Map.of("reason", "r")));
            attempts.put("review", api.post(them + "/qa/evaluations/" + evaluation + "/review", Map.of("outcome", "UPHELD", "note", "n")));
            attempts.put("coaching", api.get(them + "/qa/agents/" + other.work().maker().id() + "/coaching"));
            attempts.put("start calibration", api.post(them + "/qa/calibrations", Map.of("itemId", item.id(), "form", "back-office", "title", "t")));
            attempts.put("calibration", api.get(them + "/qa/calibrations/" + calibration));
            attempts.put("their calibration under our id", api.get(us + "/qa/calibrations/" + calibration));
            attempts.put("score calibration", api.post(us + "/qa/calibrations/" + calibration + "/scores", Map.of("answers", answers)));
            attempts.put("reveal calibration", api.post(them + "/qa/calibrations/" + calibration + "/reveal", Map.of()));
            attempts.put("reveal their calibration under our id", api.post(us + "/qa/calibrations/" + calibration + "/reveal", Map.of()));
            attempts.put("csat", api.post(them + "/qa/csat-responses", Map.of("itemId", item.id(), "score", 5)));
            attempts.put("csat on their item under our id", api.post(us + "/qa/csat-responses", Map.of("itemId", item.id(), "score", 5)));
            String card = them + "/contracts/" + contract;
            attempts.put("scorecard", api.get(card + "/scorecards/2026-03"));
            attempts.put("current scorecard", api.get(card + "/scorecards/current"));
            attempts.put("signed-off months", api.get(card + "/scorecards"));
            attempts.put("their contract under our id", api.get(us + "/contracts/" + contract + "/scorecards/2026-03"));
            attempts.put("figure items", api.get(card + "/scorecards/2026-03/items?figure=SLA&serviceLine=policy-admin"));
            attempts.put("sign off", api.post(card + "/scorecards/2026-02/sign-off", Map.of()));
            attempts.put("credit rules", api.get(card + "/credit-rules"));
            attempts.put("set credit rule", api.post(card + "/credit-rules", Map.of("serviceLine", "policy-admin", "kpi", "SLA_ATTAINMENT",
                    "effectiveFrom", "2026-03", "tiers", List.of(Map.of("missedBy", "0", "percent", "1")), "capPercent", "5",
                    "earnBackPeriods", 0)));
            assertThat(api.get(us + "/contracts/" + ownContract + "/scorecards/2026-03").status()).isEqualTo(200);
            attempts.forEach((what, response) -> assertThat(response.status()).as(what + " " + response.body()).isEqualTo(404));
        }
        Api.Response still = theirs.get(other.path() + "/qa/evaluations/" + evaluation);
        assertThat(still.text("status")).as("nothing was changed").isEqualTo("OPEN");
        assertThat(api().as(other.work().adminToken()).get(other.path() + "/contracts/" + contract + "/scorecards").body().size())
                .isZero();
    }
}
