package org.openbpo.payables;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices by email in the UI: the client's administrator may not point the AP mailbox at the
 * provider's own machines; the provider sets it up on its server, the client's administrator fetches
 * it; the e-invoice is captured (its PDF linked from the invoice list), the PDF-only mail waits as a
 * draft, and the provider's clerk keys its invoice in on the same page.
 */
class PayablesMailBrowserTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void theClientFetchesItsApMailboxAndTheClerkKeysInAMailedPdf() throws Exception {
        CurrentUser admin = providerAdministrator();
        PayablesFixture.Setup setup = PayablesFixture.client(context, IntegrationTest::unique, admin, "GB", "Europe/London", "GBP");
        assertThat(api().as(setup.clerkToken()).post(setup.path() + "/vendors", VendorApiTest.vendor("PAPER", List.of("GBP"), null))
                .status()).isEqualTo(201);
        String address = "ap@" + setup.client().code().toLowerCase() + ".test";
        GreenMailUser mailbox = mailServer.setUser(address, address, "imap secret");
        deliver(mailbox, VendorMail.from("billing@paper.test").subject("Invoice UI-1")
                .attach("UI-1.xml", "application/xml", EInvoices.invoice("UI-1", "TAX-PAPER", "GBP", "2", "5.00", "10.00", "2.00", "12.00", null))
                .attach("UI-1.pdf", "application/pdf", VendorMail.PDF));
        deliver(mailbox, VendorMail.from("billing@paper.test").subject("Scanned invoice").attach("scan.pdf", "application/pdf", VendorMail.PDF));

        browser.logIn(setup.clientAdmin().email(), "long enough password");
        browser.open("/payables");
        browser.clickToLoad("#mail-link");
        assertThat(browser.text("h1")).contains("Invoices by email");
        assertThat(browser.text("#mailbox")).contains("No AP mailbox is set up");
        browser.type("#host", "localhost").type("#port", Integer.toString(mailServer.getImap().getPort()))
                .choose("#security", "NONE").type("#username", address).type("#password", "imap secret")
                .type("#address", address).clickToLoad("#mailbox-form button[type=submit]");
        assertThat(browser.text("#problem")).contains("localhost is at 127.0.0.1, a loopback address, not a public mail server");
        assertThat(browser.text("#mailbox")).contains("No AP mailbox is set up");

        // The test's mail server runs on this machine, which only the provider's staff may name.
        assertThat(api().as(PayablesFixture.token(context, admin)).put(setup.path() + "/mailbox", Map.of("host", "localhost",
                "port", mailServer.getImap().getPort(), "security", "NONE", "username", address, "password", "imap secret",
                "address", address)).status()).isEqualTo(200);
        browser.open("/payables/mail");
        assertThat(browser.text("#mailbox .server")).isEqualTo("localhost:" + mailServer.getImap().getPort() + " · NONE · INBOX");
        assertThat(browser.text("#mailbox")).contains("password stored").doesNotContain("imap secret");
        browser.clickToLoad("#fetch-now");
        // The scheduled poller may be fetching the mail at the same moment: either way both messages arrive, once.
        assertThat(browser.findAll(".notice").isEmpty() ? browser.text("#problem") : browser.text(".notice"))
                .matches("The mailbox was fetched: [0-2] new message\\(s\\)\\.|Another node is fetching this mailbox right now\\.");
        for (int tries = 0; tries < 50 && (browser.findAll("#messages tbody tr").size() < 2
                || browser.texts("#messages .status").contains("RECEIVED")); tries++) {
            Thread.sleep(200);
            browser.open("/payables/mail");
        }
        assertThat(browser.findAll("#messages tbody tr")).hasSize(2);
        assertThat(browser.text("#messages tr[data-subject='Invoice UI-1'] .status")).isEqualTo("CAPTURED");
        assertThat(browser.text("#messages tr[data-subject='Scanned invoice'] .status")).isEqualTo("TO_KEY");
        assertThat(browser.find("#messages tr[data-subject='Scanned invoice'] .document a").getAttribute("href"))
                .contains("/payables/mail/").endsWith("/documents/1");
        assertThat(browser.findAll("#messages .key-in")).as("keying in is the provider's work").isEmpty();
        browser.open("/payables");
        assertThat(browser.find("#invoices [data-number=UI-1] a.pdf").getAttribute("href")).contains("/documents/2");

        browser.driver().manage().deleteAllCookies();
        browser.logIn(setup.clerk().email(), "long enough password");
        browser.open("/payables?client=" + setup.client().id()).clickToLoad("#switch-client");
        browser.open("/payables/mail");
        assertThat(browser.findAll("#mailbox-form")).as("an agent does not change the mailbox").isEmpty();
        String row = "#messages tr[data-subject='Scanned invoice'] ";
        assertThat(browser.text(row + ".work-item")).startsWith("WI-");
        browser.type(row + "input[name=number]", "SC-77").type(row + "input[name=total]", "90.00");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector(\"" + row.replace("'", "\\'").strip() + " input[name=invoiceDate]\").value = '2026-03-02'");
        browser.clickToLoad(row + ".key-in button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Invoice SC-77 keyed in: AWAITING_APPROVAL.");
        assertThat(browser.text(row + ".status")).isEqualTo("KEYED");
        browser.screenshotPage("payables-mail");
    }

    private static void deliver(GreenMailUser mailbox, VendorMail mail) throws Exception {
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.bytes())));
    }
}
