package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider administrator's first morning: log in, take a client on, give it a user, work for it. */
class AdministratorBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Test
    void registersAClientInvitesItsUserAndSwitchesToIt() {
        CurrentUser admin = providerAdministrator();
        browser.logIn(admin.email(), "correct horse battery");

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text("h1")).isEqualTo("Welcome, Test Administrator");
        assertThat(browser.text(".user-name")).isEqualTo("Test Administrator");
        assertThat(browser.text(".user-roles")).isEqualTo("Administrator");
        assertThat(browser.texts("a.nav-link")).containsExactly("Dashboard", "Overview", "Payroll", "QA queue", "Calibration", "QA forms",
                "Scorecards", "Invoices", "Price plans", "Billing mail server", "Books", "Clients", "Provider staff",
                "Contracts", "Work types", "Queues", "Centres", "Agents", "API tokens");
        assertThat(browser.texts(".nav-link.soon")).allMatch(label -> label.endsWith("soon"));
        browser.screenshot("dashboard");

        String code = unique("AA");
        browser.click("a[href='/admin/clients']").click("#new-client")
                .type("#code", code).type("#name", "Harbour Freight " + code).type("#legalEntity", "Harbour Freight Ltd")
                .type("#country", "ZZ").type("#currency", "GBP").type("#timeZone", "Europe/London")
                .click("#save-client");
        assertThat(browser.text("#country ~ .field-error")).isEqualTo("ZZ is not an ISO 3166 country code.");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Harbour Freight " + code);

        browser.type("#country", "GB").click("#save-client");
        assertThat(browser.path()).isEqualTo("/admin/clients");
        assertThat(browser.text(".notice")).contains("Harbour Freight " + code, "registered");
        assertThat(browser.text("tr[data-code='" + code + "'] .badge")).isEqualTo("Onboarding");
        browser.screenshot("clients");

        browser.click("tr[data-code='" + code + "'] a.button");
        assertThat(browser.text("h1")).isEqualTo("Harbour Freight " + code + " · users");
        String email = unique("clerk").toLowerCase() + "@harbour.test";
        browser.type("#displayName", "Cara Clerk").type("#email", email).type("#password", "short")
                .click("input[name='roles'][value='REQUESTER']").click("#invite-button");
        assertThat(browser.text("#password ~ .field-error")).isEqualTo("must be 12 to 128 characters");

        browser.type("#password", "a long first password").click("#invite-button");
        assertThat(browser.text(".notice")).contains("Cara Clerk", "can now log in");
        String row = "tr[data-email='" + email + "']";
        assertThat(browser.text(row + " .badge")).isEqualTo("Active");
        assertThat(browser.text(row + " .role")).isEqualTo("Requester");

        browser.click(row + " button");
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector(row + " .badge"), "Disabled"));
        assertThat(browser.text(row + " button")).isEqualTo("Enable");
        assertThat(browser.text(".notice")).as("swapped in place by htmx, not reloaded").contains("can now log in");
        browser.screenshot("client-users");

        browser.open("/").choose("#active-client", "Harbour Freight " + code + " (" + code + ")");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".active-client-name")));
        assertThat(browser.text(".active-client-name")).isEqualTo("Harbour Freight " + code);
        browser.open("/admin/staff");
        assertThat(browser.find("#active-client option:checked").getText()).isEqualTo("Harbour Freight " + code + " (" + code + ")");

        browser.open("/admin/clients/not-an-id/edit");
        assertThat(browser.text("h1")).isEqualTo("Not found");
        browser.open("/no-such-page");
        assertThat(browser.text("h1")).isEqualTo("Not found");

        browser.open("/").click(".logout button");
        assertThat(browser.text("#logged-out")).isEqualTo("You have been logged out.");
        browser.open("/admin/clients");
        assertThat(browser.path()).isEqualTo("/login");
    }
}
