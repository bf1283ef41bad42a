package org.openbpo.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A UK insurer's first contract ends on 31 March and is renewed from 1 April for policy administration, with
 * the same service-line code; a chat service starts in May. The client's people see each service they may
 * request today once, as the contract in force has it; the provider's set-up lists show each code once.
 */
class ContractServiceLineListsTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;
    @Autowired
    Contracts contracts;

    @Test
    void aRenewalsServiceLinesAreListedOnceAsTheContractInForceHasThem() {
        clock.set(Instant.parse("2026-03-10T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("LST"));
        UUID client = setup.client().id();
        CalendarSpec calendar = CalendarSpec.mondayToFriday("Europe/London", "09:00-17:30", List.of());
        TenantScope.run(AllowedClients.ALL, () -> {
            contracts.revise(client, setup.contract().id(), new ReviseContract(calendar, setup.contract().slaTargets(), null,
                    "Term ends", LocalDate.of(2026, 3, 31)));
            contracts.draft(client, new DraftContract("MSA-R-" + setup.client().code(), "Policy administration, renewed", "GBP",
                    LocalDate.of(2026, 4, 1), null, calendar,
                    List.of(new ServiceLine("policy-admin", "Policy administration (renewed)", ServiceLineKind.BACK_OFFICE,
                            "back-office-request")), List.of(), List.of()));
            contracts.draft(client, new DraftContract("MSA-C-" + setup.client().code(), "Chat", "GBP", LocalDate.of(2026, 5, 1), null,
                    calendar, List.of(new ServiceLine("chat", "Chat", ServiceLineKind.CUSTOMER_SUPPORT, "support-ticket")),
                    List.of(), List.of()));
        });

        assertThat(names(TenantScope.call(AllowedClients.ALL, () -> contracts.serviceLinesInForce(client))))
                .containsExactly("policy-admin: Policy administration", "support: Policyholder support");
        assertThat(names(TenantScope.call(AllowedClients.ALL, () -> contracts.serviceLines(client))))
                .containsExactly("chat: Chat", "policy-admin: Policy administration", "support: Policyholder support");

        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        assertThat(names(TenantScope.call(AllowedClients.ALL, () -> contracts.serviceLinesInForce(client))))
                .as("only the renewal is in force: support ended with the first contract, chat has not started")
                .containsExactly("policy-admin: Policy administration (renewed)");
        assertThat(names(TenantScope.call(AllowedClients.ALL, () -> contracts.serviceLines(client))))
                .containsExactly("chat: Chat", "policy-admin: Policy administration (renewed)", "support: Policyholder support");

        // the client's requester raising a request sees the renewal's service once
        browser.logIn(setup.requester().email(), "long enough password");
        browser.open("/portal/requests/new");
        assertThat(browser.texts("#service-lines a.choice strong")).containsExactly("Policy administration (renewed)");
        browser.open("/portal/requests/new?line=policy-admin");
        assertThat(browser.text(".form-card h2")).isEqualTo("Policy administration (renewed)");

        // the administrator opening a queue chooses each service line once
        browser.driver().manage().deleteAllCookies();
        browser.logIn(providerAdministrator().email(), "correct horse battery");
        browser.open("/admin/queues?client=" + client).clickToLoad("#switch-client");
        assertThat(browser.texts("#serviceLine option")).containsExactly("Chat", "Policy administration (renewed)",
                "Policyholder support");
    }

    private static List<String> names(List<ServiceLine> lines) {
        return lines.stream().map(l -> l.code() + ": " + l.name()).toList();
    }
}
