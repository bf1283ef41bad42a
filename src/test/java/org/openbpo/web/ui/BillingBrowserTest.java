package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's billing analyst puts a price in force, rates March, reviews and issues the
 * invoice and drills down to the usage; then the client's requester finds it in the portal.
 */
class BillingBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void aPriceIsSetAMonthIsInvoicedAndTheClientSeesTheInvoice() {
        clock.set(Instant.parse("2026-02-15T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(admin, unique("BRW"));
        browser.logIn(admin.email(), "correct horse battery");
        assertThat(browser.texts("a.nav-link")).contains("Invoices", "Price plans");

        browser.open("/billing/plans?client=" + setup.client().id()).clickToLoad("#switch-client");
        assertThat(browser.find("#effectiveFrom").getAttribute("value")).isEqualTo("2026-03");
        browser.choose("#serviceLine", "Policyholder support (support)").type("#unit", "ticket")
                .type("#tiers", "*: 3.50\n2: 5.00").type("#monthlyFee", "100.00").type("#taxPercent", "20")
                .clickToLoad("#save-plan");
        assertThat(browser.text("#tiers ~ .field-error")).isEqualTo("only the last tier may be open-ended (upTo null)");
        browser.type("#tiers", "2: 5.00\n*: 3.50").clickToLoad("#save-plan");
        assertThat(browser.text(".notice")).isEqualTo("The price plan for support is in force from 2026-03.");
        assertThat(browser.texts("#plan-table tbody tr td:first-child strong")).containsExactly("support");
        assertThat(browser.texts("#plan-table .plan-in-force")).as("it prices March on, not February").containsExactly("not in force");

        assertThat(api().as(setup.adminToken()).post("/api/v1/clients/" + setup.client().id() + "/usage", Map.of(
                "serviceLine", "support", "unit", "ticket", "quantity", "5", "period", "2026-03", "sourceId", "march-export"))
                .status()).isEqualTo(201);

        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        browser.open("/billing/invoices");
        assertThat(browser.find("#period").getAttribute("value")).isEqualTo("2026-03");
        browser.clickToLoad("#draft");
        // 2 × 5.00 + 3 × 3.50 = 20.50; monthly 100.00; subtotal 120.50; VAT 20% 24.10; total 144.60
        assertThat(browser.text("#subtotal")).isEqualTo("120.50");
        assertThat(browser.text("#tax")).isEqualTo("24.10");
        assertThat(browser.text("#total")).isEqualTo("144.60");
        browser.clickToLoad("#review");
        assertThat(browser.text(".notice")).isEqualTo("The month is closed for billing and the invoice is in review.");
        browser.clickToLoad("#issue");
        assertThat(browser.text(".notice")).matches("Invoice INV-2026-\\d{6} is issued\\.");
        String number = browser.text(".notice").substring(8, 23);
        browser.screenshotPage("billing-invoice");

        browser.clickToLoad("#line-table tr[data-kind='USAGE'] a");
        assertThat(browser.texts("#usage-table tbody tr")).singleElement().satisfies(row -> assertThat(row).contains("recorded march-export"));

        browser.driver().manage().deleteAllCookies();
        browser.logIn(setup.requester().email(), "long enough password");
        browser.open("/portal/billing");
        assertThat(browser.texts("#issued-invoices tbody tr td:first-child")).containsExactly(number);
        browser.screenshotPage("portal-billing");
        browser.clickToLoad("#issued-invoices tbody tr a");
        assertThat(browser.text("#total")).isEqualTo("144.60");
        assertThat(browser.findAll("#issue")).as("the client only reads").isEmpty();
    }

    @Test
    void anAdministratorSetsTheBillingMailServerAndAClientsBillingContactAndAWrongValueIsNamed() {
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(admin, unique("MSRV"));
        browser.logIn(admin.email(), "correct horse battery");
        assertThat(browser.texts("a.nav-link")).contains("Billing mail server");
        browser.open("/billing/mail-server");
        browser.type("#host", "localhost").type("#port", "2525").choose("#security", "NONE").type("#username", "billing")
                .type("#password", "mail secret").type("#fromAddress", "not an address").type("#fromName", "Northstar Billing");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('mail-server-form').noValidate = true");
        browser.clickToLoad("#save-mail-server");
        assertThat(browser.text("#fromAddress ~ .field-error")).isEqualTo("must be a well-formed email address");
        assertThat(browser.find("#host").getAttribute("value")).as("what was typed stays").isEqualTo("localhost");

        browser.type("#password", "mail secret").type("#fromAddress", "billing@northstar.test").clickToLoad("#save-mail-server");
        assertThat(browser.text(".notice")).startsWith("The billing mail server is saved.");
        assertThat(browser.text("#mail-server .server")).isEqualTo("localhost:2525 · NONE");
        assertThat(browser.text("#mail-server .server-status")).contains("Login billing, password stored");
        assertThat(browser.find("#password").getAttribute("placeholder")).isEqualTo("stored; leave empty to keep");
        assertThat(browser.find("#password").getAttribute("value")).as("the password is never sent back").isEmpty();
        browser.screenshotPage("billing-mail-server");

        browser.open("/billing/invoices?client=" + setup.client().id()).clickToLoad("#switch-client");
        assertThat(browser.text("#contact-now")).isEqualTo("Nobody yet: issued invoices are not e-mailed.");
        browser.type("#contact-email", "accounts at albion").type("#contact-name", "Albion accounts payable");
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('#billing-contact form').noValidate = true");
        browser.clickToLoad("#save-contact");
        assertThat(browser.text("#problem")).isEqualTo("E-mail: must be a well-formed email address");
        assertThat(browser.find("#contact-name").getAttribute("value")).as("what was typed stays").isEqualTo("Albion accounts payable");
        browser.type("#contact-email", "payables@albion.test").clickToLoad("#save-contact");
        assertThat(browser.text(".notice")).isEqualTo("Issued invoices of " + setup.client().name()
                + " are e-mailed to payables@albion.test.");
        assertThat(browser.text("#contact-now")).contains("Albion accounts payable <payables@albion.test>");
        assertThat(api().as(setup.adminToken()).get("/api/v1/clients/" + setup.client().id() + "/billing-contact")
                .text("email")).isEqualTo("payables@albion.test");

        // A billing analyst serving only another client cannot set this client's contact: the form posted to its id is not found.
        WorkFixture.Setup other = new WorkFixture(context).clientUnderContract(admin, unique("MSRVO"));
        User analyst = TenantScope.call(AllowedClients.ALL, () -> context.getBean(Users.class).invite(new InviteUser(null,
                unique("analyst").toLowerCase() + "@provider.test", "Bea Analyst", "long enough password", Set.of(Role.BILLING_ANALYST),
                false, Set.of(other.client().id())), admin));
        browser.driver().manage().deleteAllCookies();
        browser.logIn(analyst.email(), "long enough password");
        assertThat(browser.texts("a.nav-link")).as("only administrators set the mail server").doesNotContain("Billing mail server");
        browser.open("/billing/invoices?client=" + other.client().id()).clickToLoad("#switch-client");
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('#billing-contact form').action = '/billing/invoices/"
                + setup.client().id() + "/contact'");
        browser.type("#contact-email", "thief@elsewhere.test").type("#contact-name", "Not theirs").clickToLoad("#save-contact");
        assertThat(browser.text("h1")).isEqualTo("Not found");
        assertThat(api().as(setup.adminToken()).get("/api/v1/clients/" + setup.client().id() + "/billing-contact")
                .text("email")).isEqualTo("payables@albion.test");
        browser.open("/billing/mail-server");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");

        browser.driver().manage().deleteAllCookies();
        browser.logIn(setup.requester().email(), "long enough password");
        assertThat(browser.texts("a.nav-link")).doesNotContain("Billing mail server");
        browser.open("/billing/mail-server");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
    }
}
