package org.openbpo.billing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openbpo.billing.BillingApiTest.plan;

/** A billing analyst reads the provider's own books and follows a service credit to the invoice that netted it. */
class ReceivablesBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void theHouseBookShowsTheReceivableAndTheCreditsPageTheInvoiceThatNettedTheCredit() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        UUID house = HouseFixture.house(context, admin);
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(admin, unique("RCVUI"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());
        assertThat(billing.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "1000.00"))).status()).isEqualTo(201);
        assertThat(billing.post(client + "/service-credits", Map.of("period", "2026-03", "serviceLine", "support", "percent", "5",
                "reason", "SLA attainment missed", "sourceKey", "scorecard:" + setup.contract().id() + ":2026-03:support")).status())
                .isEqualTo(201);
        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        String invoice = client + "/invoices/" + billing.post(client + "/invoices", Map.of("period", "2026-03")).body().get(0)
                .path("id").asString();
        assertThat(billing.post(invoice + "/review", Map.of()).status()).isEqualTo(200);
        String number = billing.post(invoice + "/issue", Map.of()).text("number");
        String receivable = "AR-" + setup.client().code();
        await().atMost(Duration.ofSeconds(20)).until(() -> billing.get("/api/v1/ledger/house/reports/trial-balance").body()
                .path("rows").toString().contains("\"" + receivable + "\""));

        User analyst = TenantScope.call(AllowedClients.ALL, () -> context.getBean(Users.class).invite(new InviteUser(null,
                unique("analyst").toLowerCase() + "@provider.test", "Bea Analyst", "long enough password", Set.of(Role.BILLING_ANALYST),
                false, Set.of(setup.client().id(), house)), admin));
        browser.logIn(analyst.email(), "long enough password");
        browser.open("/books");
        // The house is offered once, as the provider's own books, and not again among the clients.
        assertThat(browser.find("#house-books").getAttribute("href")).endsWith("/books/house");
        assertThat(browser.findAll("#client-choices .choice[data-code]")).extracting(choice -> choice.getAttribute("data-code"))
                .containsExactly(setup.client().code());
        browser.clickToLoad("#house-books");
        assertThat(browser.text("h1")).isEqualTo("The provider's own books");
        // 1,000.00 less the 5% credit (50.00) is 950.00, with VAT of 190.00: 1,140.00 receivable.
        assertThat(browser.text("#trial-balance tr[data-account='" + receivable + "']")).contains("1,140.00");
        browser.screenshot("house-book-trial-balance");

        browser.open("/billing/credits?client=" + setup.client().id()).clickToLoad("#switch-client");
        assertThat(browser.text("#credit-table tr[data-kind='Credit']")).contains("2026-03", "support", "SLA attainment missed", number);
        assertThat(browser.find("#credit-table tr[data-kind='Credit'] .scorecard-link").getAttribute("href"))
                .contains("/quality/scorecards/" + setup.client().id() + "/" + setup.contract().id() + "/2026-03");
        browser.screenshot("service-credits");
        browser.clickToLoad("#credit-table tr[data-kind='Credit'] .invoice-link");
        assertThat(browser.text("h1")).contains(number);
    }

    @Test
    void aTeamLeadWhoServesEveryClientIsNotOfferedTheHouseBookNorServedItsFiles() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        UUID house = HouseFixture.house(context, admin);
        User lead = TenantScope.call(AllowedClients.ALL, () -> context.getBean(Users.class).invite(new InviteUser(null,
                unique("lead").toLowerCase() + "@provider.test", "Tom Lead", "long enough password", Set.of(Role.TEAM_LEAD),
                true, null), admin));
        browser.logIn(lead.email(), "long enough password");

        browser.open("/books?client=" + house).clickToLoad("#switch-client");
        assertThat(browser.path()).isEqualTo("/books");
        assertThat(browser.findAll("#house-books")).isEmpty();
        assertThat(browser.findAll("#client-choices input[name='clientId']")).extracting(choice -> choice.getAttribute("value"))
                .doesNotContain(house.toString());
        browser.open("/books/" + house + "/trial-balance.csv");
        assertThat(browser.text("#error-message")).contains("does not exist");
    }
}
