package org.openbpo.quality;

import org.junit.jupiter.api.Test;
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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    Sampling sampling;

    @Test
    void aNewAgentsCompletedWorkIsSampledForQaAndCancelledWorkIsNot() throws InterruptedException {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("QA"));
        CurrentUser agent = CurrentUser.of(setup.maker());
        CurrentUser lead = providerAdministrator();
        WorkItem solved = TenantScope.call(AllowedClients.ALL, () -> {
            WorkItem item = workItems.create(setup.client().id(), ticket("Card declined"), agent);
            workItems.assign(setup.client().id(), item.id(), agent.id(), lead);
            return workItems.move(setup.client().id(), item.id(), new MoveWorkItem("solved", null), agent);
        });
        List<Sample> samples = List.of();
        for (int i = 0; i < 100 && samples.isEmpty(); i++) {
            Thread.sleep(100);
            samples = TenantScope.call(AllowedClients.ALL, () -> sampling.waiting(setup.client().id(), 10));
        }
        assertThat(samples).singleElement().satisfies(sample -> {
            assertThat(sample.itemId()).isEqualTo(solved.id());
            assertThat(sample.reason()).isEqualTo(SampleReason.NEW_AGENT);
            assertThat(sample.agentId()).isEqualTo(setup.maker().id());
            assertThat(sample.workType()).isEqualTo("support-ticket");
        });
    }

    private static CreateWorkItem ticket(String title) {
        return new CreateWorkItem("support", null, Priority.NORMAL, title, Map.of("description", title), "CHAT");
    }
}
