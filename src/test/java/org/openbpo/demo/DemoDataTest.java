package org.openbpo.demo;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest extends IntegrationTest {

    @Autowired
    DemoData demoData;
    @Autowired
    Clients clients;
    @Autowired
    org.openbpo.contracts.Contracts contracts;
    @Autowired
    org.openbpo.work.WorkItems workItems;

    @Test
    void loadsThreeClientsInTheirOwnCountriesAndCurrenciesOnlyOnce() {
        demoData.loadOnce();
        int afterFirst = TenantScope.call(AllowedClients.ALL, () -> clients.page(null, 10_000).size());
        demoData.loadOnce();
        var all = TenantScope.call(AllowedClients.ALL, () -> clients.page(null, 10_000));
        assertThat(all).hasSize(afterFirst);
        assertThat(all).filteredOn(c -> c.code().equals("LAKESHORE") || c.code().equals("ALBION") || c.code().equals("KAVERI"))
                .extracting(Client::country, c -> c.currency().getCurrencyCode())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("US", "USD"),
                        org.assertj.core.groups.Tuple.tuple("GB", "GBP"), org.assertj.core.groups.Tuple.tuple("IN", "INR"));
    }

    @Test
    void everyDemoClientHasAContractAndWorkInProgressWithOneRequestWaitingOnTheClient() {
        demoData.loadOnce();
        TenantScope.run(AllowedClients.ALL, () -> {
            for (Client client : clients.page(null, 10_000)) {
                if (!java.util.Set.of("LAKESHORE", "ALBION", "KAVERI").contains(client.code())) {
                    continue;
                }
                // Each outsources its payroll under a contract of its own; Lakeshore its accounts payable too.
                assertThat(contracts.of(client.id())).as(client.code() + ": its services, its payroll, Lakeshore's payables")
                        .hasSize(client.code().equals("LAKESHORE") ? 3 : 2);
                assertThat(workItems.page(client.id(), null, null, 0, 100)).as(client.code()).hasSizeGreaterThanOrEqualTo(2);
                if (client.code().equals("ALBION")) {
                    assertThat(workItems.page(client.id(), org.openbpo.work.domain.StateCategory.PENDING_CLIENT, null, 0, 10))
                            .filteredOn(item -> !item.workType().equals("pay-run")).singleElement().satisfies(item -> {
                                assertThat(item.sla().paused()).isTrue();
                                assertThat(item.sla().pauseReason()).isEqualTo("PENDING_CLIENT");
                            });
                }
            }
        });
    }

    @Autowired
    org.openbpo.ledger.Reports reports;

    @Test
    void theRetailerAndTheInsurerHaveBooksThatBalance() {
        demoData.loadOnce();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        TenantScope.run(AllowedClients.ALL, () -> {
            for (Client client : clients.page(null, 10_000)) {
                if (!java.util.Set.of("LAKESHORE", "ALBION").contains(client.code())) {
                    continue;
                }
                var trial = reports.trialBalance(client.id(), today);
                assertThat(trial.functionalDebits()).as(client.code()).isPositive().isEqualTo(trial.functionalCredits());
                var sheet = reports.balanceSheet(client.id(), today);
                assertThat(sheet.liabilitiesAndEquity()).as(client.code()).isEqualTo(sheet.assets().total());
                var year = reports.incomeStatement(client.id(), today.withDayOfYear(1), today);
                assertThat(year.income().total()).as(client.code() + " earned something this year").isPositive();
            }
        });
    }
}
