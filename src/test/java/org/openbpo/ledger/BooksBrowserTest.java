package org.openbpo.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.ledger.LedgerPostingTest.credit;
import static org.openbpo.ledger.LedgerPostingTest.debit;
import static org.openbpo.ledger.LedgerPostingTest.entry;

/** The client's finance lead reads its books on screen and takes them away as files. */
class BooksBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;

    User financeLead;

    @BeforeEach
    void booksWithAQuarter() {
        Bookkeeping.Setup setup = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens,
                books, "US_GAAP", "USD");
        financeLead = TenantScope.call(AllowedClients.ALL, () -> users.invite(new InviteUser(setup.client().id(),
                unique("finance") + "@client.test", "Fiona Finance", "long enough password", Set.of(Role.APPROVER), false, null),
                providerAdministrator()));
        Api agent = api().as(setup.agentToken());
        String base = "/api/v1/clients/" + setup.client().id() + "/ledger/entries";
        for (Map<String, Object> e : List.of(
                entry("2026-01-02", "capital", List.of(debit("1010", 50_000_00), credit("3010", 50_000_00))),
                entry("2026-01-15", "fees", List.of(debit("1100", 12_000_00), credit("4100", 12_000_00))),
                entry("2026-01-31", "pay", List.of(debit("6010", 7_000_00), credit("1010", 5_600_00), credit("2210", 1_400_00))))) {
            assertThat(agent.post(base, e).status()).isEqualTo(201);
        }
    }

    @Test
    void theTrialBalanceAndBalanceSheetOnScreenWithTheirFiles() {
        browser.logIn(financeLead.email(), "long enough password");
        browser.click("a.nav-link[href='/books']");
        assertThat(browser.text("h1")).isEqualTo("Books");

        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector('#asOf').value = '2026-01-31'");
        browser.clickToLoad("#report-form button[type=submit]");
        assertThat(browser.text("#trial-balance tr[data-account='1010']")).contains("44,400.00");
        assertThat(browser.texts("#trial-balance tr.total")).singleElement().asString().contains("63,400.00");
        browser.screenshot("books-trial-balance");

        browser.choose("#view", "Balance sheet");
        browser.clickToLoad("#report-form button[type=submit]");
        assertThat(browser.text("#liabilities-and-equity")).contains("56,400.00");

        String pdf = browser.find("#download-pdf").getAttribute("href");
        assertThat(pdf).contains("/balance-sheet.pdf").contains("asOf=2026-01-31");
        Object type = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.headers.get('content-type') + ' ' + b.byteLength)));""", pdf);
        assertThat(type.toString()).startsWith("application/pdf ");
        assertThat(Long.parseLong(type.toString().split(" ")[1])).isGreaterThan(1_000);
    }
}
