package org.openbpo.payables;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.payables.InvoiceCaptureTest.invoice;

/**
 * The fraud path in the UI: one clerk registers a vendor with bank details, the page shows them
 * waiting and refuses the same clerk's approval; a second clerk approves and the account appears,
 * masked. Then the client's approver approves an invoice on the same page.
 */
class PayablesBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void aSecondClerkApprovesBankDetailsAndTheClientApprovesAnInvoice() {
        PayablesFixture.Setup setup = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "GB",
                "Europe/London", "GBP");
        browser.logIn(setup.clerk().email(), "long enough password");
        browser.open("/payables?client=" + setup.client().id());
        assertThat(browser.text("h1")).contains("Accounts payable");
        browser.type("#code", "THAMES").type("#name", "Thames Office Supplies").type("#currencies", "GBP")
                .choose("#scheme", "UK sort code and account").type("#sortCode", "20-00-00").type("#accountNumber", "55779911")
                .clickToLoad("#register-vendor button[type=submit]");
        assertThat(browser.text(".notice")).contains("wait for a second person's approval");
        assertThat(browser.text("#vendors [data-code=THAMES] .bank")).isEqualTo("none approved");
        assertThat(browser.text("#bank-changes [data-vendor=THAMES]")).contains("20-••-•• ••••9911");
        browser.clickToLoad("#bank-changes [data-vendor=THAMES] button.approve");
        assertThat(browser.text("#problem")).contains("second person");
        browser.screenshot("payables-bank-change-waiting");

        browser.driver().manage().deleteAllCookies();
        browser.logIn(setup.secondClerk().email(), "long enough password");
        browser.open("/payables?client=" + setup.client().id());
        browser.clickToLoad("#bank-changes [data-vendor=THAMES] button.approve");
        assertThat(browser.text(".notice")).contains("in force");
        assertThat(browser.text("#vendors [data-code=THAMES] .bank")).isEqualTo("20-••-•• ••••9911");
        assertThat(browser.find("html").getText()).doesNotContain("55779911");

        api().as(setup.clerkToken()).post(setup.path() + "/invoices", invoice("THAMES", "TH-1", "2026-03-01", "GBP", "80.00"));
        api().as(setup.clientAdminToken()).put(setup.path() + "/approval-limits/" + setup.approver().id(),
                Map.of("currency", "GBP", "maximum", "500"));
        browser.driver().manage().deleteAllCookies();
        browser.logIn(setup.approver().email(), "long enough password");
        browser.open("/payables");
        assertThat(browser.texts("a.nav-link")).contains("Accounts payable");
        browser.clickToLoad("#invoices [data-number=TH-1] button.approve-invoice");
        assertThat(browser.text(".notice")).contains("TH-1 approved");
        assertThat(browser.text("#invoices [data-number=TH-1] .status")).isEqualTo("APPROVED");
        assertThat(browser.text("#aging")).contains("THAMES");
        browser.screenshot("payables-approved");
    }
}
