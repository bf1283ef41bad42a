package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A QA analyst builds a form in the browser and scores a flagged item on it; the client's requester
 * then finds the month's scorecard in the portal and clicks through to the late item behind the
 * SLA figure.
 */
class QualityBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void anAnalystBuildsAFormAndScoresAnItemAndTheClientSeesTheScorecard() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        QualityFixture fixture = new QualityFixture(context);
        QualityFixture.Setup setup = fixture.clientWithQa(providerAdministrator(), unique("QAB"), IntegrationTest::unique);
        WorkItem item = fixture.raise(setup, "Change of address, policy 7781", Priority.NORMAL);
        clock.set(Instant.parse("2026-03-03T16:00:00Z")); // 15.5 business hours later: the 8-hour SLA is missed
        fixture.complete(setup, item);
        assertThat(api().as(setup.leadToken()).post(setup.path() + "/qa/flags", Map.of("itemId", item.id(), "note", "client complaint"))
                .status()).isEqualTo(201);

        browser.logIn(setup.analyst().email(), "long enough password");
        assertThat(browser.texts("a.nav-link")).contains("QA queue", "QA forms", "Scorecards");
        browser.open("/quality/forms?client=" + setup.work().client().id()).clickToLoad("#switch-client");
        browser.type("#code", "back-office").type("#name", "Back-office check").type("#passMark", "80");
        browser.type("[name='q0.key']", "accuracy").type("[name='q0.text']", "Fields keyed as on the source").type("[name='q0.weight']", "70");
        browser.type("[name='q1.key']", "courtesy").type("[name='q1.text']", "Reply is courteous").type("[name='q1.weight']", "30");
        browser.clickToLoad("#more-questions");
        assertThat(browser.findAll("#question-table tbody tr")).as("a row was added").hasSize(3);
        browser.type("[name='q2.key']", "data-protection").type("[name='q2.text']", "No data sent to the wrong party")
                .type("[name='q2.weight']", "0").click("[name='q2.fatal']");
        browser.clickToLoad("#save-form");
        assertThat(browser.text(".notice")).isEqualTo("Back-office check saved as version 1.");
        assertThat(browser.text("#form-list li[data-code='back-office']")).contains("version 1").contains("3 questions");

        browser.open("/quality");
        String row = "#sample-table tr[data-ref='WI-" + item.id() + "']";
        assertThat(browser.text(row)).as("flagged, unless the new agent rule picked it first").containsAnyOf("flagged", "new agent");
        browser.clickToLoad(row + " a.evaluate");
        assertThat(browser.text("h1")).isEqualTo("Evaluate WI-" + item.id());
        browser.click("#accuracy-YES").click("#courtesy-NO");
        browser.clickToLoad("#score");
        assertThat(browser.text("#problem, .alert.error")).contains("answer every question");
        browser.click("#accuracy-YES").click("#courtesy-NO").click("#data-protection-YES");
        browser.type("#fieldsChecked", "10").type("#errorsFound", "1");
        browser.clickToLoad("#score");
        assertThat(browser.text(".notice")).isEqualTo("WI-" + item.id() + " scored 70.00 %: below the pass mark.");
        assertThat(browser.text("#score")).isEqualTo("70.00 %");
        assertThat(browser.text("#result")).isEqualTo("Failed");
        assertThat(browser.text("#answers tr[data-key='courtesy']")).contains("NO");
        browser.screenshot("qa-evaluation");
        browser.clickToLoad("#coaching-link");
        assertThat(browser.text("#trend tr[data-month='2026-03']")).contains("70.00 %");
        assertThat(browser.text("#failed-questions")).contains("Reply is courteous");

        browser.open("/quality").clickToLoad("#rules-link");
        browser.choose("#serviceLine", "policy-admin").type("#percent", "12.5").type("#minimumPerWeek", "3");
        browser.clickToLoad("#set-rule");
        assertThat(browser.text(".notice")).isEqualTo("Sampling 12.5 %, at least 3 per agent per week, every item of an agent's first 20.");
        assertThat(browser.text("#rule-table")).contains("policy-admin").contains("12.5 %");

        browser.clickToLoad("form.logout button");
        browser.logIn(setup.work().requester().email(), "long enough password");
        browser.click("a.nav-link[href='/portal/scorecards']");
        browser.clickToLoad("tr[data-reference='" + setup.work().contract().reference() + "'] a.current-card");
        assertThat(browser.text("h1")).isEqualTo("Scorecard 2026-03");
        String sla = "#kpi-table tr[data-kpi='policy-admin/SLA_ATTAINMENT']";
        assertThat(browser.text(sla + " .measured")).isEqualTo("0.00");
        assertThat(browser.text(sla + " .result")).isEqualTo("Missed");
        assertThat(browser.findAll("#sign-off")).as("clients do not sign off").isEmpty();
        browser.screenshot("portal-scorecard");
        browser.clickToLoad(sla + " .measured a");
        assertThat(browser.text("#item-table tr[data-ref='WI-" + item.id() + "']")).contains("Change of address").contains("Missed");
    }

    @Test
    void theClientReadsASignedOffScorecardAsSignedOffByTheServiceTeam() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        QualityFixture.Setup setup = new QualityFixture(context).clientWithQa(admin, unique("QAS"), IntegrationTest::unique);
        UUID clientId = setup.work().client().id();
        UUID contractId = setup.work().contract().id();
        clock.set(Instant.parse("2026-04-01T08:00:00Z"));
        TenantScope.run(AllowedClients.ALL, () -> context.getBean(Scorecards.class).signOff(clientId, contractId,
                YearMonth.of(2026, 3), admin));

        browser.logIn(setup.work().requester().email(), "long enough password");
        browser.open("/portal/scorecards/" + contractId + "/2026-03");
        assertThat(browser.text("#card-state")).startsWith("Signed off by Service team on 2026-04-01");
        assertThat(browser.driver().getPageSource()).doesNotContain(admin.email(), "Test Administrator");

        browser.driver().manage().deleteAllCookies();
        browser.logIn(admin.email(), "correct horse battery");
        browser.open("/quality/scorecards/" + clientId + "/" + contractId + "/2026-03");
        assertThat(browser.text("#card-state")).startsWith("Signed off by " + admin.email() + " on 2026-04-01");
    }
}
