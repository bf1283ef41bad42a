package org.openbpo.web.ui;

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
import org.openbpo.work.sla.SlaTimers;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A team lead's morning: what waits per queue, the SLA warning the timers raised, and handing work out. */
class TeamOverviewBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;
    @Autowired
    Users users;
    @Autowired
    SlaTimers timers;

    @Test
    void seesTheLoadAndTheWarningsAndAssignsAWaitingItem() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(admin, unique("LEAD"));
        User lead = TenantScope.call(AllowedClients.ALL, () -> users.invite(new InviteUser(null,
                unique("lead").toLowerCase() + "@provider.test", "Tess Lead", "long enough password", Set.of(Role.TEAM_LEAD),
                false, Set.of(setup.client().id())), admin));
        long early = raise(setup, "Bank detail change for 5120");
        clock.advance(Duration.ofHours(1));
        long later = raise(setup, "New starter: J. Okafor");
        clock.set(Instant.parse("2026-03-02T15:10:00Z")); // past the first item's 75% warning, not the second's
        TenantScope.run(AllowedClients.ALL, timers::escalateDue);

        browser.logIn(lead.email(), "long enough password");
        assertThat(browser.texts("a.nav-link")).containsExactly("Dashboard", "Work", "Chats", "Support desk", "Overview", "Payroll", "QA queue", "Calibration",
                "API tokens");
        browser.click("a.nav-link[href='/work/overview']");
        String queue = "#load-table tr[data-queue='" + setup.client().code() + "/policy-changes']";
        assertThat(browser.text(queue + " .waiting")).isEqualTo("2");
        assertThat(browser.text(queue + " .assigned")).isEqualTo("0");
        assertThat(browser.text("#notifications li[data-item='WI-" + early + "']"))
                .contains("WI-" + early + " has used its SLA warning share; priority raised to HIGH");
        String row = "tr[data-ref='WI-" + later + "']";
        assertThat(browser.text(row + " .sla-badge")).isEqualTo("On track");
        assertThat(browser.text("tr[data-ref='WI-" + early + "'] .sla-badge")).isEqualTo("SLA warning");
        browser.screenshot("overview");

        browser.choose(row + " select", "Agent checker · available").clickToLoad(row + " button");
        assertThat(browser.text(".notice")).isEqualTo("WI-" + later + " is now with Agent checker.");
        assertThat(browser.text(queue + " .waiting")).isEqualTo("1");
        assertThat(browser.text(queue + " .assigned")).isEqualTo("1");
        assertThat(browser.findAll(row)).as("no longer waiting").isEmpty();

        browser.click("#notifications li[data-item='WI-" + early + "'] button");
        browser.await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#notifications li"), 0));
        browser.open("/work/overview");
        assertThat(browser.findAll("#notifications li")).as("read notifications stay read").isEmpty();

        browser.open("/admin/contracts");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
    }

    private long raise(WorkFixture.Setup setup, String title) {
        Api.Response raised = api().as(setup.requesterToken()).post("/api/v1/clients/" + setup.client().id() + "/work-items",
                Map.of("serviceLine", "policy-admin", "title", title,
                        "form", Map.of("requestType", "other", "details", title)));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        return raised.body().path("id").asLong();
    }
}
