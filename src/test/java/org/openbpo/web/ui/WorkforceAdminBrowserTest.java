package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Staffing a client: open a centre and let it handle the client's data, enrol an agent, certify, set presence. */
class WorkforceAdminBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    Clients clients;
    @Autowired
    Users users;

    @Test
    void opensACentreEnrolsAnAgentAndCertifiesThemForTheClient() {
        clock.set(Instant.parse("2026-03-02T03:00:00Z")); // Monday 11:00 in Manila
        CurrentUser admin = providerAdministrator();
        String code = unique("WF");
        Client client = TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient(code,
                "Kestrel Bank " + code, "Kestrel Bank plc", "GB", "Europe/London", "GBP", ClientStatus.ACTIVE)));
        String name = "Mara Santos " + code;
        User person = TenantScope.call(AllowedClients.ALL, () -> users.invite(new InviteUser(null,
                unique("mara").toLowerCase() + "@provider.test", name, "long enough password", Set.of(Role.AGENT),
                false, Set.of(client.id())), admin));

        browser.logIn(admin.email(), "correct horse battery");
        browser.click("a.nav-link[href='/admin/centres']");
        assertThat(browser.findAll("#centre-table th")).as("no client chosen yet").noneMatch(th -> th.getText().contains("KESTREL"));
        browser.open("/admin/centres?client=" + client.id()).clickToLoad("#switch-client"); // other tests' clients may crowd it out of the switcher
        String centre = code.replace("X", "").substring(0, Math.min(code.length() - 1, 12)) + "M";
        browser.type("#code", centre).type("#name", "Manila " + code).type("#country", "PH").type("#timeZone", "Asia/Manila")
                .type("#cost", "14.505").type("#currency", "USD").type("#shifts-SATURDAY", "8 to 5")
                .clickToLoad("#open-centre-button");
        assertThat(browser.text("#cost ~ .field-error")).isEqualTo("has more decimals than USD allows");
        assertThat(browser.text("#shifts-SATURDAY ~ .field-error")).isEqualTo("'8 to 5' is not a shift such as 08:00-17:00");
        browser.type("#cost", "14.50").type("#shifts-SATURDAY", "").clickToLoad("#open-centre-button");
        assertThat(browser.text(".notice")).isEqualTo("Centre Manila " + code + " (" + centre + ") is open.");
        String row = "#centre-table tr[data-code='" + centre + "']";
        assertThat(browser.text(row)).contains("Offshore", "On shift", "14.50 USD");
        browser.clickToLoad(row + " button");
        assertThat(browser.text(".notice")).isEqualTo("Manila " + code + " may now handle the work of " + client.name() + ".");
        assertThat(browser.text(row + " .allowed")).isEqualTo("Allowed");
        browser.screenshot("centres");

        browser.click("a.nav-link[href='/admin/agents']");
        browser.choose("#userId", name + " · Agent").choose("#centreId", "Manila " + code + " (" + centre + ")")
                .type("#skills", "back office").clickToLoad("#enrol-button");
        assertThat(browser.text("#skills ~ .field-error")).isEqualTo("write skills as name:level from 1 to 5, such as back-office:3");
        browser.type("#skills", "back-office:3, claims:2").clickToLoad("#enrol-button");
        assertThat(browser.text(".notice")).isEqualTo(name + " is enrolled, offline until they set themselves available.");
        String agent = "#agent-table tr[data-name='" + name + "']";
        assertThat(browser.text(agent)).contains("back-office 3", "claims 2", "Manila " + code);
        browser.clickToLoad(agent + " button.certify");
        assertThat(browser.text(".notice")).isEqualTo(name + " is certified for " + client.name() + ".");
        assertThat(browser.text(agent + " .certified")).isEqualTo("Certified");
        browser.choose(agent + " select", "Available").clickToLoad(agent + " .assign-form button");
        assertThat(browser.text(".notice")).isEqualTo(name + " is now available.");
        browser.screenshot("agents");
        assertThat(person.id()).isNotNull();
    }
}
