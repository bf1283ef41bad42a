package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.ReviseContract;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract form keeps the calendar's special days through a revision and puts every refusal beside its field. */
class ContractFormBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;
    @Autowired
    Contracts contracts;

    @Test
    void aRevisionKeepsSpecialDaysAndDuplicatesAndMadeUpCurrenciesAreMarked() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CFB"));
        Contract contract = setup.contract();
        CalendarSpec withEve = new CalendarSpec(contract.calendar().zone(), contract.calendar().week(), contract.calendar().holidays(),
                Map.of(LocalDate.of(2026, 12, 24), "09:00-13:00"));
        TenantScope.run(AllowedClients.ALL, () -> contracts.revise(setup.client().id(), contract.id(),
                new ReviseContract(withEve, contract.slaTargets(), contract.kpiTargets(), "Christmas Eve mornings")));
        browser.logIn(providerAdministrator().email(), "correct horse battery");

        browser.open("/admin/contracts/" + setup.client().id() + "/" + contract.id() + "/revise");
        assertThat(browser.find("#specialDays").getAttribute("value")).isEqualTo("2026-12-24 09:00-13:00");
        browser.type("#kpis-1-serviceLine", "policy-admin").choose("#kpis-1-kpi", "Sla attainment").type("#kpis-1-target", "90")
                .clickToLoad("#save-contract");
        assertThat(browser.text("#kpis-1-kpi ~ .field-error")).isEqualTo("two SLA_ATTAINMENT targets for policy-admin");
        browser.type("#kpis-1-serviceLine", "").choose("#kpis-1-kpi", "—").type("#kpis-1-target", "")
                .type("#note", "Note only").clickToLoad("#save-contract");
        assertThat(browser.text(".notice")).isEqualTo("Version 3 of " + contract.reference() + " governs new work from now on.");
        assertThat(TenantScope.call(AllowedClients.ALL, () -> contracts.get(setup.client().id(), contract.id())).calendar().specialDays())
                .as("the special day survives a revision made in the form").containsEntry(LocalDate.of(2026, 12, 24), "09:00-13:00");

        browser.open("/admin/contracts/new?client=" + setup.client().id()).clickToLoad("#switch-client");
        browser.type("#currency", "ZZZ").clickToLoad("#save-contract");
        assertThat(browser.text("#currency ~ .field-error")).isEqualTo("must be an ISO 4217 currency code such as GBP");
    }
}
