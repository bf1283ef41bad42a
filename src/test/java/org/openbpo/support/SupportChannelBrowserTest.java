package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, an administrator finds the support desk of a client without a channel, follows its link to
 * set the channel up, fills the page in, and then finds the desk working; on a phone nothing scrolls sideways.
 */
class SupportChannelBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);
    @RegisterExtension
    final Browser phone = Browser.phone(() -> port);

    @Autowired
    ApplicationContext context;
    @Autowired
    SupportChannels channels;

    CurrentUser admin;
    WorkFixture.Setup setup;

    @BeforeEach
    void aClientUnderContractWithoutAChannel() {
        admin = providerAdministrator();
        setup = new WorkFixture(context).clientUnderContract(admin, unique("CHB"));
    }

    @Test
    void anAdministratorSetsUpTheChannelFromTheDeskAndThenTheDeskWorks() {
        browser.logIn(admin.email(), "correct horse battery");
        browser.open("/support/tickets?client=" + setup.client().id()).clickToLoad("#switch-client");
        assertThat(browser.text("#no-desk h2")).isEqualTo(setup.client().name() + " has no support desk yet");
        browser.screenshot("support-no-desk");
        browser.clickToLoad("#set-up-channel");
        assertThat(browser.text("h1")).isEqualTo("Support channel");

        String address = "care@" + setup.client().code().toLowerCase() + ".test";
        browser.choose("#serviceLine", "Policyholder support (support)");
        browser.type("#inboundAddress", address).type("#fromAddress", "not an address").type("#displayName", "Albion Care");
        browser.type("#imap-host", "imap.client.test").type("#imap-username", "care").type("#imap-password", "imap secret");
        browser.type("#smtp-host", "smtp.client.test").type("#smtp-password", "smtp secret");
        browser.click("#webForm").clickToLoad("#save-channel");
        assertThat(browser.text("#fromAddress + .hint + .field-error")).contains("is not an email address");
        assertThat(browser.find("#fromAddress").getAttribute("value")).isEqualTo("not an address");

        browser.type("#fromAddress", address).type("#imap-password", "imap secret").type("#smtp-password", "smtp secret");
        browser.clickToLoad("#save-channel");
        assertThat(browser.text(".notice")).contains("is saved");
        assertThat(browser.find("#imap-password").getAttribute("placeholder")).isEqualTo("stored; leave blank to keep");
        assertThat(browser.findAll("#mailbox-status")).hasSize(1);
        browser.screenshotPage("support-channel");
        ChannelSettings saved = TenantScope.call(AllowedClients.ALL, () -> channels.settings(setup.client().id(), admin));
        assertThat(saved.imap().passwordStored()).isTrue();
        assertThat(saved.smtp().passwordStored()).isTrue();
        assertThat(saved.webForm()).isTrue();

        browser.clickToLoad("#open-desk");
        assertThat(browser.findAll("#support-tickets")).hasSize(1);
        assertThat(browser.findAll("#no-tickets")).hasSize(1);
    }

    @Test
    void thePageFitsAPhone() {
        phone.logIn(admin.email(), "correct horse battery");
        phone.open("/admin/clients/" + setup.client().id() + "/support-channel");
        assertThat(phone.text("h1")).isEqualTo("Support channel");
        phone.screenshotPage("support-channel-phone");
        Object overflow = ((JavascriptExecutor) phone.driver())
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scrolling").isLessThanOrEqualTo(0);
        phone.open("/support/tickets?client=" + setup.client().id()).clickToLoad("#switch-client");
        phone.screenshotPage("support-no-desk-phone");
        overflow = ((JavascriptExecutor) phone.driver())
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scrolling").isLessThanOrEqualTo(0);
    }
}
