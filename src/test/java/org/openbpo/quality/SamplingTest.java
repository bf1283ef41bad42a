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
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkTypes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
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
    @Autowired
    SampleDraws draws;
    @Autowired
    WorkTypes workTypes;
    @Autowired
    TransactionTemplate transactions;

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

    /**
     * A batch of 24 completions of one new agent, decided together: the agent's first 20 items are
     * sampled as a new agent's (an item completed twice in the batch counts once), the rest only when
     * their draw falls under the sample rate, exactly as one completion at a time would decide; the
     * same batch delivered again changes nothing.
     */
    @Test
    void aBatchDecidesAsOneCompletionAtATimeWould() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("QB"));
        CurrentUser agent = CurrentUser.of(setup.maker());
        List<WorkItem> items = TenantScope.call(AllowedClients.ALL, () -> {
            List<WorkItem> raised = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                raised.add(workItems.create(setup.client().id(), ticket("Batch " + i), agent));
            }
            return raised;
        });
        List<WorkItemCompleted> batch = new ArrayList<>();
        for (WorkItem item : items) {
            batch.add(completion(item, agent));
            if (batch.size() == 3) {
                batch.add(completion(item, agent)); // completed twice (reopened and solved again)
            }
        }
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> sampling.acceptAll(batch)));

        WorkItem first = items.getFirst();
        BigDecimal rate = TenantScope.call(AllowedClients.ALL, () -> workTypes.qaSampleRate(first.clientId(), first.workType(),
                first.workTypeVersion()));
        List<Sample> samples = TenantScope.call(AllowedClients.ALL, () -> sampling.waiting(setup.client().id(), 100));
        for (int i = 0; i < items.size(); i++) {
            WorkItem item = items.get(i);
            SampleReason expected = i < SamplingRule.NEW_AGENT_ITEMS ? SampleReason.NEW_AGENT
                    : draws.of(item.clientId(), item.id()).compareTo(rate) < 0 ? SampleReason.SAMPLE_RATE : null;
            List<SampleReason> found = samples.stream().filter(s -> s.itemId() == item.id()).map(Sample::reason).toList();
            assertThat(found).as("item %d of the batch", i).isEqualTo(expected == null ? List.of() : List.of(expected));
        }
        int count = samples.size();
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> sampling.acceptAll(batch)));
        assertThat(TenantScope.call(AllowedClients.ALL, () -> sampling.waiting(setup.client().id(), 100))).hasSize(count);
    }

    private WorkItemCompleted completion(WorkItem item, CurrentUser agent) {
        return new WorkItemCompleted(item.clientId(), item.id(), item.workType(), item.serviceLine(), "DONE", "ticket", true, 60,
                agent.id(), agent.id(), clock.instant(), null);
    }

    private static CreateWorkItem ticket(String title) {
        return new CreateWorkItem("support", null, Priority.NORMAL, title, Map.of("description", title), "CHAT");
    }
}
