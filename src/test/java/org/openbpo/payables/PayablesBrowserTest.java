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
        browser.open("/payables?client=" + setup.client().id()).clickToLoad("#switch-client");
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
        browser.open("/payables?client=" + setup.client().id()).clickToLoad("#switch-client");
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

    @Test
    void aClerkAddsALineBeyondTheFourTheOrderFormShows() {
        PayablesFixture.Setup setup = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "GB",
                "Europe/London", "GBP");
        api().as(setup.clerkToken()).post(setup.path() + "/vendors", VendorApiTest.vendor("PAPER", java.util.List.of("GBP"), null));
        browser.logIn(setup.clerk().email(), "long enough password");
        browser.open("/payables?client=" + setup.client().id()).clickToLoad("#switch-client");
        browser.type("#po-number", "PO-FIVE").choose("#po-vendor", "PAPER · Vendor PAPER").type("#po-currency", "GBP");
        assertThat(browser.findAll("#po-lines tbody tr")).hasSize(4);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.find("#add-po-line"));
        browser.click("#add-po-line");
        assertThat(browser.findAll("#po-lines tbody tr")).hasSize(5);
        assertThat(browser.find("[name='line4.description']").getAttribute("aria-label")).isEqualTo("Line 5 description");
        for (int i = 0; i < 5; i++) {
            browser.type("[name='line" + i + ".description']", "Box " + (i + 1)).type("[name='line" + i + ".quantity']", "1")
                    .type("[name='line" + i + ".unitPrice']", "3");
        }
        browser.screenshot("payables-order-added-line");
        browser.clickToLoad("#raise-order button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Purchase order PO-FIVE recorded with 5 lines.");
        assertThat(browser.texts("#purchase-orders .order-line")).contains("5. Box 5: 1 × GBP 3, no tax");
    }

    @Test
    void creditNotesShowWhatIsLeftAndTheInvoicesTheirCreditWasSetAgainst() {
        PayablesFixture.Setup setup = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "US",
                "America/New_York", "USD");
        org.openbpo.testing.Api clerk = api().as(setup.clerkToken());
        var created = clerk.post(setup.path() + "/vendors", VendorApiTest.vendor("INK", java.util.List.of("USD"), VendorApiTest.US_BANK));
        api().as(setup.secondClerkToken()).post(setup.path() + "/vendors/" + created.text("id") + "/bank-changes/"
                + created.text("pendingBankChange") + "/decision", Map.of("approve", true));
        clerk.post(setup.path() + "/purchase-orders", Map.of("number", "PO-INK", "vendor", "INK", "currency", "USD",
                "receiptRequired", false, "lines", java.util.List.of(Map.of("description", "Toner", "quantity", "1", "unitPrice", "100.00"))));
        Map<String, Object> matched = invoice("INK", "INK-1", "2026-03-01", "USD", "100.00");
        matched.put("purchaseOrder", "PO-INK");
        matched.put("lines", java.util.List.of(Map.of("description", "Toner", "quantity", "1", "unitPrice", "100.00", "orderLine", 1)));
        assertThat(clerk.post(setup.path() + "/invoices", matched).text("status")).isEqualTo("APPROVED");
        assertThat(clerk.post(setup.path() + "/credit-notes", Map.of("vendor", "INK", "number", "CN-INK-1", "creditDate", "2026-03-02",
                "currency", "USD", "amount", "30.00")).status()).isEqualTo(201);
        assertThat(clerk.post(setup.path() + "/credit-notes", Map.of("vendor", "INK", "number", "CN-INK-2", "creditDate", "2026-03-03",
                "currency", "USD", "amount", "5.00", "invoiceNumber", "INK-1")).status()).isEqualTo(201);
        var proposed = clerk.post(setup.path() + "/proposals", Map.of("currency", "USD", "dueBy", "2026-12-31", "payOn", "2026-03-10"));
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);

        browser.logIn(setup.clerk().email(), "long enough password");
        browser.open("/payables?client=" + setup.client().id()).clickToLoad("#switch-client");
        assertThat(browser.text("#credit-notes [data-number=CN-INK-1] .remaining")).isEqualTo("USD 0.00");
        assertThat(browser.text("#credit-notes [data-number=CN-INK-1] .allocation[data-invoice=INK-1]"))
                .isEqualTo("USD 30.00 against invoice INK-1 (proposal DRAFT)");
        assertThat(browser.text("#credit-notes [data-number=CN-INK-2] .allocation[data-invoice=INK-1]"))
                .isEqualTo("USD 5.00 against invoice INK-1 (proposal DRAFT)");
        assertThat(browser.text("#credit-notes [data-number=CN-INK-2]")).contains("credits invoice INK-1");
        browser.screenshot("payables-credit-notes");

        var allocations = clerk.get(setup.path() + "/credit-notes/" + clerk.get(setup.path() + "/credit-notes").body().get(1)
                .path("id").asString() + "/allocations");
        assertThat(allocations.status()).isEqualTo(200);
        assertThat(allocations.body().get(0).path("invoiceNumber").asString()).isEqualTo("INK-1");
    }
}
