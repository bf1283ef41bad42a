package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operations manager opens a contract's service-credit rules from its scorecard, is told what is
 * wrong with a bad rule next to each field, saves a rule and a later version of it; a QA analyst
 * reads them without a form; another client's contract is not found.
 */
class CreditRuleBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;
    @Autowired
    Users users;

    @Test
    void aManagerDefinesVersionedServiceCreditRulesAndBadInputIsNamedOnTheForm() {
        clock.set(Instant.parse("2026-04-08T09:00:00Z"));
        QualityFixture fixture = new QualityFixture(context);
        QualityFixture.Setup setup = fixture.clientWithQa(providerAdministrator(), unique("CR"), IntegrationTest::unique);
        WorkFixture.Setup other = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CRX"));
        String client = setup.work().client().id().toString();
        String contract = setup.work().contract().id().toString();
        User manager = TenantScope.call(AllowedClients.ALL, () -> users.invite(new InviteUser(null, unique("ops") + "@quality.test",
                "Olu Operations", "long enough password", Set.of(Role.OPERATIONS_MANAGER), false, Set.of(setup.work().client().id())),
                providerAdministrator()));

        browser.logIn(manager.email(), "long enough password");
        browser.open("/quality/scorecards/" + client + "/" + contract + "/2026-04");
        browser.clickToLoad("#credit-rules-link");
        assertThat(browser.text("h1")).isEqualTo("Service-credit rules");
        assertThat(browser.text(".empty")).contains("No service-credit rules");

        browser.choose("#serviceLine", "policy-admin").choose("#kpi", "SLA attainment");
        browser.type("#effectiveFrom", "April").type("#tier0-missedBy", "a little").type("#tier0-percent", "5")
                .type("#tier1-missedBy", "2").type("#tier1-percent", "150").type("#capPercent", "").type("#earnBackPeriods", "13");
        browser.clickToLoad("#save-rule");
        assertThat(browser.text(".field.invalid:has(#effectiveFrom) .field-error")).isEqualTo("the first month the rule applies, as YYYY-MM");
        assertThat(browser.text(".tier[data-tier='0'] .field-error")).contains("'missed by' is a number");
        assertThat(browser.text(".tier[data-tier='1'] .field-error")).contains("percentage of the line's fees");
        assertThat(browser.text(".field.invalid:has(#capPercent) .field-error")).contains("the cap is a percentage");
        assertThat(browser.text(".field.invalid:has(#earnBackPeriods) .field-error")).contains("0 to 12");
        assertThat(browser.find("#tier1-missedBy").getAttribute("value")).as("what was typed is kept").isEqualTo("2");

        // a tier beyond the cap is the rule's refusal, shown on the row it belongs to
        browser.type("#effectiveFrom", "2026-04").type("#tier0-missedBy", "0").type("#tier0-percent", "2")
                .type("#tier1-missedBy", "5").type("#tier1-percent", "10").type("#capPercent", "5").type("#earnBackPeriods", "3");
        browser.clickToLoad("#save-rule");
        assertThat(browser.text(".tier[data-tier='1'] .field-error")).contains("beyond the cap of 5 %");
        assertThat(browser.findAll("#rule-table")).as("nothing saved").isEmpty();

        browser.type("#tier1-percent", "5");
        browser.clickToLoad("#save-rule");
        assertThat(browser.text(".notice")).isEqualTo("Version 1 of the SLA attainment credit on policy-admin applies from 2026-04.");
        String first = "#rule-table tr[data-rule='policy-admin/SLA_ATTAINMENT/1']";
        assertThat(browser.text(first)).contains("missed by 0 → 2 %; missed by 5 → 5 %").contains("5 %").contains("3 months")
                .contains("in force");

        browser.choose("#serviceLine", "policy-admin").choose("#kpi", "SLA attainment");
        browser.type("#effectiveFrom", "2026-05").type("#tier0-missedBy", "0").type("#tier0-percent", "3").type("#capPercent", "8");
        browser.clickToLoad("#save-rule");
        assertThat(browser.text(".notice")).isEqualTo("Version 2 of the SLA attainment credit on policy-admin applies from 2026-05.");
        assertThat(browser.text("#rule-table tr[data-rule='policy-admin/SLA_ATTAINMENT/2']")).contains("2026-05").doesNotContain("in force");
        assertThat(browser.text(first)).as("April is still scored by version 1").contains("in force");
        browser.screenshot("credit-rules");

        browser.open("/quality/scorecards/" + client + "/" + other.contract().id() + "/credit-rules");
        assertThat(browser.text("h1")).isEqualTo("Not found");
        browser.open("/quality/scorecards/" + other.client().id() + "/" + other.contract().id() + "/credit-rules");
        assertThat(browser.text("h1")).isEqualTo("Not found");
        browser.clickToLoad("form.logout button");

        browser.logIn(setup.analyst().email(), "long enough password");
        browser.open("/quality/scorecards/" + client + "/" + contract + "/credit-rules");
        assertThat(browser.findAll("#rule-table tbody tr")).hasSize(2);
        assertThat(browser.findAll("#credit-rule-form")).as("only managers change what a miss costs").isEmpty();
    }
}
