package org.openbpo.web.ui;

import org.junit.jupiter.api.BeforeEach;
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

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's administrator sees their own people and nothing of the provider or other clients. */
class ClientAdministratorBrowserTest extends IntegrationTest {

    private static final String PASSWORD = "long enough password";

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    Clients clients;
    @Autowired
    Users users;

    Client own;
    Client other;
    User ownAdmin;
    User colleague;
    User stranger;

    @BeforeEach
    void twoClientsWithPeople() {
        CurrentUser admin = providerAdministrator();
        TenantScope.run(AllowedClients.ALL, () -> {
            own = clients.register(client("OWN", "Meridian Health"));
            other = clients.register(client("OTHER", "Copperline Energy"));
            ownAdmin = users.invite(person(own, "Nora Admin", Role.CLIENT_ADMINISTRATOR), admin);
            colleague = users.invite(person(own, "Colin Requester", Role.REQUESTER), admin);
            stranger = users.invite(person(other, "Oscar Outsider", Role.CLIENT_ADMINISTRATOR), admin);
        });
    }

    @Test
    void seesOnlyTheirOwnClientsUsers() {
        browser.logIn(ownAdmin.email(), PASSWORD);

        assertThat(browser.text(".client-name")).isEqualTo("Meridian Health");
        assertThat(browser.findAll("#active-client")).isEmpty();
        assertThat(browser.text(".user-roles")).isEqualTo("Client administrator");
        assertThat(browser.texts("a.nav-link")).containsExactly("Dashboard", "Portal", "Scorecards", "Payroll",
                "Usage and invoices", "Books", "Users", "API tokens");

        browser.click("a[href='/my/users']");
        assertThat(browser.texts("#user-table tbody tr").stream().map(String::strip))
                .anyMatch(row -> row.contains("Colin Requester"))
                .anyMatch(row -> row.contains("Nora Admin"))
                .noneMatch(row -> row.contains("Oscar Outsider"));
        assertThat(browser.findAll("input[name='roles']")).extracting(input -> input.getAttribute("value"))
                .containsExactly("CLIENT_ADMINISTRATOR", "APPROVER", "REQUESTER");
        assertThat(browser.findAll("tr[data-email='" + ownAdmin.email() + "'] button")).isEmpty();
        browser.screenshot("my-users");

        browser.open("/admin/clients");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
        browser.open("/admin/staff");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
        browser.open("/admin/clients/" + other.id() + "/users");
        assertThat(browser.text("h1")).isEqualTo("Not found");
        assertThat(browser.text("#error-message")).doesNotContain(other.id().toString());
    }

    @Test
    void aWrongPasswordIsExplainedOnTheLoginPage() {
        browser.logIn(ownAdmin.email(), "not the password");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.text("#login-error")).isEqualTo("Wrong email or password.");
        browser.screenshot("login-error");
    }

    private static RegisterClient client(String prefix, String name) {
        return new RegisterClient(unique(prefix), name, name + " Ltd", "GB", "Europe/London", "GBP", ClientStatus.ACTIVE);
    }

    private static InviteUser person(Client client, String name, Role role) {
        return new InviteUser(client.id(), unique(name.split(" ")[0]).toLowerCase() + "@client.test", name, PASSWORD,
                Set.of(role), false, null);
    }
}
