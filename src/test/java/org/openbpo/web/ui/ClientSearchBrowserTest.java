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
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider with more clients than the switcher and the pick page list finds every one of them by name or code,
 * and a provider user limited to some clients finds only those.
 */
class ClientSearchBrowserTest extends IntegrationTest {

    private static final String PASSWORD = "long enough password";

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @RegisterExtension
    final Browser phone = Browser.phone(() -> port);

    @Autowired
    Clients clients;

    @Autowired
    Users users;

    @Test
    void theTwoHundredAndFiftiethClientIsFoundAndSwitchedTo() {
        CurrentUser admin = providerAdministrator();
        String prefix = unique("MNY");
        List<Client> many = TenantScope.call(AllowedClients.ALL, () -> IntStream.rangeClosed(1, 250)
                .mapToObj(n -> register(prefix + "-" + n)).toList());
        Client last = many.getLast();

        browser.logIn(admin.email(), "correct horse battery");
        browser.switchClient(null);

        // Without JavaScript the search is a GET form; a search finding more than fit says so.
        browser.open("/admin/contracts?clientSearch=" + prefix.toLowerCase());
        assertThat(browser.findAll("#client-choices button.choice")).hasSize(200);
        assertThat(browser.text("#more-clients")).isEqualTo("50 more, refine the search");
        browser.open("/admin/contracts?clientSearch=" + last.code());
        assertThat(browser.texts("#client-choices button.choice strong")).containsExactly(last.name());

        // Typing filters as you type, and the exact code comes first among the codes it starts.
        browser.open("/admin/contracts");
        browser.type("#client-search", prefix + "-25");
        browser.await().until(page -> browser.findAll("#client-choices button.choice").size() == 2);
        assertThat(browser.findAll("#client-choices button.choice").getFirst().getAttribute("data-code")).isEqualTo(prefix + "-25");
        browser.type("#client-search", "Client " + last.code());
        browser.await().until(page -> browser.findAll("#client-choices button.choice").size() == 1);
        assertThat(browser.findAll("#more-clients")).isEmpty();
        browser.screenshot("pick-client-search");
        browser.clickToLoad("#client-choices button.choice");
        assertThat(browser.path()).isEqualTo("/admin/contracts");
        assertThat(browser.text("h1")).isEqualTo("Contracts · " + last.name());
        assertThat(browser.find("#active-client option:checked").getText()).as("the choice shows in the top bar")
                .isEqualTo(last.name() + " (" + last.code() + ")");

        // The top bar's search finds a client it does not list, and switching stays on the page.
        Client other = many.get(248);
        browser.open("/admin/work-types");
        browser.type("#client-find", other.code());
        browser.await().until(page -> browser.findAll("#client-find-results button.choice").size() == 1);
        browser.screenshot("top-bar-client-search");
        browser.clickToLoad("#client-find-results button.choice");
        assertThat(browser.path()).isEqualTo("/admin/work-types");
        assertThat(browser.text("h1")).isEqualTo("Work types · " + other.name());
        // and without JavaScript it leads to a page of its own
        browser.open("/active-client?to=/admin/queues&clientSearch=" + last.code());
        assertThat(browser.text("h1")).isEqualTo("Switch client");
        browser.clickToLoad("#client-choices button.choice");
        assertThat(browser.path()).isEqualTo("/admin/queues");
        assertThat(browser.text("h1")).isEqualTo("Queues · " + last.name());

        // Nothing scrolls sideways on a phone.
        phone.logIn(admin.email(), "correct horse battery");
        phone.open("/active-client?to=/&clientSearch=" + prefix);
        phone.type("#client-find", last.code());
        phone.await().until(page -> phone.findAll("#client-find-results button.choice").size() == 1);
        Object overflow = ((JavascriptExecutor) phone.driver())
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scrolling").isLessThanOrEqualTo(0);
        phone.screenshot("client-search-phone");
    }

    @Test
    void aUserLimitedToSomeClientsFindsOnlyThose() {
        String prefix = unique("LIM");
        List<Client> some = TenantScope.call(AllowedClients.ALL, () -> IntStream.rangeClosed(1, 3)
                .mapToObj(n -> register(prefix + "-" + n)).toList());
        User lead = TenantScope.call(AllowedClients.ALL, () -> users.invite(new InviteUser(null, unique("lead") + "@provider.test",
                "Lee Lead", PASSWORD, Set.of(Role.OPERATIONS_MANAGER), false, Set.of(some.get(1).id())), providerAdministrator()));

        browser.logIn(lead.email(), PASSWORD);
        browser.open("/admin/contracts?clientSearch=" + prefix);
        assertThat(browser.texts("#client-choices button.choice strong")).containsExactly(some.get(1).name());
        browser.open("/active-client?to=/&clientSearch=" + some.getFirst().code());
        assertThat(browser.findAll("#client-choices button.choice")).isEmpty();
        assertThat(browser.text("#client-results .empty")).isEqualTo("No client you serve matches \"" + some.getFirst().code() + "\".");
        assertThat(browser.findAll("#client-find")).as("all their clients fit in the switcher").isEmpty();
    }

    private Client register(String code) {
        return clients.register(new RegisterClient(code, "Client " + code, "Client " + code + " Ltd", "GB",
                "Europe/London", "GBP", ClientStatus.ACTIVE));
    }
}
