package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's rules decide what completed work QA sees: with no new-agent period and a 0 % rate,
 * only the weekly minimum of 2 per agent is sampled; the week after, the count starts again. A rule
 * naming the agent beats the service line's.
 */
class SamplingRulesTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Sampling sampling;

    @Test
    void theWeeklyMinimumPerAgentIsSampledAndAnAgentsOwnRuleWins() throws InterruptedException {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        QualityFixture fixture = new QualityFixture(context);
        QualityFixture.Setup setup = fixture.clientWithQa(providerAdministrator(), unique("SR"), IntegrationTest::unique);
        Api analyst = api().as(setup.analystToken());
        assertThat(analyst.post(setup.path() + "/qa/sampling-rules", Map.of("serviceLine", "policy-admin", "percent", "0",
                "minimumPerWeek", 2, "newAgentItems", 0)).status()).isEqualTo(201);

        List<Long> monday = List.of(done(fixture, setup, "1"), done(fixture, setup, "2"), done(fixture, setup, "3"));
        awaitSamples(setup, 2);
        clock.set(Instant.parse("2026-03-09T09:00:00Z")); // the next Monday
        long nextWeek = done(fixture, setup, "4");
        awaitSamples(setup, 3);
        Thread.sleep(1_000);
        assertThat(waiting(setup)).extracting(Sample::itemId).containsExactly(monday.get(0), monday.get(1), nextWeek);
        assertThat(waiting(setup)).extracting(Sample::reason).containsOnly(SampleReason.MINIMUM_PER_WEEK);

        assertThat(analyst.post(setup.path() + "/qa/sampling-rules", Map.of("agentId", setup.work().maker().id(), "percent", "100",
                "minimumPerWeek", 0, "newAgentItems", 0)).status()).isEqualTo(201);
        long everything = done(fixture, setup, "5");
        awaitSamples(setup, 4);
        assertThat(waiting(setup).getLast()).satisfies(s -> {
            assertThat(s.itemId()).isEqualTo(everything);
            assertThat(s.reason()).isEqualTo(SampleReason.SAMPLE_RATE);
        });
    }

    private long done(QualityFixture fixture, QualityFixture.Setup setup, String title) {
        WorkItem item = fixture.raise(setup, "Request " + title, Priority.NORMAL);
        fixture.complete(setup, item);
        return item.id();
    }

    private void awaitSamples(QualityFixture.Setup setup, int count) throws InterruptedException {
        for (int i = 0; i < 100 && waiting(setup).size() < count; i++) {
            Thread.sleep(100);
        }
        assertThat(waiting(setup)).hasSize(count);
    }

    private List<Sample> waiting(QualityFixture.Setup setup) {
        return TenantScope.call(AllowedClients.ALL, () -> sampling.waiting(setup.work().client().id(), 50));
    }
}
