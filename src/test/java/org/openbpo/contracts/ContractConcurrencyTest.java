package org.openbpo.contracts;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.contracts.ContractTermTest.assertProblem;

/**
 * Two administrators of the provider revise the same contract from the version they both read: the
 * first revision is saved, the second is refused (409 contract-changed on basedOnVersion) instead of
 * silently replacing terms its author never saw; at the same moment, exactly one of them wins.
 */
class ContractConcurrencyTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aRevisionOfAVersionRevisedSinceIsRefused() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CCS"));
        WorkFixture.Setup other = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CCO"));
        Api admin = api().as(setup.adminToken());
        String revisions = "/api/v1/clients/" + setup.client().id() + "/contracts/" + setup.contract().id() + "/revisions";

        Api.Response first = admin.post(revisions, revision(240, 1, "Faster policy changes"));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.body().path("version").asInt()).isEqualTo(2);

        Api.Response stale = admin.post(revisions, revision(600, 1, "Slower policy changes"));
        assertProblem(stale, 409, "basedOnVersion");
        assertThat(stale.text("type")).endsWith("contract-changed");
        assertThat(stale.text("detail")).contains("version 2");
        Api.Response now = admin.get("/api/v1/clients/" + setup.client().id() + "/contracts/" + setup.contract().id());
        assertThat(now.body().path("version").asInt()).as("the first revision stands").isEqualTo(2);
        assertThat(now.body().path("slaTargets").get(0).path("resolutionMinutes").asInt()).isEqualTo(240);

        // revised from what is in force now, it is saved
        Api.Response fresh = admin.post(revisions, revision(600, 2, "Slower policy changes"));
        assertThat(fresh.status()).as(fresh.body().toString()).isEqualTo(201);
        assertThat(fresh.body().path("version").asInt()).isEqualTo(3);

        // another client's contract id stays unknown, stale version or not
        assertThat(api().as(other.adminToken()).post("/api/v1/clients/" + other.client().id() + "/contracts/"
                + setup.contract().id() + "/revisions", revision(600, 3, "not theirs")).status()).isEqualTo(404);
    }

    @Test
    void twoRevisionsOfTheSameVersionAtOnceLeaveOneWinner() throws Exception {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CCT"));
        Api admin = api().as(setup.adminToken());
        String revisions = "/api/v1/clients/" + setup.client().id() + "/contracts/" + setup.contract().id() + "/revisions";
        for (int round = 1; round <= 3; round++) {
            int basedOn = round;
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Api.Response>> both = List.of(240, 600).stream().map(minutes -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return admin.post(revisions, revision(minutes, basedOn, "round " + basedOn));
            })).toList();
            start.countDown();
            List<Integer> statuses = both.stream().map(CompletableFuture::join).map(Api.Response::status).sorted().toList();
            assertThat(statuses).as("round " + round).containsExactly(201, 409);
        }
        Api.Response now = admin.get("/api/v1/clients/" + setup.client().id() + "/contracts/" + setup.contract().id());
        assertThat(now.body().path("version").asInt()).isEqualTo(4);
    }

    private static Map<String, Object> revision(int resolutionMinutes, int basedOnVersion, String note) {
        return Map.of("calendar", Map.of("zone", "Europe/London", "week", Map.of("MONDAY", "09:00-17:30", "TUESDAY", "09:00-17:30")),
                "slaTargets", List.of(Map.of("serviceLine", "policy-admin", "priority", "NORMAL", "resolutionMinutes", resolutionMinutes)),
                "note", note, "basedOnVersion", basedOnVersion);
    }
}
