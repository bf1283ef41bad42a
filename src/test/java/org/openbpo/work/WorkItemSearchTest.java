package org.openbpo.work;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class WorkItemSearchTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    WorkItemComments comments;
    @Autowired
    WorkItemSearch search;

    @Test
    void aClientsItemsAreFoundByTheirWordsAndTheirCommentsNewestFirstAndNoOneElses() {
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(admin, unique("SRCH"));
        WorkFixture.Setup other = new WorkFixture(context).clientUnderContract(admin, unique("SRCO"));
        var id = setup.client().id();
        CurrentUser agent = CurrentUser.of(setup.maker());
        WorkItem windscreen = as(() -> raise(id, "Windscreen chipped", "A stone hit it on the motorway", agent));
        WorkItem boiler = as(() -> raise(id, "Boiler broken", "No hot water since Monday", agent));
        WorkItem roof = as(() -> raise(id, "Roof tiles", "Storm damage", agent));
        as(() -> comments.add(id, roof.id(), "ann@customer.test", "Water is coming through the ceiling", WorkItemComments.Visibility.CLIENT));
        as(() -> raise(other.client().id(), "Water everywhere", "Burst pipe", CurrentUser.of(other.maker())));

        assertThat(as(() -> search.find(id, "support", "water", Long.MAX_VALUE, 10))).extracting(WorkItem::id)
                .containsExactly(roof.id(), boiler.id());
        assertThat(as(() -> search.find(id, null, "\"hot water\"", Long.MAX_VALUE, 10))).extracting(WorkItem::id)
                .containsExactly(boiler.id());
        assertThat(as(() -> search.find(id, null, "water -boiler", Long.MAX_VALUE, 10))).extracting(WorkItem::id)
                .containsExactly(roof.id());
        assertThat(as(() -> search.find(id, null, "water", roof.id(), 10))).extracting(WorkItem::id).containsExactly(boiler.id());
        assertThat(as(() -> search.find(id, null, "MOTORWAY", Long.MAX_VALUE, 10))).extracting(WorkItem::id)
                .containsExactly(windscreen.id());
        assertThat(as(() -> search.find(id, "policy-admin", "water", Long.MAX_VALUE, 10))).isEmpty();
        assertThat(as(() -> search.find(id, null, "   ", Long.MAX_VALUE, 10))).isEmpty();
    }

    private WorkItem raise(java.util.UUID clientId, String title, String description, CurrentUser by) {
        return workItems.create(clientId, new CreateWorkItem("support", null, null, title, Map.of("description", description), "API"), by);
    }

    private <T> T as(Callable<T> work) {
        return TenantScope.call(AllowedClients.ALL, work);
    }
}
