package org.openbpo.tenancy;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ClientsByCodeTest extends IntegrationTest {

    @Autowired
    Clients clients;

    @Test
    void aClientIsFoundByItsCodeOnlyByThoseWhoMaySeeIt() {
        String code = unique("CODE");
        Client client = TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient(code, "Coded Ltd",
                "Coded Limited", "GB", "Europe/London", "GBP", ClientStatus.ACTIVE)));

        assertThat(TenantScope.call(AllowedClients.ALL, () -> clients.byCode(code))).contains(client);
        assertThat(TenantScope.call(AllowedClients.only(client.id()), () -> clients.byCode(code))).contains(client);
        assertThat(TenantScope.call(AllowedClients.NONE, () -> clients.byCode(code))).isEmpty();
        assertThat(TenantScope.call(AllowedClients.ALL, () -> clients.byCode(code.toLowerCase()))).isEmpty();
    }
}
