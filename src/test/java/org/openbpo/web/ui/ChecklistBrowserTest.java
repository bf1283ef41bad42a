package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.openbpo.work.WorkTypes;
import org.openbpo.work.domain.WorkTypeTemplates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent ticks the procedure as they work, the checker finds the approval refused while a step is
 * open, ticks it and approves: the checklist Albion Mutual asked to see followed, on the item's page.
 */
class ChecklistBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void theAgentTicksTheProcedureAndTheCheckWaitsForEveryStep() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CKB"));
        TenantScope.call(AllowedClients.ALL, () -> context.getBean(WorkTypes.class).define(setup.client().id(),
                WorkTypeTemplates.backOfficeRequest().withChecklistRequired(true)));
        String items = "/api/v1/clients/" + setup.client().id() + "/work-items";
        long id = api().as(setup.requesterToken()).post(items, Map.of("serviceLine", "policy-admin",
                "title", "Change of address", "form", Map.of("requestType", "address change", "details", "New address"))).body()
                .path("id").asLong();
        Api maker = api().as(setup.makerToken());
        maker.post("/api/v1/work/next", "");
        maker.post(items + "/" + id + "/moves", Map.of("to", "processing"));
        String page = "/work/" + setup.client().id() + "/" + id;

        browser.logIn(setup.maker().email(), "long enough password").open(page);
        assertThat(browser.text("#checklist-required")).isEqualTo("Tick every step before done");
        browser.click("#step-1");
        browser.await().until(d -> !browser.findAll("#procedure li[data-step='1'][data-ticked='true']").isEmpty());
        assertThat(browser.text("#procedure li[data-step='1']")).contains("Ticked by " + setup.maker().email());
        browser.clickToLoad("button[data-to='checking']");
        browser.open("/").click(".logout button");

        browser.logIn(setup.checker().email(), "long enough password").open(page);
        browser.clickToLoad("button[data-to='completed']");
        assertThat(browser.text("#problem")).contains("2. Source documents attached");
        browser.click("#step-2");
        browser.await().until(d -> !browser.findAll("#procedure li[data-step='2'][data-ticked='true']").isEmpty());
        assertThat(browser.text("#checklist-required")).isEqualTo("Every step ticked");
        browser.clickToLoad("button[data-to='completed']");
        assertThat(browser.text("#item-state")).isEqualTo("Completed");
        assertThat(browser.findAll("#procedure input[type='checkbox']:not([disabled])")).as("closed: read-only").isEmpty();
        browser.screenshotPage("checklist-done");
    }
}
