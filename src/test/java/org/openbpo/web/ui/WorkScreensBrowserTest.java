package org.openbpo.web.ui;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Api;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every work screen on a desk (1280 px) and on a phone (390 px): each renders its heading, none
 * makes the page scroll sideways (wide tables scroll inside their card), and each leaves a
 * full-page screenshot in target/screenshots for people to look at.
 */
class WorkScreensBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser desk = new Browser(() -> port);
    @RegisterExtension
    final Browser phone = Browser.phone(() -> port);

    @Autowired
    ApplicationContext context;

    CurrentUser admin;
    WorkFixture.Setup setup;
    long pending;

    @BeforeEach
    void aClientWithWorkInEveryState() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        admin = providerAdministrator();
        setup = new WorkFixture(context).clientUnderContract(admin, unique("SCR"));
        Api client = api().as(setup.requesterToken());
        Api maker = api().as(setup.makerToken());
        String items = "/api/v1/clients/" + setup.client().id() + "/work-items";
        raise(client, items, "Leaver: P. Hughes, last day Friday");
        pending = raise(client, items, "Bank detail change for policy 7781");
        raise(client, items, "New starter: A. Kowalski");
        clock.advance(Duration.ofMinutes(40));
        maker.post("/api/v1/work/next", "");
        maker.post(items + "/" + pending + "/moves", Map.of("to", "processing"));
        maker.post(items + "/" + pending + "/moves", Map.of("to", "query_to_client",
                "note", "The form is not signed. Please send a signed copy."));
        maker.post("/api/v1/work/next", "");
    }

    @Test
    void everyScreenFitsADeskAndAPhone() {
        for (Browser browser : List.of(desk, phone)) {
            String size = browser == desk ? "desk" : "phone";
            browser.logIn(setup.maker().email(), "long enough password");
            look(browser, "/work", "My work", size + "-workspace");
            look(browser, "/work/" + setup.client().id() + "/" + pending, "Bank detail change for policy 7781", size + "-item");
            // the live parts the pages poll render on their own
            browser.open("/work/queues");
            assertThat(browser.text("#queues tr[data-queue='policy-changes'] .waiting")).isEqualTo("0");
            browser.open("/work/" + setup.client().id() + "/" + pending + "/sla");
            assertThat(browser.text("#sla .sla-badge")).isEqualTo("Paused");
            browser.open("/").click(".logout button");

            browser.logIn(admin.email(), "correct horse battery");
            look(browser, "/work/overview?client=" + setup.client().id(), "Switch to " + setup.client().name() + "?",
                    size + "-switch-client");
            browser.clickToLoad("#switch-client");
            look(browser, "/work/overview", "Team overview", size + "-overview");
            assertThat(browser.find("#active-client option:checked").getText()).as("the switch the link offered is in the top bar")
                    .isEqualTo(setup.client().name() + " (" + setup.client().code() + ")");
            browser.open("/work/overview/loads");
            assertThat(browser.text("#load-table tr[data-queue='" + setup.client().code() + "/policy-changes'] .assigned"))
                    .isEqualTo("2");
            look(browser, "/admin/contracts", "Contracts · " + setup.client().name(), size + "-contracts");
            look(browser, "/admin/contracts/" + setup.client().id() + "/" + setup.contract().id(), "Policy administration", size + "-contract");
            look(browser, "/admin/contracts/new", "New contract · " + setup.client().name(), size + "-contract-form");
            look(browser, "/admin/work-types", "Work types · " + setup.client().name(), size + "-work-types");
            look(browser, "/admin/work-types/" + setup.client().id() + "/back-office-request", "Back-office request", size + "-work-type");
            look(browser, "/admin/work-types/" + setup.client().id() + "/back-office-request/edit", "Edit Back-office request",
                    size + "-work-type-edit");
            look(browser, "/admin/queues", "Queues · " + setup.client().name(), size + "-queues");
            look(browser, "/admin/centres", "Delivery centres", size + "-centres");
            look(browser, "/admin/agents", "Agents", size + "-agents");
            browser.open("/").click(".logout button");

            browser.logIn(setup.requester().email(), "long enough password");
            look(browser, "/portal", "Your requests", size + "-portal");
            browser.open("/portal/sla");
            assertThat(browser.texts("#backlog .bar-value")).containsExactly("3", "0", "0", "0");
            look(browser, "/portal/requests/" + pending, "Bank detail change for policy 7781", size + "-request");
            look(browser, "/portal/requests/new?line=policy-admin", "Raise a request", size + "-new-request");
            browser.click("#send-request");
            assertThat(browser.text("#title ~ .field-error")).isEqualTo("Give the request a short title.");
            assertThat(browser.text("#field-details ~ .field-error")).isEqualTo("is required");
            browser.screenshotPage(size + "-new-request-errors");
            browser.open("/").click(".logout button");
        }
    }

    @Test
    void aTeamLeadCorrectsTheRequestsDetailsWithEveryProblemShownBesideItsField() {
        desk.logIn(admin.email(), "correct horse battery");
        desk.open("/work/" + setup.client().id() + "/" + pending).click("#change-form summary");
        desk.find("#field-details").clear();
        desk.type("#field-reference", "POL-7781").clickToLoad("#save-form");
        assertThat(desk.text("#field-details ~ .field-error")).isEqualTo("is required");
        assertThat(desk.find("#field-reference").getAttribute("value")).as("nothing typed is lost").isEqualTo("POL-7781");
        desk.screenshotPage("desk-item-change-form-errors");

        desk.type("#field-details", "Bank detail change for policy 7781, signed form received by post").clickToLoad("#save-form");
        assertThat(desk.texts(".form-values dd")).contains("POL-7781", "Bank detail change for policy 7781, signed form received by post");
        assertThat(desk.texts("#timeline li")).anySatisfy(line -> assertThat(line).contains("Changed client reference, details"));
        assertThat(desk.find("#change-form").getAttribute("open")).as("closed again once saved").isNull();
    }

    private void look(Browser browser, String path, String heading, String name) {
        browser.open(path);
        assertThat(browser.text("h1")).as(path).isEqualTo(heading);
        Object overflow = ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as(path + " scrolls sideways on " + name).isLessThanOrEqualTo(0);
        browser.screenshotPage(name);
    }

    private static long raise(Api api, String items, String title) {
        Api.Response raised = api.post(items, Map.of("serviceLine", "policy-admin", "title", title,
                "form", Map.of("requestType", "other", "details", title)));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        return raised.body().path("id").asLong();
    }
}
