package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.FormSession;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.WorkFixture;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.workforce.Agents;
import org.openbpo.workforce.CertifyAgent;
import org.openbpo.workforce.EnrolAgent;
import org.openbpo.workforce.Skill;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider with more clients than a pick list shows: what is gathered across all of an agent's
 * clients is gathered across all of them, not the first page of the list.
 */
class ManyClientsPagesTest extends IntegrationTest {

    private static final String PASSWORD = "long enough password";

    @Autowired
    ApplicationContext context;
    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    Agents agents;
    @Autowired
    WorkItems workItems;

    @Test
    void anAgentServingEveryClientFindsTheItemTheyHoldOfAClientBeyondTheTwoHundredth() throws Exception {
        CurrentUser admin = providerAdministrator();
        int known = TenantScope.call(AllowedClients.ALL, () -> clients.ids().size());
        for (int n = known; n <= ClientFocus.ALL_AT_ONCE; n++) {
            String code = unique("MANY");
            TenantScope.run(AllowedClients.ALL, () -> clients.register(new RegisterClient(code, "Filler " + code, "Filler Ltd",
                    "GB", "Europe/London", "GBP", ClientStatus.ACTIVE)));
        }
        // "ZZ" sorts after every other code: beyond the first two hundred clients by code
        WorkFixture.Setup last = new WorkFixture(context).clientUnderContract(admin, unique("ZZMANY"));
        User agent = TenantScope.call(AllowedClients.ALL, () -> {
            User user = users.invite(new InviteUser(null, unique("everyclient").toLowerCase() + "@agents.example", "Agent Everyclient", PASSWORD,
                    Set.of(Role.AGENT), true, null), admin);
            agents.enrol(new EnrolAgent(user.id(), last.centre().id(), null, 5, List.of(new Skill("back-office", 3)), List.of("en")), admin);
            agents.certify(user.id(), new CertifyAgent(last.client().id()), admin);
            return user;
        });
        WorkItem held = TenantScope.call(AllowedClients.ALL, () -> {
            WorkItem item = workItems.create(last.client().id(), new CreateWorkItem("policy-admin", null, Priority.NORMAL,
                    "Change of beneficiary for policy 7781", Map.of("requestType", "other", "details", "Policy 7781: new beneficiary"), null),
                    CurrentUser.of(last.requester()));
            return workItems.assign(last.client().id(), item.id(), agent.id(), admin);
        });

        String myWork = new FormSession(port, agent.email(), PASSWORD).get("/work").body();

        assertThat(myWork).contains(held.title());
    }
}
