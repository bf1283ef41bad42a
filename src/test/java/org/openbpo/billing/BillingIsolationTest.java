package org.openbpo.billing;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every billing endpoint, tried with another client's ids: 404, never 403, and nothing changes. */
class BillingIsolationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;

    @Test
    void anotherClientsBillingIsNotFoundForOurBillingAnalystOrOurClientUsers() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup own = new WorkFixture(context).clientUnderContract(admin, unique("ISOA"));
        WorkFixture.Setup other = new WorkFixture(context).clientUnderContract(admin, unique("ISOB"));
        Api theirBilling = api().as(other.adminToken());
        String them = "/api/v1/clients/" + other.client().id();
        String us = "/api/v1/clients/" + own.client().id();
        Api.Response plan = theirBilling.post(them + "/price-plans", BillingApiTest.plan(other.contract().id(), "support", "ticket",
                "2026-03-01", List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "10.00")));
        assertThat(plan.status()).isEqualTo(201);
        String planId = plan.text("id");
        String invoiceId = theirBilling.post(them + "/invoices", Map.of("period", "2026-03")).body().get(0).path("id").asString();
        assertThat(theirBilling.post(them + "/invoices/" + invoiceId + "/review", Map.of()).status()).isEqualTo(200);
        assertThat(theirBilling.post(them + "/invoices/" + invoiceId + "/issue", Map.of()).status()).isEqualTo(200);

        String analyst = TenantScope.call(AllowedClients.ALL, () -> {
            User user = users.invite(new InviteUser(null, unique("analyst").toLowerCase() + "@billing.test", "Bea Billing",
                    "long enough password", Set.of(Role.BILLING_ANALYST), false, Set.of(own.client().id())), admin);
            return tokens.issue(CurrentUser.of(user), "tests", null, Duration.ofDays(1)).secret();
        });
        assertThat(api().as(analyst).get(us + "/price-plans").status()).isEqualTo(200);

        for (String token : List.of(analyst, own.requesterToken())) {
            Api api = api().as(token);
            Map<String, Api.Response> attempts = new LinkedHashMap<>();
            attempts.put("plans", api.get(them + "/price-plans"));
            attempts.put("plan", api.get(them + "/price-plans/" + planId));
            attempts.put("their plan under our id", api.get(us + "/price-plans/" + planId));
            attempts.put("define plan", api.post(them + "/price-plans", BillingApiTest.plan(other.contract().id(), "support", "ticket",
                    "2026-06-01", List.of(Map.of("unitPrice", "1.00")), Map.of())));
            attempts.put("their contract under our id", api.post(us + "/price-plans", BillingApiTest.plan(other.contract().id(),
                    "support", "ticket", "2026-06-01", List.of(Map.of("unitPrice", "1.00")), Map.of())));
            attempts.put("one-off fees", api.get(them + "/one-off-fees?period=2026-03"));
            attempts.put("add one-off fee", api.post(them + "/one-off-fees", Map.of("contractId", other.contract().id(),
                    "serviceLine", "support", "period", "2026-04", "description", "x", "amount", "1.00", "sourceKey", "x")));
            attempts.put("usage", api.get(them + "/usage?period=2026-03"));
            attempts.put("record usage", api.post(them + "/usage", Map.of("serviceLine", "support", "unit", "ticket",
                    "quantity", "1", "period", "2026-04", "sourceId", "intrusion")));
            attempts.put("allowances", api.get(them + "/usage/allowances?period=2026-03"));
            attempts.put("invoices", api.get(them + "/invoices"));
            attempts.put("draft", api.post(them + "/invoices", Map.of("period", "2026-04")));
            attempts.put("invoice", api.get(them + "/invoices/" + invoiceId));
            attempts.put("their invoice under our id", api.get(us + "/invoices/" + invoiceId));
            attempts.put("review", api.post(us + "/invoices/" + invoiceId + "/review", Map.of()));
            attempts.put("reopen", api.post(us + "/invoices/" + invoiceId + "/reopen", Map.of()));
            attempts.put("issue", api.post(us + "/invoices/" + invoiceId + "/issue", Map.of()));
            attempts.put("credit note", api.post(us + "/invoices/" + invoiceId + "/credit-notes", Map.of("reason", "x")));
            attempts.put("credit note on theirs", api.post(them + "/invoices/" + invoiceId + "/credit-notes", Map.of("reason", "x")));
            attempts.put("drill-down", api.get(us + "/invoices/" + invoiceId + "/lines/1/usage"));
            attempts.put("pdf", api.get(us + "/invoices/" + invoiceId + "/pdf"));
            attempts.put("pdf on theirs", api.get(them + "/invoices/" + invoiceId + "/pdf"));
            attempts.put("credits", api.get(them + "/service-credits?from=2026-01&to=2026-12"));
            attempts.put("grant credit", api.post(them + "/service-credits", Map.of("period", "2026-03", "serviceLine", "support",
                    "percent", "5", "reason", "x", "sourceKey", "intrusion")));
            attempts.put("earn-backs", api.get(them + "/earn-backs?from=2026-01&to=2026-12"));
            attempts.put("billing contact", api.get(them + "/billing-contact"));
            attempts.put("set billing contact", api.put(them + "/billing-contact", Map.of("email", "x@y.test", "name", "X")));
            attempts.put("mailings", api.get(them + "/invoices/" + invoiceId + "/mailings"));
            attempts.put("their mailings under our id", api.get(us + "/invoices/" + invoiceId + "/mailings"));
            attempts.put("send again", api.post(them + "/invoices/" + invoiceId + "/mailings", Map.of()));
            attempts.put("send theirs again under our id", api.post(us + "/invoices/" + invoiceId + "/mailings", Map.of()));
            attempts.forEach((what, response) -> assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404));
        }
        assertThat(theirBilling.get(them + "/invoices").body().size()).as("nothing was added").isEqualTo(1);
        assertThat(theirBilling.get(them + "/service-credits?from=2026-01&to=2026-12").body().size()).isZero();
        assertThat(theirBilling.get(them + "/usage?period=2026-04").body().size()).isZero();
    }
}
