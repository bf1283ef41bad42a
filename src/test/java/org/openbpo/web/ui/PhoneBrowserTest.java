package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/** On a phone the left navigation folds into a menu button at the top. */
class PhoneBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = Browser.phone(() -> port);

    @Test
    void theMenuIsCollapsedUntilOpened() {
        CurrentUser admin = providerAdministrator();
        browser.logIn(admin.email(), "correct horse battery");

        Object width = ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth");
        assertThat(((Number) width).intValue()).isLessThanOrEqualTo(400);
        assertThat(browser.find("#menu-toggle").isDisplayed()).isTrue();
        assertThat(browser.find("a.nav-link[href='/admin/clients']").isDisplayed()).isFalse();
        assertThat(browser.find(".who").getRect().getX() + browser.find(".who").getRect().getWidth())
                .as("the top bar fits the screen").isLessThanOrEqualTo(400);
        browser.screenshot("phone");

        browser.click("#menu-toggle");
        assertThat(browser.find("a.nav-link[href='/admin/clients']").isDisplayed()).isTrue();
        assertThat(browser.find("#menu-toggle").getAttribute("aria-expanded")).isEqualTo("true");
        browser.screenshot("phone-menu-open");

        browser.click("a.nav-link[href='/admin/clients']");
        assertThat(browser.path()).isEqualTo("/admin/clients");
        assertThat(browser.find("a.nav-link[href='/admin/clients']").isDisplayed()).isFalse();
    }
}
