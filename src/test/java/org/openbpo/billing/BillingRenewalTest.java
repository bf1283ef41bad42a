package org.openbpo.billing;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.billing.BillingApiTest.assertRefused;
import static org.openbpo.billing.BillingApiTest.plan;
import static org.openbpo.billing.BillingLifecycleTest.money;

/**
 * A UK insurer's first contract ends on 31 March 2026 and a renewal takes its support line over from
 * 1 April: each month is billed once, by the plan of the contract holding the line, in its currency.
 */
class BillingRenewalTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void afterARenewalAMonthIsRatedOnceAtTheRenewalsPricesAndTheEndedContractStopsCharging() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("RNW"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());
        String first = setup.contract().id().toString();
        // the first contract: support at 4.00 a ticket and 100.00 a month, policy administration at 50.00 a month
        created(billing.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "100.00"))));
        created(billing.post(client + "/price-plans", plan(setup.contract().id(), "policy-admin", "request", "2026-03-01",
                List.of(Map.of("unitPrice", "0.00")), Map.of("monthlyFee", "50.00"))));
        created(billing.post(client + "/contracts/" + first + "/revisions", ending("2026-03-31")));
        // the renewal takes support over from 1 April at 5.00 a ticket and 200.00 a month; policy administration ends
        String renewal = created(billing.post(client + "/contracts", renewal("GBP"))).text("id");
        created(billing.post(client + "/price-plans", plan(java.util.UUID.fromString(renewal), "support", "ticket", "2026-04-01",
                List.of(Map.of("unitPrice", "5.00")), Map.of("monthlyFee", "200.00"))));
        created(billing.post(client + "/usage", usage("2026-03", "2", "march-export")));
        created(billing.post(client + "/usage", usage("2026-04", "3", "april-export")));

        clock.set(Instant.parse("2026-05-02T09:00:00Z"));
        JsonNode march = onlyInvoice(billing.post(client + "/invoices", Map.of("period", "2026-03")));
        assertThat(lines(march)).containsExactlyInAnyOrder("policy-admin MONTHLY_FEE 50.00", "support USAGE 8.00",
                "support MONTHLY_FEE 100.00");

        JsonNode april = onlyInvoice(billing.post(client + "/invoices", Map.of("period", "2026-04")));
        assertThat(lines(april)).as("April's 3 tickets once at the renewal's price, the renewal's fee only, nothing of the ended contract")
                .containsExactlyInAnyOrder("support USAGE 15.00", "support MONTHLY_FEE 200.00");
        assertThat(money(april.path("subtotal"))).isEqualTo("215.00");
        assertThat(april.path("usageRecords").asLong()).isEqualTo(1);
    }

    @Test
    void unitsLeftInAnEndedContractsPrepaidBankExpireWithItsTermAndDoNotFundTheRenewal() {
        // the first contract ends with March: what is left of its bank expires with it
        assertRenewalBankStartsAfresh("RPB", "2026-03-31", "2026-04-01", false);
        // the first contract ends on 10 April, after its March bank rolled into April: the renewal holding the line
        // at April's end rates April from its own bank, not from units the client prepaid under the first contract
        assertRenewalBankStartsAfresh("RPM", "2026-04-10", "2026-04-11", true);
    }

    private void assertRenewalBankStartsAfresh(String code, String endsOn, String renewalStarts, boolean marchRollsOver) {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique(code));
        String client = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());
        // both contracts: a bank of 3 tickets a month, unused tickets roll over one month; overage 5.00 a ticket
        Map<String, Object> bank = Map.of("prepaidUnits", "3", "prepaidFee", "30.00", "rollover", true);
        created(billing.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "5.00")), bank)));
        created(billing.post(client + "/contracts/" + setup.contract().id() + "/revisions", ending(endsOn)));
        Map<String, Object> renewed = new java.util.HashMap<>(renewal("GBP"));
        renewed.put("startsOn", renewalStarts);
        String renewal = created(billing.post(client + "/contracts", renewed)).text("id");
        created(billing.post(client + "/price-plans", plan(java.util.UUID.fromString(renewal), "support", "ticket", "2026-04-01",
                List.of(Map.of("unitPrice", "5.00")), bank)));
        created(billing.post(client + "/usage", usage("2026-03", "1", "march-export")));
        created(billing.post(client + "/usage", usage("2026-04", "4", "april-export")));

        clock.set(Instant.parse("2026-05-02T09:00:00Z"));
        created(billing.post(client + "/invoices", Map.of("period", "2026-03")));
        JsonNode march = billing.get(client + "/usage/allowances?period=2026-03").body().get(0);
        assertThat(march.path("remaining").decimalValue()).isEqualByComparingTo("2");
        assertThat(march.path("rollover").asBoolean()).as("March's leftovers roll over only if the first contract runs into April")
                .isEqualTo(marchRollsOver);

        JsonNode april = billing.get(client + "/usage/allowances?period=2026-04").body().get(0);
        assertThat(april.path("carriedIn").decimalValue()).as("nothing of the first contract's bank funds the renewal")
                .isEqualByComparingTo("0");
        assertThat(april.path("overage").decimalValue()).isEqualByComparingTo("1");
        JsonNode invoice = onlyInvoice(billing.post(client + "/invoices", Map.of("period", "2026-04")));
        assertThat(lines(invoice)).as("4 tickets: 3 from the renewal's own bank, 1 overage at 5.00")
                .containsExactlyInAnyOrder("support PREPAID_FEE 30.00", "support USAGE 5.00");
    }

    @Test
    void thePricePlansListShowsWhichPlanPricesEachLineByTheTermOfItsContract() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("RNL"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());
        String endedSupport = created(billing.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket",
                "2026-03-01", List.of(Map.of("unitPrice", "4.00")), Map.of()))).text("id");
        created(billing.post(client + "/price-plans", plan(setup.contract().id(), "policy-admin", "request", "2026-03-01",
                List.of(Map.of("unitPrice", "0.00")), Map.of("monthlyFee", "50.00"))));
        created(billing.post(client + "/contracts/" + setup.contract().id() + "/revisions", ending("2026-03-31")));
        String renewal = created(billing.post(client + "/contracts", renewal("GBP"))).text("id");
        created(billing.post(client + "/price-plans", plan(java.util.UUID.fromString(renewal), "support", "ticket", "2026-04-01",
                List.of(Map.of("unitPrice", "5.00")), Map.of())));

        assertThat(plans(billing, client)).as("in March the first contract still prices both lines").containsExactly(
                "policy-admin 2026-03-01 open, contract ends 2026-03-31: in force",
                "support 2026-03-01 open, contract ends 2026-03-31: in force",
                "support 2026-04-01 open, contract open: not in force");

        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        assertThat(plans(billing, client)).as("from April the ended contract's open-ended plans price nothing").containsExactly(
                "policy-admin 2026-03-01 open, contract ends 2026-03-31: not in force",
                "support 2026-03-01 open, contract ends 2026-03-31: not in force",
                "support 2026-04-01 open, contract open: in force");
        JsonNode ended = billing.get(client + "/price-plans/" + endedSupport).body();
        assertThat(ended.path("inForce").asBoolean()).isFalse();
        assertThat(ended.path("contractEndsOn").asString()).isEqualTo("2026-03-31");
        assertThat(billing.get(client + "/price-plans?contractId=" + renewal).body().findValuesAsString("contractId"))
                .containsExactly(renewal);
    }

    private static List<String> plans(Api billing, String client) {
        Api.Response listed = billing.get(client + "/price-plans");
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        List<String> plans = new ArrayList<>();
        listed.body().forEach(p -> plans.add(p.path("serviceLine").asString() + " " + p.path("effectiveFrom").asString() + " "
                + (p.path("effectiveTo").asString("").isEmpty() ? "open" : p.path("effectiveTo").asString()) + ", contract "
                + (p.path("contractEndsOn").asString("").isEmpty() ? "open" : "ends " + p.path("contractEndsOn").asString())
                + ": " + (p.path("inForce").asBoolean() ? "in force" : "not in force")));
        return plans;
    }

    @Test
    void aLineWithoutAPlanIsInvoicedInTheCurrencyOfTheContractCarryingItThatMonth() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("RNC"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());
        created(billing.post(client + "/contracts/" + setup.contract().id() + "/revisions", ending("2026-03-31")));
        // the renewal is priced in US dollars
        String renewal = created(billing.post(client + "/contracts", renewal("USD"))).text("id");
        created(billing.post(client + "/one-off-fees", Map.of("contractId", setup.contract().id(), "serviceLine", "support",
                "period", "2026-03", "description", "Migration to the new desk", "amount", "40.00", "sourceKey", "march")));
        created(billing.post(client + "/one-off-fees", Map.of("contractId", renewal, "serviceLine", "support",
                "period", "2026-04", "description", "Onboarding of the renewal", "amount", "75.00", "sourceKey", "april")));

        clock.set(Instant.parse("2026-05-02T09:00:00Z"));
        assertThat(onlyInvoice(billing.post(client + "/invoices", Map.of("period", "2026-03"))).path("currency").asString())
                .isEqualTo("GBP");
        JsonNode april = onlyInvoice(billing.post(client + "/invoices", Map.of("period", "2026-04")));
        assertThat(april.path("currency").asString()).as("the renewal's currency, not the ended contract's").isEqualTo("USD");
        assertThat(lines(april)).containsExactly("support ONE_OFF_FEE 75.00");
    }

    @Test
    void aOneOffFeeIsInvoicedInTheCurrencyOfItsOwnContractNotOfThePlanPricingTheLine() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("RNF"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());
        created(billing.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of())));
        // the pound contract ends on 10 April, within its term it charges its exit handover in April
        created(billing.post(client + "/contracts/" + setup.contract().id() + "/revisions", ending("2026-04-10")));
        // the renewal is priced in US dollars, holds support from 11 April and so prices April
        Map<String, Object> renewed = new java.util.HashMap<>(renewal("USD"));
        renewed.put("startsOn", "2026-04-11");
        String renewal = created(billing.post(client + "/contracts", renewed)).text("id");
        created(billing.post(client + "/price-plans", plan(java.util.UUID.fromString(renewal), "support", "ticket", "2026-04-01",
                List.of(Map.of("unitPrice", "0.00")), Map.of("monthlyFee", "200.00"))));
        // April: the ended pound contract charges its exit handover, the renewal its onboarding
        created(billing.post(client + "/one-off-fees", Map.of("contractId", setup.contract().id(), "serviceLine", "support",
                "period", "2026-04", "description", "Handover of open tickets", "amount", "60.00", "sourceKey", "exit")));
        created(billing.post(client + "/one-off-fees", Map.of("contractId", renewal, "serviceLine", "support",
                "period", "2026-04", "description", "Onboarding of the renewal", "amount", "75.00", "sourceKey", "onboarding")));

        clock.set(Instant.parse("2026-05-02T09:00:00Z"));
        Api.Response drafted = billing.post(client + "/invoices", Map.of("period", "2026-04"));
        assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(201);
        Map<String, List<String>> byCurrency = new java.util.TreeMap<>();
        drafted.body().forEach(invoice -> byCurrency.put(invoice.path("currency").asString(), lines(invoice)));
        assertThat(byCurrency).as("the exit fee in the ended contract's pounds, the rest in the renewal's dollars")
                .containsOnlyKeys("GBP", "USD");
        assertThat(byCurrency.get("GBP")).containsExactly("support ONE_OFF_FEE 60.00");
        drafted.body().forEach(invoice -> {
            if (invoice.path("currency").asString().equals("GBP")) {
                assertThat(invoice.path("lines").get(0).path("taxName").asString())
                        .as("the exit fee is taxed as its own contract's plan taxes support, not left untaxed").isEqualTo("VAT");
                assertThat(money(invoice.path("tax"))).isEqualTo("12.00");
            }
        });
        assertThat(byCurrency.get("USD")).containsExactlyInAnyOrder("support MONTHLY_FEE 200.00", "support ONE_OFF_FEE 75.00");
    }

    @Test
    void aFeeAfterItsContractsPlanEndedIsTaxedAsThatContractsLastPlanTaxesTheLine() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("RNT"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());
        // the pound contract charges VAT at 20% on support; its plan ends with February, before its term does
        created(billing.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-01-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("effectiveTo", "2026-03-01", "monthlyFee", "10.00"))));
        created(billing.post(client + "/contracts/" + setup.contract().id() + "/revisions", ending("2026-03-31")));
        // the dollar renewal prices support from April, exempt from VAT
        String renewal = created(billing.post(client + "/contracts", renewal("USD"))).text("id");
        created(billing.post(client + "/price-plans", plan(java.util.UUID.fromString(renewal), "support", "ticket", "2026-04-01",
                List.of(Map.of("unitPrice", "0.00")), Map.of("monthlyFee", "200.00", "taxName", "Export", "taxPercent", "0"))));
        created(billing.post(client + "/one-off-fees", Map.of("contractId", setup.contract().id(), "serviceLine", "support",
                "period", "2026-03", "description", "Exit handover", "amount", "60.00", "sourceKey", "exit")));

        clock.set(Instant.parse("2026-05-02T09:00:00Z"));
        JsonNode march = onlyInvoice(billing.post(client + "/invoices", Map.of("period", "2026-03")));
        JsonNode fee = march.path("lines").get(0);
        assertThat(fee.path("kind").asString()).isEqualTo("ONE_OFF_FEE");
        assertThat(fee.path("taxName").asString()).as("the contract's last plan taxes its fee after the plan ended").isEqualTo("VAT");
        assertThat(money(march.path("tax"))).isEqualTo("12.00");
    }

    @Test
    void aOneOffFeeForAMonthOutsideItsContractsTermIsRefusedNamingThePeriod() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("RNX"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());
        created(billing.post(client + "/contracts/" + setup.contract().id() + "/revisions", ending("2026-03-31")));
        Api.Response after = billing.post(client + "/one-off-fees", Map.of("contractId", setup.contract().id(), "serviceLine",
                "support", "period", "2026-04", "description", "Handover", "amount", "60.00", "sourceKey", "after"));
        assertRefused(after, 422, "period");
        assertThat(after.text("detail")).contains("2026-01-01", "2026-03-31");
        assertRefused(billing.post(client + "/one-off-fees", Map.of("contractId", setup.contract().id(), "serviceLine",
                "support", "period", "2025-12", "description", "Set-up", "amount", "60.00", "sourceKey", "before")), 422, "period");
        created(billing.post(client + "/one-off-fees", Map.of("contractId", setup.contract().id(), "serviceLine",
                "support", "period", "2026-03", "description", "Handover", "amount", "60.00", "sourceKey", "last-month")));
    }

    @Test
    void anInvoiceIsIssuedOnTheClientsBusinessDayNotOnUtcs() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("RNZ"));
        org.openbpo.tenancy.Client c = setup.client();
        // the client works from Auckland, 13 hours ahead of UTC in March
        org.openbpo.shared.tenant.TenantScope.call(org.openbpo.shared.tenant.AllowedClients.ALL, () -> context
                .getBean(org.openbpo.tenancy.Clients.class).update(c.id(), new org.openbpo.tenancy.RegisterClient(c.code(),
                        c.name(), c.legalEntity(), "NZ", "Pacific/Auckland", c.currency().getCurrencyCode(), c.status())));
        String client = "/api/v1/clients/" + c.id();
        Api billing = api().as(setup.adminToken());
        created(billing.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-02-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "100.00"))));
        String invoice = client + "/invoices/" + onlyInvoice(billing.post(client + "/invoices", Map.of("period", "2026-02"))).path("id").asString();
        assertThat(billing.post(invoice + "/review", Map.of()).status()).isEqualTo(200);

        // 31 March, 12:00 UTC: already 1 April, 01:00 in Auckland
        clock.set(Instant.parse("2026-03-31T12:00:00Z"));
        Api.Response issued = billing.post(invoice + "/issue", Map.of());
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);
        assertThat(issued.text("issuedOn")).isEqualTo("2026-04-01");
    }

    @Test
    void aPlanThatWouldPriceNoMonthBecauseTheRenewalsPlanTakesThemOrItsTermIsOverIsRefused() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("RNP"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());
        java.util.UUID first = setup.contract().id();
        created(billing.post(client + "/price-plans", plan(first, "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of())));
        // the first contract ends on 10 April; the renewal holds support from 11 April and prices April, the month's end
        created(billing.post(client + "/contracts/" + first + "/revisions", ending("2026-04-10")));
        Map<String, Object> renewed = new java.util.HashMap<>(renewal("GBP"));
        renewed.put("startsOn", "2026-04-11");
        String renewal = created(billing.post(client + "/contracts", renewed)).text("id");
        created(billing.post(client + "/price-plans", plan(java.util.UUID.fromString(renewal), "support", "ticket", "2026-04-01",
                List.of(Map.of("unitPrice", "5.00")), Map.of())));

        Api.Response taken = billing.post(client + "/price-plans", plan(first, "support", "ticket", "2026-04-01",
                List.of(Map.of("unitPrice", "4.40")), Map.of()));
        assertRefused(taken, 409, "effectiveFrom");
        assertThat(taken.text("code")).isEqualTo("price-plan-overlap");
        assertThat(taken.text("detail")).contains("MSA-R-GBP", "2026-04");
        assertRefused(billing.post(client + "/price-plans", plan(first, "support", "ticket", "2026-05-01",
                List.of(Map.of("unitPrice", "4.40")), Map.of())), 422, "effectiveFrom");

        JsonNode plans = billing.get(client + "/price-plans?contractId=" + first).body();
        assertThat(plans.size()).as("the first contract's March plan is neither superseded nor joined").isEqualTo(1);
        assertThat(plans.get(0).path("effectiveTo").isNull() || plans.get(0).path("effectiveTo").asString("").isEmpty()).isTrue();
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response;
    }

    private static JsonNode onlyInvoice(Api.Response drafted) {
        assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(201);
        assertThat(drafted.body().size()).as(drafted.body().toString()).isEqualTo(1);
        return drafted.body().get(0);
    }

    private static List<String> lines(JsonNode invoice) {
        List<String> lines = new ArrayList<>();
        invoice.path("lines").forEach(l -> lines.add(l.path("serviceLine").asString() + " " + l.path("kind").asString() + " "
                + money(l.path("amount"))));
        return lines;
    }

    private static Map<String, Object> usage(String period, String quantity, String sourceId) {
        return Map.of("serviceLine", "support", "unit", "ticket", "quantity", quantity, "period", period, "sourceId", sourceId);
    }

    private static Map<String, Object> ending(String endsOn) {
        return Map.of("calendar", Map.of("zone", "Europe/London", "week", Map.of("MONDAY", "09:00-17:30", "TUESDAY", "09:00-17:30")),
                "slaTargets", List.of(), "endsOn", endsOn, "note", "Term ends");
    }

    private static Map<String, Object> renewal(String currency) {
        return Map.of("reference", "MSA-R-" + currency, "title", "Policyholder support, renewed", "currency", currency,
                "startsOn", "2026-04-01",
                "calendar", Map.of("zone", "Europe/London", "week", Map.of("MONDAY", "09:00-17:30", "TUESDAY", "09:00-17:30")),
                "serviceLines", List.of(Map.of("code", "support", "name", "Policyholder support", "kind", "CUSTOMER_SUPPORT",
                        "workType", "support-ticket")),
                "slaTargets", List.of());
    }
}
