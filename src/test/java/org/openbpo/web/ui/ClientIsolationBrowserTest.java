package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.UserStatus;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A client's people, and agents serving another client, never reach a client's work: they get a friendly 404. */
class ClientIsolationBrowserTest extends IntegrationTest {

    private static final String PASSWORD = "long enough password";

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void aUserDisabledWhileSignedInIsSignedOutOnTheirNextRequest() {
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup own = new WorkFixture(context).clientUnderContract(admin, unique("OFF"));
        browser.logIn(own.requester().email(), PASSWORD);
        assertThat(browser.open("/portal").text("h1")).isEqualTo("Your requests");

        TenantScope.run(AllowedClients.ALL, () -> context.getBean(Users.class).changeStatus(own.requester().id(), UserStatus.DISABLED, admin));
        // the change reaches every node as the database announces it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(browser.open("/portal").path()).isEqualTo("/login"));
        assertThat(browser.text("#login-error")).isEqualTo("You were signed out: this account is no longer active.");
        assertThat(browser.open("/portal/requests/new").path()).as("the old session is gone").isEqualTo("/login");
    }

    @Test
    void anotherClientsItemIsNotFoundWhicheverWayItIsAskedFor() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        WorkFixture fixture = new WorkFixture(context);
        WorkFixture.Setup own = fixture.clientUnderContract(admin, unique("OWN"));
        WorkFixture.Setup other = fixture.clientUnderContract(admin, unique("OTH"));
        long ownItem = raise(own, "Our own request");
        long otherItem = raise(other, "Someone else's secret");

        browser.logIn(own.requester().email(), PASSWORD);
        browser.open("/portal/requests/" + otherItem);
        assertThat(browser.text("h1")).isEqualTo("Not found");
        assertThat(browser.text("#error-message"))
                .isEqualTo("This page does not exist, or it belongs to a client you do not serve.")
                .doesNotContain("secret");
        assertThat(browser.findAll("a.nav-link[href='/portal']")).as("still inside the portal's layout").hasSize(1);
        browser.screenshot("not-found");

        browser.open("/work/" + other.client().id() + "/" + otherItem);
        assertThat(browser.text("h1")).isEqualTo("Not found");
        browser.open("/work/" + other.client().id() + "/" + otherItem + "/sla");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
        browser.open("/work/" + own.client().id() + "/" + ownItem);
        assertThat(browser.path()).as("a workspace link to their own request leads to the portal")
                .isEqualTo("/portal/requests/" + ownItem);
        assertThat(browser.text("#item-title")).isEqualTo("Our own request");
        browser.open("/portal");
        assertThat(browser.texts("#request-table tbody tr")).hasSize(1).allMatch(row -> row.contains("Our own request"));
        browser.open("/work");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
        browser.open("/").click(".logout button");

        browser.logIn(own.maker().email(), PASSWORD);
        browser.open("/work/" + other.client().id() + "/" + otherItem);
        assertThat(browser.text("h1")).as("an agent not serving the client").isEqualTo("Not found");
        browser.open("/portal");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
    }

    private long raise(WorkFixture.Setup setup, String title) {
        Api.Response raised = api().as(setup.requesterToken()).post("/api/v1/clients/" + setup.client().id() + "/work-items",
                Map.of("serviceLine", "support", "title", title, "form", Map.of("description", title)));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        return raised.body().path("id").asLong();
    }
}
