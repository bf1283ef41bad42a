package org.openbpo.demo;

import org.junit.jupiter.api.Test;
import org.openbpo.billing.PricePlan;
import org.openbpo.billing.PricePlans;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoBillingTest extends IntegrationTest {

    @Autowired
    DemoData demoData;
    @Autowired
    Clients clients;
    @Autowired
    PricePlans plans;

    @Test
    void everyDemoServiceLineHasAPricePlan() {
        demoData.loadOnce();
        Map<String, String> expected = Map.of("LAKESHORE", "customer-support,it-service-desk,payroll", "ALBION",
                "payroll,policy-admin,policy-support", "KAVERI", "data-entry,payroll");
        TenantScope.run(AllowedClients.ALL, () -> {
            for (Client client : clients.page(null, 10_000)) {
                if (expected.containsKey(client.code())) {
                    assertThat(String.join(",", plans.of(client.id(), null).stream().map(PricePlan::serviceLine).sorted().toList()))
                            .as(client.code()).isEqualTo(expected.get(client.code()));
                }
            }
        });
    }
}
