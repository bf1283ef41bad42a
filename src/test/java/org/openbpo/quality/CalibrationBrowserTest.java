package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.contracts.Priority;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team lead starts a calibration in the browser and puts the item before two analysts; each scores
 * it without seeing the other's score, and once both have, the session shows the spread per question
 * and overall. Bad input is named on the form; other clients' sessions are not found.
 */
class CalibrationBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void aLeadStartsACalibrationTwoAnalystsScoreAndTheSpreadIsShown() {
        clock.set(Instant.parse("2026-04-06T09:00:00Z"));
        QualityFixture fixture = new QualityFixture(context);
        QualityFixture.Setup setup = fixture.clientWithQa(providerAdministrator(), unique("CAL"), IntegrationTest::unique);
        assertThat(api().as(setup.analystToken()).post(setup.path() + "/qa/forms", QualityApiTest.policyForm()).status()).isEqualTo(201);
        WorkItem item = fixture.raise(setup, "Bank details change, policy 5521", Priority.NORMAL);
        fixture.complete(setup, item);
        UUID client = setup.work().client().id();

        browser.logIn(setup.lead().email(), "long enough password");
        browser.open("/quality/calibrations?client=" + client).clickToLoad("#switch-client");
        assertThat(browser.text("h1")).isEqualTo("Calibration · " + setup.work().client().name());
        assertThat(browser.text("a.nav-link.active, a.nav-link[aria-current]")).isEqualTo("Calibration");

        // bad input: an item that is no reference, no title, a single analyst
        browser.type("#item", "policy 5521").click("#analyst-" + setup.analyst().id());
        browser.clickToLoad("#start");
        assertThat(browser.text(".field.invalid:has(#item) .field-error")).contains("work item's reference");
        assertThat(browser.text(".field.invalid:has(#title) .field-error")).contains("title");
        assertThat(browser.text("#analysts .field-error")).contains("at least two analysts");
        assertThat(browser.find("#analyst-" + setup.analyst().id()).isSelected()).as("the choice is kept").isTrue();

        browser.type("#item", "WI-" + item.id()).type("#title", "April calibration: bank details");
        browser.click("#analyst-" + setup.secondAnalyst().id());
        browser.clickToLoad("#start");
        assertThat(browser.text(".notice")).isEqualTo("Calibration started: 2 analysts score WI-" + item.id() + ".");
        assertThat(browser.text("h1")).isEqualTo("April calibration: bank details");
        String session = browser.path();
        assertThat(browser.findAll("#score-form")).as("the lead was not asked to score").isEmpty();
        assertThat(browser.findAll("#spread-table")).isEmpty();
        assertThat(browser.text("#state")).isEqualTo("The spread shows once every analyst has scored.");
        browser.clickToLoad("form.logout button");

        browser.logIn(setup.analyst().email(), "long enough password");
        browser.open(session);
        browser.click("#accuracy-YES").click("#courtesy-YES").click("#procedure-YES").click("#data-protection-YES");
        browser.clickToLoad("#score");
        assertThat(browser.text(".notice")).isEqualTo("Scored. The spread shows once every analyst has scored.");
        assertThat(browser.findAll("#spread-table")).as("blind until everyone scored").isEmpty();
        assertThat(browser.text("#analyst-list")).contains("Quinn Analyst scored").contains("Sam Second to score");
        browser.clickToLoad("form.logout button");

        browser.logIn(setup.secondAnalyst().email(), "long enough password");
        browser.open(session);
        browser.click("#accuracy-NO").click("#courtesy-YES").click("#procedure-NO").click("#data-protection-YES");
        browser.clickToLoad("#score");
        assertThat(browser.text(".notice")).isEqualTo("Scored. Everyone has scored: the spread is below.");
        // scores 100.00 and 30.00: mean 65, variance 1225; accuracy points 50 and 0: mean 25, variance 625
        assertThat(browser.text("#spread-table tr[data-key='accuracy'] .mean")).isEqualTo("25.0000");
        assertThat(browser.text("#spread-table tr[data-key='accuracy'] .variance")).isEqualTo("625.0000");
        assertThat(browser.text("#spread-table tr[data-key='courtesy'] .variance")).isEqualTo("0.0000");
        assertThat(browser.text("#spread-table tr[data-key='procedure'] .variance")).isEqualTo("100.0000");
        assertThat(browser.text("#overall .mean")).isEqualTo("65.0000");
        assertThat(browser.text("#overall .variance")).isEqualTo("1225.0000");
        assertThat(browser.text("#state")).isEqualTo("Everyone has scored.");
        browser.screenshot("calibration-spread");

        browser.open("/quality/calibrations?client=" + client).clickToLoad("#switch-client");
        assertThat(browser.text("#session-table")).contains("April calibration: bank details").contains("2 of 2");
        browser.open("/quality/calibrations/" + client + "/" + UUID.randomUUID());
        assertThat(browser.text("h1")).isEqualTo("Not found");
        browser.open(session.replace(client.toString(), UUID.randomUUID().toString()));
        assertThat(browser.text("h1")).isEqualTo("Not found");
    }
}
