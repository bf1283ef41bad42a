package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A person issues a token in the UI, uses it on the API, and revokes it. */
class ApiTokenBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Test
    void aTokenIssuedInTheUiWorksOnTheApiUntilItIsRevoked() {
        CurrentUser admin = providerAdministrator();
        browser.logIn(admin.email(), "correct horse battery");
        browser.open("/me/tokens");
        browser.type("#token-name", "Reporting integration").click("#issue-token");
        String secret = browser.text("#token-secret");
        assertThat(secret).startsWith("obpo_");

        assertThat(api().as(secret).get("/api/v1/me").text("email")).isEqualTo(admin.email());

        browser.open("/me/tokens");
        assertThat(browser.texts("#token-table td strong")).contains("Reporting integration");
        assertThat(browser.texts("#token-secret")).isEmpty();
        browser.clickToLoad("#token-table button"); // the revoke is a form post: wait for its answer
        assertThat(api().as(secret).get("/api/v1/me").status()).isEqualTo(401);
    }
}
