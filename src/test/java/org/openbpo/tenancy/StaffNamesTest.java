package org.openbpo.tenancy;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Anyone on the provider's side can see who holds work, even staff limited to a few clients. */
class StaffNamesTest extends IntegrationTest {

    @Autowired
    Users users;
    @Autowired
    Clients clients;

    @Test
    void staffLimitedToOneClientSeeTheirColleaguesNamesButNoClientUsers() {
        CurrentUser admin = providerAdministrator();
        Client client = TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient(unique("NAMES"),
                "Names Co", "Names Co Ltd", "GB", "Europe/London", "GBP", ClientStatus.ACTIVE)));
        User agent = invite(admin, null, "Ana Agent", Role.AGENT, Set.of(client.id()));
        User lead = invite(admin, null, "Tom Lead", Role.TEAM_LEAD, Set.of(client.id()));
        User requester = invite(admin, client.id(), "Rita Requester", Role.REQUESTER, null);
        CurrentUser leadUser = CurrentUser.of(lead);

        Map<UUID, String> names = TenantScope.call(leadUser.allowedClients(),
                () -> users.staffNames(List.of(agent.id(), lead.id(), requester.id()), leadUser));
        assertThat(names).containsOnly(Map.entry(agent.id(), "Ana Agent"), Map.entry(lead.id(), "Tom Lead"));

        CurrentUser requesterUser = CurrentUser.of(requester);
        assertThatThrownBy(() -> users.staffNames(List.of(agent.id()), requesterUser))
                .isInstanceOf(BusinessRuleViolation.class);
    }

    private User invite(CurrentUser admin, UUID clientId, String name, Role role, Set<UUID> assigned) {
        return TenantScope.call(AllowedClients.ALL, () -> users.invite(new InviteUser(clientId,
                unique(name.split(" ")[0]).toLowerCase() + "@names.test", name, "long enough password", Set.of(role),
                false, assigned), admin));
    }
}
