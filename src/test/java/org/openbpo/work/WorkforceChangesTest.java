package org.openbpo.work;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the work engine does when the workforce changes, however the change was made. */
class WorkforceChangesTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    WorkFixture.Setup setup;
    String items;
    Api maker;

    @BeforeEach
    void aClientUnderContract() {
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("WFC"));
        items = "/api/v1/clients/" + setup.client().id() + "/work-items";
        maker = api().as(setup.makerToken());
    }

    @Test
    void anAgentWhoGoesOfflineThroughTheApiGetsNoWorkFromThatMomentOn() {
        assertThat(maker.post("/api/v1/work/next", "").status()).as("nothing waits yet; routing is remembered").isEqualTo(404);

        Api.Response offline = maker.put("/api/v1/agents/" + setup.maker().id() + "/presence", Map.of("presence", "OFFLINE"));
        assertThat(offline.status()).as(offline.body().toString()).isEqualTo(200);
        long id = raise("Change of beneficiary");

        Api.Response next = maker.post("/api/v1/work/next", "");
        assertThat(next.status()).as(next.body().toString()).isEqualTo(409);
        assertThat(next.text("code")).isEqualTo("not-available");
        assertThat(maker.get(items + "/" + id).body().path("assigneeId").isNull()).isTrue();
    }

    private long raise(String title) {
        Api.Response raised = api().as(setup.requesterToken()).post(items, Map.of("serviceLine", "policy-admin", "title", title,
                "form", Map.of("requestType", "other", "details", title)));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        return raised.body().path("id").asLong();
    }
}
