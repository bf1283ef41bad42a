package org.openbpo.workforce;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team lead choosing whom to give a client's work sees the agents that client signed off, and only those. */
class CertifiedAgentsTest extends WorkforceTest {

    @Test
    void listsTheAgentsAClientCertifiedToStaffWhoMaySeeTheClient() {
        Client acme = client("CERT");
        Client other = client("NOCERT");
        CurrentUser admin = providerAdministrator();
        DeliveryCentre centre = centre(centreCommand("Asia/Manila", officeHours(), List.of()));
        Staff certified = staff(Role.AGENT, Set.of(acme.id()));
        Staff uncertified = staff(Role.AGENT, Set.of(acme.id()));
        TenantScope.run(AllowedClients.ALL, () -> {
            for (Staff agent : List.of(certified, uncertified)) {
                agents.enrol(new EnrolAgent(agent.id(), centre.id(), null, 3, List.of(), List.of("en")), admin);
            }
            agents.certify(certified.id(), new CertifyAgent(acme.id()), admin);
        });
        Staff lead = staff(Role.TEAM_LEAD, Set.of(acme.id()));

        List<Agent> found = TenantScope.call(AllowedClients.only(acme.id()),
                () -> agents.certifiedFor(acme.id(), 50, lead.current()));
        assertThat(found).extracting(Agent::userId).containsExactly(certified.id());

        assertThatThrownBy(() -> TenantScope.call(AllowedClients.only(acme.id()),
                () -> agents.certifiedFor(other.id(), 50, lead.current())))
                .as("another client's sign-offs are not found").hasMessageContaining("No client");
        Staff clientUser = clientUser(acme, Role.REQUESTER);
        assertThatThrownBy(() -> TenantScope.call(AllowedClients.only(acme.id()),
                () -> agents.certifiedFor(acme.id(), 50, clientUser.current())))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("provider's staff");
    }
}
