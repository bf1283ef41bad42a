package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Api;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.openbpo.work.domain.WorkTypeTemplates;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Albion Mutual asks for documents to be chased and every request to carry its policy number: the
 * provider's administrator changes the back-office work type on its editor, and the next request
 * raised runs as the new version, while the administrator never touched the API.
 */
class WorkTypeEditorBrowserTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @RegisterExtension
    final Browser phone = Browser.phone(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void theAdministratorAddsAStateAMoveAFieldAndAStepAndNewWorkTakesTheNewVersion() throws Exception {
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(admin, unique("WTE"));
        WorkTypeDefinition template = WorkTypeTemplates.backOfficeRequest();
        String page = "/admin/work-types/" + setup.client().id() + "/back-office-request";

        browser.logIn(admin.email(), PASSWORD).open(page);
        assertThat(browser.text("#version")).isEqualTo("version 1");
        browser.clickToLoad("#edit-work-type");
        assertThat(browser.text("h1")).isEqualTo("Edit Back-office request");
        assertThat(browser.text("#version-note")).contains("version 2").contains("Items already raised keep the version");
        assertThat(browser.find("#states-0-code").getAttribute("value")).isEqualTo("received");
        assertThat(browser.find("#qaPercent").getAttribute("value"))
                .isEqualTo(template.qaSampleRate().movePointRight(2).stripTrailingZeros().toPlainString());
        browser.screenshotPage("work-type-editor");
        Files.copy(Browser.SCREENSHOTS.resolve("work-type-editor.png"), Path.of("/tmp/wtedit.png"), StandardCopyOption.REPLACE_EXISTING);

        String state = "#states-" + template.states().size() + "-";
        browser.type(state + "code", "processing").type(state + "label", "Awaiting documents")
                .choose(state + "category", "Pending client");
        String move = "#moves-" + template.transitions().size() + "-";
        browser.type(move + "from", "processing").type(move + "to", "awaiting_documents").type(move + "label", "Ask for documents");
        browser.click(move + "roles summary").click(move + "roles input[data-role='TEAM_LEAD']");
        String field = "#fields-" + template.fields().size() + "-";
        browser.type(field + "name", "policyNumber").type(field + "label", "Policy number").choose(field + "type", "Text")
                .type(field + "maxLength", "20").click(field + "required");
        // past the spare rows, "Add a row" gives another, blank and numbered next
        String added = "#fields-" + (template.fields().size() + WorkTypeForm.SPARE_ROWS) + "-";
        assertThat(browser.findAll(added + "name")).isEmpty();
        clickInView("#add-field-row");
        assertThat(browser.find(added + "name").getAttribute("name")).isEqualTo("fields[" + (template.fields().size() + WorkTypeForm.SPARE_ROWS) + "].name");
        assertThat(browser.find(added + "label").getAttribute("value")).isEmpty();
        browser.type(added + "name", "claimReference").type(added + "label", "Claim reference").choose(added + "type", "Text");
        String addedMove = "#moves-" + (template.transitions().size() + WorkTypeForm.SPARE_ROWS) + "-";
        clickInView("#add-move-row");
        assertThat(browser.text(addedMove + "roles summary")).isEqualTo("Provider staff");
        assertThat(browser.find(addedMove + "roles input[data-role='TEAM_LEAD']").isSelected()).isFalse();
        browser.screenshotPage("work-type-editor-added-rows");
        browser.find("#checklist").sendKeys("\nPolicy number verified");
        browser.clickToLoad("#save-work-type");

        // a code already taken comes back beside its row, with everything else as typed
        assertThat(browser.text("#form-has-errors")).contains("nothing was saved");
        assertThat(browser.text(state + "code + .field-error")).isEqualTo("state processing is listed twice");
        assertThat(browser.find(state + "label").getAttribute("value")).isEqualTo("Awaiting documents");
        assertThat(browser.find(move + "label").getAttribute("value")).isEqualTo("Ask for documents");
        assertThat(browser.find(move + "roles input[data-role='TEAM_LEAD']").isSelected()).isTrue();
        assertThat(browser.find(field + "required").isSelected()).isTrue();
        assertThat(browser.find(added + "name").getAttribute("value")).as("an added row is kept as typed").isEqualTo("claimReference");
        assertThat(browser.find("#checklist").getAttribute("value")).endsWith("Policy number verified");
        browser.screenshotPage("work-type-editor-refused");
        browser.type(state + "code", "awaiting_documents").clickToLoad("#save-work-type");

        assertThat(browser.path()).isEqualTo(page);
        assertThat(browser.text(".notice")).isEqualTo("Back-office request version 2 is saved: new work takes it; "
                + "items raised before keep version 1.");
        assertThat(browser.text("#version")).isEqualTo("version 2");
        assertThat(browser.texts("#states li strong")).contains("Awaiting documents");
        assertThat(browser.texts("#moves-table tbody tr")).anyMatch(row -> row.contains("Ask for documents") && row.contains("Team lead"));
        assertThat(browser.texts("#fields-table tbody tr")).anyMatch(row -> row.contains("Policy number") && row.contains("Yes")
                && row.contains("up to 20 characters"));
        assertThat(browser.texts(".checklist li")).last().isEqualTo("Policy number verified");
        assertThat(browser.texts("#fields-table tbody tr")).anyMatch(row -> row.contains("Claim reference"));

        String items = "/api/v1/clients/" + setup.client().id() + "/work-items";
        Api requester = api().as(setup.requesterToken());
        Map<String, Object> form = Map.of("requestType", "address change", "details", "New address");
        Api.Response refused = requester.post(items, Map.of("serviceLine", "policy-admin", "title", "Change of address", "form", form));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("policyNumber");
        Api.Response raised = requester.post(items, Map.of("serviceLine", "policy-admin", "title", "Change of address",
                "form", Map.of("requestType", "address change", "details", "New address", "policyNumber", "AM-7781")));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        assertThat(raised.body().path("workTypeVersion").asInt()).isEqualTo(2);

        // on a phone the editor, with a row added, does not scroll sideways: its tables scroll in their cards
        phone.logIn(admin.email(), PASSWORD).open(page + "/edit").click("#add-state-row");
        Object overflow = ((JavascriptExecutor) phone.driver())
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scrolling").isLessThanOrEqualTo(0);
        phone.screenshotPage("work-type-editor-phone");
    }

    /** Clicks a button after bringing it to the middle of the window, clear of the top bar that stays on screen. */
    private void clickInView(String css) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.find(css));
        browser.click(css);
    }
}
