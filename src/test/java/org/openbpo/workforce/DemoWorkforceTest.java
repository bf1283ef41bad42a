package org.openbpo.workforce;

import org.junit.jupiter.api.Test;
import org.openbpo.demo.DemoData;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's sites and agents, as the work engine will see them. */
class DemoWorkforceTest extends WorkforceTest {

    @Autowired
    DemoData demo;

    @Test
    void theDemoHasThreeSitesAndItsAgentsRespectDataResidency() {
        demo.loadOnce();
        TenantScope.run(AllowedClients.ALL, () -> {
            Map<String, UUID> clientIds = clients.page(null, 500).stream()
                    .collect(Collectors.toMap(Client::code, Client::id));
            DeliveryCentre manila = centres.findByCode("MNL").orElseThrow();
            DeliveryCentre mexico = centres.findByCode("MEX").orElseThrow();
            DeliveryCentre austin = centres.findByCode("AUS").orElseThrow();
            assertThat(manila.shore()).isEqualTo(Shore.OFFSHORE);
            assertThat(mexico.timeZone().getId()).isEqualTo("America/Mexico_City");
            assertThat(austin.costPerAgentHour().currency().getCurrencyCode()).isEqualTo("USD");

            // 03:00 on a Sunday in Manila is still on shift; Austin is closed over its lunch hour.
            assertThat(centres.isOnShift(manila.id(), Instant.parse("2026-03-07T19:00:00Z"))).isTrue();
            assertThat(centres.isOnShift(austin.id(), Instant.parse("2026-03-04T18:30:00Z"))).isFalse();
            assertThat(centres.isOnShift(austin.id(), Instant.parse("2026-03-04T19:30:00Z"))).isTrue();

            var page = agents.page(mexico.id(), null, 10, providerAdministrator());
            assertThat(page).hasSize(1);
            AgentEligibility diego = agents.eligibility(page.getFirst().userId());
            assertThat(diego.centreMayServe()).doesNotContain(clientIds.get("KAVERI"));
            assertThat(diego.mayServe(clientIds.get("LAKESHORE"))).isTrue();
            assertThat(diego.languages()).containsExactly("en", "es");

            var manilaAgents = agents.page(manila.id(), null, 10, providerAdministrator());
            assertThat(manilaAgents).hasSize(2);
            assertThat(manilaAgents).filteredOn(agent -> agent.teamLeadId() != null).singleElement()
                    .satisfies(maria -> assertThat(maria.presence()).isEqualTo(Presence.AVAILABLE));
        });
    }
}
