package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client a provider user works for changes only when they choose it, with a form that posts: a
 * {@code ?client=} link, or an image on some page pointing at one, never switches it.
 */
class ClientSwitchBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    Clients clients;

    @Test
    void aLinkWithAClientNeverSwitchesTheClientAndTheSwitchItOffersDoes() {
        CurrentUser admin = providerAdministrator();
        Client albion = register("ALB");
        Client harbour = register("HRB");
        browser.logIn(admin.email(), "correct horse battery");
        browser.open("/admin/work-types").switchClient(albion.id());
        assertThat(browser.text("h1")).isEqualTo("Work types · " + albion.name());

        // A page anywhere loads an image from a link with another client: the next page is still Albion's.
        Object loaded = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const image = new Image();
                image.onload = image.onerror = () => done(true);
                image.src = arguments[0];""", "/admin/queues?client=" + harbour.id());
        assertThat(loaded).isEqualTo(true);
        browser.open("/admin/work-types");
        assertThat(browser.text("h1")).as("an image's GET changed nothing").isEqualTo("Work types · " + albion.name());

        // Following the link offers the switch; leaving it there keeps Albion.
        browser.open("/admin/queues?client=" + harbour.id());
        assertThat(browser.text("h1")).isEqualTo("Switch to " + harbour.name() + "?");
        assertThat(browser.text("#switch-client-page")).contains("you are working for " + albion.name());
        browser.open("/admin/work-types");
        assertThat(browser.text("h1")).as("the GET changed nothing").isEqualTo("Work types · " + albion.name());

        // The offered switch is a POST, and leads on to the linked page.
        browser.open("/admin/queues?client=" + harbour.id()).clickToLoad("#switch-client");
        assertThat(browser.path()).isEqualTo("/admin/queues");
        assertThat(browser.text("h1")).isEqualTo("Queues · " + harbour.name());
        browser.open("/admin/work-types");
        assertThat(browser.text("h1")).isEqualTo("Work types · " + harbour.name());
        // a link to the client already chosen goes straight to its page
        browser.open("/admin/work-types?client=" + harbour.id());
        assertThat(browser.path()).isEqualTo("/admin/work-types");
        assertThat(browser.text("h1")).isEqualTo("Work types · " + harbour.name());

        // A choice on the page that asks for a client posts too.
        browser.switchClient(null);
        browser.open("/admin/contracts");
        assertThat(browser.text("h1")).isEqualTo("Contracts");
        browser.screenshot("pick-client");
        String chosen = browser.find("#client-choices button.choice strong").getText();
        browser.clickToLoad("#client-choices button.choice");
        assertThat(browser.path()).isEqualTo("/admin/contracts");
        assertThat(browser.text("h1")).isEqualTo("Contracts · " + chosen);
    }

    private Client register(String prefix) {
        String code = unique(prefix);
        return TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient(code, "Client " + code,
                "Client " + code + " Ltd", "GB", "Europe/London", "GBP", ClientStatus.ACTIVE)));
    }
}
