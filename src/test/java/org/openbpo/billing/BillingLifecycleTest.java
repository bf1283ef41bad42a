package org.openbpo.billing;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.WorkFixture;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * March 2026 of Albion Mutual's contract, told as the business lives it: tickets are solved through
 * the month, the price plans rate them, the scorecard's sign-off grants a 10% credit on support,
 * and the invoice nets it. Every figure below is worked out by hand.
 */
class BillingLifecycleTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    Metering metering;
    @Autowired
    ServiceCredits serviceCredits;

    @Test
    void aMonthOfWorkIsRatedCreditedAndInvoicedToTheCent() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("LIFE"));
        String clientPath = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());

        // Support: graduated, the first 2 tickets at 5.00, the rest at 3.50, plus 100.00 a month; VAT 20%.
        assertThat(billing.post(clientPath + "/price-plans", plan(setup, "support", "ticket", "2026-03-01",
                List.of(Map.of("upTo", 2, "unitPrice", "5.00"), Map.of("unitPrice", "3.50")),
                Map.of("monthlyFee", "100.00"))).status()).isEqualTo(201);
        // Policy administration: two dedicated agents × 10 h at 25.00, and a minimum commitment of 600.00.
        assertThat(billing.post(clientPath + "/price-plans", plan(setup, "policy-admin", "request", "2026-03-01",
                List.of(Map.of("unitPrice", "0")),
                Map.of("fteAgents", "2", "fteHours", "10", "fteHourlyRate", "25.00", "minimumCommitment", "600.00"))).status())
                .isEqualTo(201);

        // Five tickets solved through March, one a week.
        List<Long> solved = new ArrayList<>();
        for (String day : List.of("2026-03-02T10:00:00Z", "2026-03-09T10:00:00Z", "2026-03-16T10:00:00Z",
                "2026-03-23T10:00:00Z", "2026-03-30T10:00:00Z")) {
            clock.set(Instant.parse(day));
            solved.add(solveTicket(setup, "Claim question " + day));
        }
        for (long item : solved) {
            awaitUsage(setup, item);
        }

        // 1 April: the scorecard for March is signed off; support missed its target, 10% credit.
        clock.set(Instant.parse("2026-04-01T10:00:00Z"));
        ServiceCredit credit = TenantScope.call(AllowedClients.ALL, () -> serviceCredits.grant(setup.client().id(),
                java.time.YearMonth.of(2026, 3), "support", new java.math.BigDecimal("10"), "SLA attainment 91% against 95%",
                "scorecard:" + setup.contract().id() + ":2026-03:support"));
        ServiceCredit again = TenantScope.call(AllowedClients.ALL, () -> serviceCredits.grant(setup.client().id(),
                java.time.YearMonth.of(2026, 3), "support", new java.math.BigDecimal("10"), "SLA attainment 91% against 95%",
                "scorecard:" + setup.contract().id() + ":2026-03:support"));
        assertThat(again.id()).as("a repeated sign-off grants nothing more").isEqualTo(credit.id());

        Api.Response drafted = billing.post(clientPath + "/invoices", Map.of("period", "2026-03"));
        assertThat(drafted.status()).isEqualTo(201);
        String invoiceId = drafted.body().get(0).path("id").asString();
        Api.Response reviewed = billing.post(clientPath + "/invoices/" + invoiceId + "/review", Map.of());
        assertThat(reviewed.status()).isEqualTo(200);
        Api.Response issued = billing.post(clientPath + "/invoices/" + invoiceId + "/issue", Map.of());
        assertThat(issued.status()).isEqualTo(200);
        JsonNode invoice = issued.body();

        // By hand:
        //  policy-admin  FTE 2 × 10 h × 25.00                          = 500.00
        //                minimum 600.00 − fees 500.00                    = 100.00
        //  support       5 tickets: 2 × 5.00 + 3 × 3.50 = 10.00 + 10.50  =  20.50
        //                monthly fee                                     = 100.00
        //                credit 10% of (20.50 + 100.00) = 12.05          = −12.05
        //  subtotal 500.00 + 100.00 + 20.50 + 100.00 − 12.05             = 708.45
        //  VAT 20% of 708.45 = 141.69;  total                            = 850.14
        assertThat(invoice.path("status").asString()).isEqualTo("ISSUED");
        assertThat(invoice.path("number").asString()).matches("INV-2026-\\d{6}");
        assertThat(invoice.path("currency").asString()).isEqualTo("GBP");
        List<String> lines = new ArrayList<>();
        invoice.path("lines").forEach(line -> lines.add(line.path("kind").asString() + " " + line.path("serviceLine").asString()
                + " " + money(line.path("amount"))));
        assertThat(lines).containsExactly(
                "FTE_FEE policy-admin 500.00",
                "MINIMUM_TOP_UP policy-admin 100.00",
                "USAGE support 20.50",
                "MONTHLY_FEE support 100.00",
                "SERVICE_CREDIT support -12.05");
        assertThat(money(invoice.path("subtotal"))).isEqualTo("708.45");
        assertThat(money(invoice.path("tax"))).isEqualTo("141.69");
        assertThat(money(invoice.path("total"))).isEqualTo("850.14");
        assertThat(invoice.path("usageRecords").asLong()).isEqualTo(5);
        JsonNode usageLine = invoice.path("lines").get(2);
        assertThat(usageLine.path("quantity").decimalValue()).isEqualByComparingTo("5");
        assertThat(usageLine.path("records").asLong()).isEqualTo(5);

        // The usage line drills down to the five tickets behind it.
        JsonNode behind = billing.get(clientPath + "/invoices/" + invoiceId + "/lines/3/usage").body();
        List<Long> items = new ArrayList<>();
        behind.path("items").forEach(record -> items.add(Long.parseLong(record.path("sourceId").asString())));
        assertThat(items).containsExactlyInAnyOrderElementsOf(solved);

        // The credit is netted once: April's draft does not take it again.
        assertThat(billing.get(clientPath + "/service-credits?from=2026-03&to=2026-03").body().get(0).path("invoiceId").asString())
                .isEqualTo(invoiceId);

        // A ticket solved on 31 March after the invoice was reviewed is billed in April, not lost.
        clock.set(Instant.parse("2026-03-31T15:00:00Z"));
        long late = solveTicket(setup, "Late claim question");
        List<UsageRecord> lateUsage = awaitUsage(setup, late);
        assertThat(lateUsage).singleElement().satisfies(r -> assertThat(r.period()).isEqualTo(LocalDate.of(2026, 4, 1)));
    }

    private long solveTicket(WorkFixture.Setup setup, String title) {
        CurrentUser agent = CurrentUser.of(setup.maker());
        return TenantScope.call(AllowedClients.ALL, () -> {
            WorkItem item = workItems.create(setup.client().id(), new CreateWorkItem("support", null, Priority.NORMAL, title,
                    Map.of("description", title), "EMAIL"), agent);
            return workItems.move(setup.client().id(), item.id(), new MoveWorkItem("solved", null), agent).id();
        });
    }

    private List<UsageRecord> awaitUsage(WorkFixture.Setup setup, long itemId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<UsageRecord> usage = TenantScope.call(AllowedClients.ALL, () -> metering.ofWorkItem(setup.client().id(), itemId));
            if (!usage.isEmpty()) {
                return usage;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("work item " + itemId + " was never metered");
    }

    private static Map<String, Object> plan(WorkFixture.Setup setup, String serviceLine, String unit, String from,
                                            List<Map<String, Object>> tiers, Map<String, Object> extra) {
        return BillingApiTest.plan(setup.contract().id(), serviceLine, unit, from, tiers, extra);
    }

    /** An amount as the API gives it, at the currency's two decimals. */
    static String money(JsonNode amount) {
        return amount.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
