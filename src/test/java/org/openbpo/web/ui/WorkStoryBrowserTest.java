package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.openbpo.workforce.Agents;
import org.openbpo.workforce.ChangePresence;
import org.openbpo.workforce.Presence;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story of one back-office request, told through the screens: the client raises it in the
 * portal, an agent gets it and asks the client a question, the client answers, the agent sends it
 * for checking and may not approve it, a second agent does, and the client sees it done in time.
 */
class WorkStoryBrowserTest extends IntegrationTest {

    private static final String PASSWORD = "long enough password";

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;
    @Autowired
    Agents agents;

    @Test
    void aRequestTravelsFromThePortalThroughTwoAgentsAndBackDoneWithinItsSla() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z")); // Monday, 09:00 in London
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(admin, unique("STORY"));
        TenantScope.run(AllowedClients.ALL, () -> agents.changePresence(setup.maker().id(),
                new ChangePresence(Presence.OFFLINE), admin)); // the maker has not started the day yet

        // The client's requester raises a change of address in the portal.
        browser.logIn(setup.requester().email(), PASSWORD);
        browser.click("a.nav-link[href='/portal']").click("#raise-request").click("[data-line='policy-admin']");
        browser.type("#title", "Change of address for policy 4471")
                .choose("#field-requestType", "address change")
                .type("#field-details", "New address: 12 Mill Lane, Leeds");
        browser.screenshot("story-1-raise");
        browser.clickToLoad("#send-request");
        String ref = browser.find("#request").getAttribute("data-ref");
        String itemId = ref.substring("WI-".length());
        assertThat(browser.text(".notice")).contains("Request " + ref + " raised");
        assertThat(browser.text("#item-state")).isEqualTo("Received");
        assertThat(browser.text("#sla .sla-badge")).isEqualTo("On track");
        assertThat(browser.text("#sla .sla-due")).isEqualTo("Mon 2 Mar, 17:00");
        assertThat(browser.text("#sla .sla-remaining")).isEqualTo("8 h 0 min left");
        logOut();

        // Half an hour later an agent starts the day, sets herself available and gets the request.
        clock.advance(Duration.ofMinutes(30));
        browser.logIn(setup.maker().email(), PASSWORD);
        browser.click("a.nav-link[href='/work']");
        browser.clickToLoad("#get-next");
        assertThat(browser.text("#next-message")).startsWith("Set your presence to AVAILABLE");
        browser.click("#presence-available");
        browser.await().until(ExpectedConditions.textToBe(By.id("presence-now"), "You are available."));
        browser.clickToLoad("#get-next");
        assertThat(browser.path()).isEqualTo("/work/" + setup.client().id() + "/" + itemId);
        assertThat(browser.text("#item-title")).isEqualTo("Change of address for policy 4471");
        assertThat(browser.texts("#procedure .checklist li"))
                .containsExactly("Request authorised by the client", "Source documents attached");
        assertThat(browser.text("#holder")).isEqualTo("Agent maker");
        browser.clickToLoad("button[data-to='processing']");
        assertThat(browser.text("#item-state")).isEqualTo("Processing");

        // An hour later she needs the client to confirm which policy; the SLA clock stops.
        clock.advance(Duration.ofHours(1));
        browser.type("#note", "Please confirm the policy number: 4471 or 4417?").clickToLoad("button[data-to='query_to_client']");
        assertThat(browser.text("#item-state")).isEqualTo("Query to client");
        assertThat(browser.text("#sla .sla-pause")).isEqualTo("Paused — waiting on client since Mon 2 Mar, 10:30");
        assertThat(browser.text("#sla .sla-remaining")).isEqualTo("6 h 30 min left");
        browser.screenshot("story-2-agent-queried");
        logOut();

        // The next morning the client sees the question waiting on them, with the clock paused, and answers.
        clock.advance(Duration.ofDays(1));
        browser.logIn(setup.requester().email(), PASSWORD);
        browser.open("/portal");
        assertThat(browser.text("#waiting-on-you li[data-ref='" + ref + "']")).contains("Paused — waiting on you since Mon 2 Mar, 10:30");
        assertThat(browser.text("#request-table tr[data-ref='" + ref + "'] .sla-badge")).isEqualTo("Paused");
        browser.screenshot("story-3-portal-waiting");
        browser.clickToLoad("#waiting-on-you li[data-ref='" + ref + "'] a");
        assertThat(browser.text("#sla .sla-pause")).isEqualTo("Paused — waiting on you since Mon 2 Mar, 10:30");
        assertThat(browser.texts("#timeline .tl-note")).contains("Please confirm the policy number: 4471 or 4417?");
        browser.type("#note", "It is 4471.").clickToLoad("#answer button[data-to='processing']");
        assertThat(browser.text("#item-state")).isEqualTo("Processing");
        assertThat(browser.text("#sla .sla-due")).as("the day waiting on the client is not counted").isEqualTo("Tue 3 Mar, 17:00");
        logOut();

        // The agent finishes the work and sends it for checking; approving her own work is refused.
        clock.advance(Duration.ofHours(2));
        browser.logIn(setup.maker().email(), PASSWORD);
        browser.open("/work").clickToLoad("#my-items tr[data-ref='" + ref + "'] a");
        assertThat(browser.texts("#timeline .tl-note")).contains("It is 4471.");
        browser.clickToLoad("button[data-to='checking']");
        assertThat(browser.text("#item-state")).isEqualTo("Checking");
        browser.clickToLoad("button[data-to='completed']");
        assertThat(browser.text("#problem")).isEqualTo(
                "Maker-checker: the person who did the work or sent it for its check cannot also approve it; "
                + "a second person must check it.");
        assertThat(browser.text("#item-state")).isEqualTo("Checking");
        browser.screenshot("story-4-maker-refused");
        logOut();

        // A second agent checks and approves it.
        clock.advance(Duration.ofMinutes(20));
        browser.logIn(setup.checker().email(), PASSWORD);
        browser.open("/work/" + setup.client().id() + "/" + itemId).clickToLoad("button[data-to='completed']");
        assertThat(browser.text("#item-state")).isEqualTo("Completed");
        assertThat(browser.text("#sla .sla-badge")).isEqualTo("SLA met");
        logOut();

        // The client sees it done, within the SLA, and the month's attainment counts it.
        browser.logIn(setup.requester().email(), PASSWORD);
        browser.open("/portal");
        assertThat(browser.text("#request-table tr[data-ref='" + ref + "'] .badge")).isEqualTo("Completed");
        assertThat(browser.text("#request-table tr[data-ref='" + ref + "'] .sla-badge")).isEqualTo("SLA met");
        assertThat(browser.text("#attainment")).isEqualTo("100%");
        assertThat(browser.text("#attainment-detail")).isEqualTo("1 of 1 completed within the SLA");
        browser.screenshot("story-5-portal-done");
        browser.clickToLoad("#request-table tr[data-ref='" + ref + "'] a");
        assertThat(browser.text("#sla .sla-badge")).isEqualTo("SLA met");
        assertThat(browser.texts("#timeline .tl-what")).contains("Checking → Completed");
    }

    private void logOut() {
        browser.open("/").click(".logout button");
        browser.find("#logged-out");
    }
}
