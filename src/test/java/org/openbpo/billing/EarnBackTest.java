package org.openbpo.billing;

import org.junit.jupiter.api.Test;
import org.openbpo.quality.CreditOwed;
import org.openbpo.quality.ScorecardSignedOff;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openbpo.billing.BillingApiTest.plan;
import static org.openbpo.billing.BillingLifecycleTest.money;

/**
 * A later month that beats its target earns back an earlier credit: a positive line on the later
 * month's invoice, never more than the credits of the window took off, granted once per source.
 * Figures by hand: support costs 1,000.00 a month plus 20% VAT.
 */
class EarnBackTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ServiceCredits credits;
    @Autowired
    EarnBacks earnBacks;

    @Test
    void anEarnBackIsChargedOnceOnTheLaterInvoiceCappedAtWhatTheCreditTookOff() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("EARN"));
        UUID clientId = setup.client().id();
        String client = "/api/v1/clients/" + clientId;
        Api billing = api().as(setup.adminToken());
        assertThat(billing.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "1000.00"))).status()).isEqualTo(201);

        // March missed a target: 5% of March's support fees, 50.00 off March's invoice.
        clock.set(Instant.parse("2026-04-01T09:00:00Z"));
        signOff(setup, YearMonth.of(2026, 3), new CreditOwed("support", new BigDecimal("5"), "SLA attainment 90 against 95"));
        await().atMost(Duration.ofSeconds(20)).until(() -> creditsOf(clientId).size() == 1);
        JsonNode march = issue(billing, client, "2026-03");
        assertThat(money(march.path("subtotal"))).isEqualTo("950.00");
        assertThat(money(march.path("total"))).isEqualTo("1140.00");

        // April beat it. The earn-back names 8% of March's fees (80.00), but March's credit only took 50.00 off: 50.00.
        clock.set(Instant.parse("2026-05-01T09:00:00Z"));
        ScorecardSignedOff april = signOff(setup, YearMonth.of(2026, 4), new CreditOwed("support", new BigDecimal("-8"),
                "earn-back of the March credit: April beat the target", YearMonth.of(2026, 3)));
        await().atMost(Duration.ofSeconds(20)).until(() -> earnBacksOf(clientId).size() == 1);
        transactions.executeWithoutResult(tx -> publisher.publishEvent(april));
        Api.Response drafted = billing.post(client + "/invoices", Map.of("period", "2026-04"));
        assertThat(drafted.status()).isEqualTo(201);
        // the redelivered event was handled by now or will grant nothing: its source key is taken
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20)).until(() -> earnBacksOf(clientId).size() == 1);
        JsonNode aprilInvoice = issue(billing, client, "2026-04");
        JsonNode earnBackLine = line(aprilInvoice, "EARN_BACK");
        assertThat(money(earnBackLine.path("amount"))).isEqualTo("50.00");
        assertThat(earnBackLine.path("description").asString()).contains("Earn-back 8% of 1000.00 fees for March 2026", "capped at the 50.00");
        // 1,000.00 + 50.00 = 1,050.00; VAT 210.00; 1,260.00.
        assertThat(money(aprilInvoice.path("subtotal"))).isEqualTo("1050.00");
        assertThat(money(aprilInvoice.path("tax"))).isEqualTo("210.00");
        assertThat(money(aprilInvoice.path("total"))).isEqualTo("1260.00");
        assertThat(lines(aprilInvoice, "EARN_BACK")).isEqualTo(1);

        // Another earn-back of the same March credit in May finds nothing left to give back.
        TenantScope.run(AllowedClients.ALL, () -> earnBacks.grant(clientId, YearMonth.of(2026, 5), "support", new BigDecimal("3"),
                YearMonth.of(2026, 3), "earn-back again", "by-hand-may"));
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        JsonNode may = issue(billing, client, "2026-05");
        assertThat(lines(may, "EARN_BACK")).isZero();
        assertThat(money(may.path("total"))).isEqualTo("1200.00");
        assertThat(billing.get(client + "/earn-backs?from=2026-01&to=2026-12").body().size()).isEqualTo(2);
        assertThat(api().as(setup.requesterToken()).get(client + "/earn-backs?from=2026-01&to=2026-12").status()).isEqualTo(200);
    }

    @Test
    void aLateCreditAndAnEarnBackForAnEarlierMonthAreTaxedAtThatMonthsRate() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("TAXR"));
        UUID clientId = setup.client().id();
        String client = "/api/v1/clients/" + clientId;
        Api billing = api().as(setup.adminToken());
        // VAT goes up from 20% to 25% in April.
        assertThat(billing.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "1000.00"))).status()).isEqualTo(201);
        assertThat(billing.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-04-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "1000.00", "taxPercent", "25"))).status()).isEqualTo(201);

        // March's own credit, 5% (50.00), is on March's invoice at March's 20%.
        assertThat(billing.post(client + "/service-credits", Map.of("period", "2026-03", "serviceLine", "support", "percent", "5",
                "reason", "SLA attainment 90 against 95", "sourceKey", "march-scorecard")).status()).isEqualTo(201);
        clock.set(Instant.parse("2026-04-01T09:00:00Z"));
        JsonNode march = issue(billing, client, "2026-03");
        assertThat(money(march.path("tax"))).isEqualTo("190.00");

        // After March is issued, a late 2% credit for March (-20.00) and an earn-back of 3% of March's fees (+30.00)
        // go on April's invoice: both were March's fees, so both are taxed at March's 20%, not April's 25%.
        assertThat(billing.post(client + "/service-credits", Map.of("period", "2026-03", "serviceLine", "support", "percent", "2",
                "reason", "a late dispute about March", "sourceKey", "march-dispute")).status()).isEqualTo(201);
        TenantScope.run(AllowedClients.ALL, () -> earnBacks.grant(clientId, YearMonth.of(2026, 4), "support", new BigDecimal("3"),
                YearMonth.of(2026, 3), "April beat the target", "april-scorecard"));
        clock.set(Instant.parse("2026-05-01T09:00:00Z"));
        JsonNode april = issue(billing, client, "2026-04");
        assertThat(line(april, "MONTHLY_FEE").path("taxPercent").decimalValue()).isEqualByComparingTo("25");
        assertThat(line(april, "SERVICE_CREDIT").path("taxPercent").decimalValue()).isEqualByComparingTo("20");
        assertThat(money(line(april, "SERVICE_CREDIT").path("amount"))).isEqualTo("-20.00");
        assertThat(line(april, "EARN_BACK").path("taxPercent").decimalValue()).isEqualByComparingTo("20");
        assertThat(money(line(april, "EARN_BACK").path("amount"))).isEqualTo("30.00");
        // 1,000.00 at 25% = 250.00; (-20.00 + 30.00) at 20% = 2.00: tax 252.00 (not 1,010.00 at 25% = 252.50).
        assertThat(money(april.path("subtotal"))).isEqualTo("1010.00");
        assertThat(money(april.path("tax"))).isEqualTo("252.00");
        assertThat(money(april.path("total"))).isEqualTo("1262.00");
    }

    private ScorecardSignedOff signOff(WorkFixture.Setup setup, YearMonth period, CreditOwed owed) {
        ScorecardSignedOff event = new ScorecardSignedOff(setup.client().id(), setup.contract().id(), period, List.of(owed), clock.instant());
        transactions.executeWithoutResult(tx -> publisher.publishEvent(event));
        return event;
    }

    private List<ServiceCredit> creditsOf(UUID clientId) {
        return TenantScope.call(AllowedClients.ALL, () -> credits.of(clientId, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    private List<EarnBack> earnBacksOf(UUID clientId) {
        return TenantScope.call(AllowedClients.ALL, () -> earnBacks.of(clientId, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    private static JsonNode issue(Api billing, String client, String period) {
        Api.Response drafted = billing.post(client + "/invoices", Map.of("period", period));
        assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(201);
        String invoice = client + "/invoices/" + drafted.body().get(0).path("id").asString();
        assertThat(billing.post(invoice + "/review", Map.of()).status()).isEqualTo(200);
        Api.Response issued = billing.post(invoice + "/issue", Map.of());
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);
        return issued.body();
    }

    private static JsonNode line(JsonNode invoice, String kind) {
        for (JsonNode line : invoice.path("lines")) {
            if (line.path("kind").asString().equals(kind)) {
                return line;
            }
        }
        throw new AssertionError("no " + kind + " line on " + invoice);
    }

    private static int lines(JsonNode invoice, String kind) {
        int count = 0;
        for (JsonNode line : invoice.path("lines")) {
            count += line.path("kind").asString().equals(kind) ? 1 : 0;
        }
        return count;
    }
}
