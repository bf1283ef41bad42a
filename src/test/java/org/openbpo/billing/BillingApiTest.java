package org.openbpo.billing;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.billing.BillingLifecycleTest.money;

/** Price plans, prepaid banks, the invoice lifecycle and its refusals, through the REST API. */
class BillingApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void pricePlansRefuseBadInputAndOverlapsAndVersionByMonth() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("PLAN"));
        String plans = "/api/v1/clients/" + setup.client().id() + "/price-plans";
        Api billing = api().as(setup.adminToken());
        UUID contract = setup.contract().id();
        List<Map<String, Object>> flat = List.of(Map.of("unitPrice", "4.00"));

        assertRefused(billing.post(plans, plan(contract, "support", "ticket", "2026-03-15", flat, Map.of())), 422, "effectiveFrom");
        assertRefused(billing.post(plans, plan(contract, "support", "ticket", "2026-03-01",
                List.of(Map.of("upTo", 100, "unitPrice", "4.00"), Map.of("upTo", 50, "unitPrice", "3.00"), Map.of("unitPrice", "2.00")),
                Map.of())), 422, "tiers");
        assertRefused(billing.post(plans, plan(contract, "gardening", "ticket", "2026-03-01", flat, Map.of())), 422, "serviceLine");
        assertRefused(billing.post(plans, plan(contract, "support", "ticket", "2026-03-01", flat, Map.of("monthlyFee", "10.005"))),
                422, "monthlyFee");
        Map<String, Object> noTax = new LinkedHashMap<>(plan(contract, "support", "ticket", "2026-03-01", flat, Map.of()));
        noTax.remove("taxPercent");
        assertRefused(billing.post(plans, noTax), 422, "taxPercent");
        assertThat(api().as(setup.requesterToken()).post(plans, plan(contract, "support", "ticket", "2026-03-01", flat, Map.of()))
                .status()).as("a client's own people do not set prices").isEqualTo(403);

        Api.Response march = billing.post(plans, plan(contract, "support", "ticket", "2026-03-01", flat, Map.of()));
        assertThat(march.status()).isEqualTo(201);
        Api.Response sameMonth = billing.post(plans, plan(contract, "support", "ticket", "2026-03-01", flat, Map.of()));
        assertRefused(sameMonth, 409, "effectiveFrom");
        assertThat(sameMonth.text("code")).isEqualTo("price-plan-overlap");
        Map<String, Object> bounded = new LinkedHashMap<>(plan(contract, "support", "ticket", "2026-01-01", flat, Map.of()));
        bounded.put("effectiveTo", "2026-04-01");
        assertThat(billing.post(plans, bounded).text("code")).isEqualTo("price-plan-overlap");

        // A price change from May: March's version ends where May's begins.
        Api.Response may = billing.post(plans, plan(contract, "support", "ticket", "2026-05-01", List.of(Map.of("unitPrice", "4.40")), Map.of()));
        assertThat(may.status()).isEqualTo(201);
        assertThat(billing.get(plans + "/" + march.text("id")).text("effectiveTo")).isEqualTo("2026-05-01");
        assertThat(billing.get(plans).body().size()).isEqualTo(2);
    }

    @Test
    void aPrepaidBankDrawsDownRollsOverAndTheInvoiceGoesThroughReviewToIssueOnce() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("BANK"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());
        Api requester = api().as(setup.requesterToken());
        UUID contract = setup.contract().id();
        // A bank of 3 tickets a month for 30.00, unused tickets roll over one month; overage 4.00 a ticket; VAT 20%.
        assertThat(billing.post(client + "/price-plans", plan(contract, "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("prepaidUnits", "3", "prepaidFee", "30.00", "rollover", true))).status())
                .isEqualTo(201);
        assertThat(billing.post(client + "/usage", usage("2026-03", "2", "phone-export-march")).status()).isEqualTo(201);
        assertThat(billing.post(client + "/usage", usage("2026-03", "2", "phone-export-march")).status())
                .as("the same source again records nothing").isEqualTo(201);
        assertThat(billing.post(client + "/one-off-fees", Map.of("contractId", contract, "serviceLine", "support", "period", "2026-03",
                "description", "Onboarding and training", "amount", "50.00", "sourceKey", "onboarding")).status()).isEqualTo(201);

        JsonNode allowance = billing.get(client + "/usage/allowances?period=2026-03").body().get(0);
        assertThat(allowance.path("remaining").decimalValue()).isEqualByComparingTo("1");

        Api.Response drafted = billing.post(client + "/invoices", Map.of("period", "2026-03"));
        assertThat(drafted.status()).isEqualTo(201);
        String id = drafted.body().get(0).path("id").asString();
        String invoice = client + "/invoices/" + id;
        assertThat(requester.get(invoice).status()).as("drafts are the provider's business").isEqualTo(404);
        assertThat(requester.get(client + "/invoices").body().size()).isZero();

        Api.Response tooEarly = billing.post(invoice + "/issue", Map.of());
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.text("code")).isEqualTo("invoice-not-reviewed");
        assertThat(billing.post(invoice + "/review", Map.of()).status()).isEqualTo(200);
        Api.Response closed = billing.post(client + "/usage", usage("2026-03", "1", "late-export"));
        assertRefused(closed, 409, "period");
        assertThat(closed.text("code")).isEqualTo("period-closed");

        Api.Response issued = billing.post(invoice + "/issue", Map.of());
        assertThat(issued.status()).isEqualTo(200);
        // 2 tickets from the bank: usage 0.00; bank fee 30.00; onboarding 50.00; subtotal 80.00, VAT 16.00, total 96.00.
        assertThat(money(issued.body().path("subtotal"))).isEqualTo("80.00");
        assertThat(money(issued.body().path("tax"))).isEqualTo("16.00");
        assertThat(money(issued.body().path("total"))).isEqualTo("96.00");
        String number = issued.text("number");
        Api.Response again = billing.post(invoice + "/issue", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("invoice-already-issued");
        assertThat(again.text("detail")).contains(number);
        assertThat(billing.post(client + "/invoices", Map.of("period", "2026-03")).text("code")).isEqualTo("invoice-not-draft");

        // April: one ticket carried in; 5 used: 1 carried, 3 from April's bank, 1 overage.
        assertThat(billing.post(client + "/usage", usage("2026-04", "5", "phone-export-april")).status()).isEqualTo(201);
        JsonNode april = billing.get(client + "/usage/allowances?period=2026-04").body().get(0);
        assertThat(april.path("carriedIn").decimalValue()).isEqualByComparingTo("1");
        assertThat(april.path("remaining").decimalValue()).isEqualByComparingTo("0");
        assertThat(april.path("overage").decimalValue()).isEqualByComparingTo("1");

        // The client sees the issued invoice and its PDF.
        assertThat(requester.get(client + "/invoices").body().get(0).path("number").asString()).isEqualTo(number);
        String text = pdfText(client + "/invoices/" + id + "/pdf", setup.requesterToken());
        assertThat(text).contains("INVOICE", number, "Albion Mutual Insurance plc", "Onboarding and training", "96.00", "16.00");

        // Corrections are credit notes, each line at most once.
        Api.Response note = billing.post(invoice + "/credit-notes", Map.of("reason", "Onboarding was included in the contract",
                "lines", List.of(3)));
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.text("number")).matches("CN-2026-\\d{6}");
        assertThat(money(note.body().path("total"))).isEqualTo("-60.00");
        assertThat(billing.post(invoice + "/credit-notes", Map.of("reason", "again", "lines", List.of(3))).text("code"))
                .isEqualTo("line-already-credited");
        assertThat(billing.post(client + "/invoices/" + note.text("id") + "/credit-notes", Map.of("reason", "a note of a note"))
                .status()).isEqualTo(409);
    }

    @Test
    void aOneOffFeeInAMonthWithNoPricePlanIsInvoicedInItsContractsCurrency() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("FX"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api billing = api().as(setup.adminToken());
        // A second contract, in US dollars, for payroll; the client and its first contract are in pounds.
        Api.Response payroll = billing.post(client + "/contracts", Map.of("reference", "PAY-" + unique("X"), "title", "Payroll",
                "currency", "USD", "startsOn", "2026-01-01",
                "calendar", Map.of("zone", "America/New_York", "week", Map.of("MONDAY", "09:00-17:00")),
                "serviceLines", List.of(Map.of("code", "payroll", "name", "Payroll", "kind", "BACK_OFFICE", "workType", "back-office-request")),
                "slaTargets", List.of()));
        assertThat(payroll.status()).as(payroll.body().toString()).isEqualTo(201);
        assertThat(billing.post(client + "/one-off-fees", Map.of("contractId", payroll.text("id"), "serviceLine", "payroll",
                "period", "2026-03", "description", "Payroll set-up", "amount", "5000.00", "sourceKey", "setup")).status()).isEqualTo(201);

        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        Api.Response drafted = billing.post(client + "/invoices", Map.of("period", "2026-03"));
        assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(201);
        List<String> currencies = new java.util.ArrayList<>();
        drafted.body().forEach(invoice -> {
            if (invoice.toString().contains("Payroll set-up")) {
                currencies.add(invoice.path("currency").asString());
            }
        });
        assertThat(currencies).as("the fee's invoice, in dollars as the fee was priced").containsExactly("USD");
    }

    @Test
    void creditsAreIdempotentAndCappedAtAllOfTheFees() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CAP"));
        String credits = "/api/v1/clients/" + setup.client().id() + "/service-credits";
        Api billing = api().as(setup.adminToken());
        Api.Response first = billing.post(credits, credit("60", "scorecard-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(billing.post(credits, credit("60", "scorecard-1")).text("id")).isEqualTo(first.text("id"));
        Api.Response beyond = billing.post(credits, credit("50", "scorecard-2"));
        assertRefused(beyond, 422, "percent");
        assertThat(beyond.text("code")).isEqualTo("credit-beyond-cap");
        assertRefused(billing.post(credits, credit("0", "scorecard-3")), 422, "percent");
        assertThat(billing.post(credits, credit("60", "scorecard-1").entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getKey().equals("percent") ? (Object) "40" : e.getValue())))
                .text("code")).isEqualTo("source-key-taken");
        assertThat(api().as(setup.requesterToken()).post(credits, credit("5", "scorecard-4")).status()).isEqualTo(403);
    }

    private static Map<String, Object> credit(String percent, String sourceKey) {
        return Map.of("period", "2026-03", "serviceLine", "support", "percent", percent, "reason", "SLA missed", "sourceKey", sourceKey);
    }

    private static Map<String, Object> usage(String period, String quantity, String sourceId) {
        return Map.of("serviceLine", "support", "unit", "ticket", "quantity", quantity, "period", period, "sourceId", sourceId);
    }

    private String pdfText(String path, String token) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        // Kept for a person to look at (pdftoppm -png target/sample-invoice.pdf).
        java.nio.file.Files.write(java.nio.file.Path.of("target", "sample-invoice.pdf"), response.body());
        try (PdfReader reader = new PdfReader(response.body())) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
            return text.toString();
        }
    }

    static void assertRefused(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.text("field")).as(response.body().toString()).isEqualTo(field);
        assertThat(response.text("detail")).isNotBlank();
    }

    static Map<String, Object> plan(@Nullable UUID contractId, String serviceLine, String unit, String from,
                                    List<Map<String, Object>> tiers, Map<String, Object> extra) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("contractId", contractId);
        plan.put("serviceLine", serviceLine);
        plan.put("effectiveFrom", from);
        plan.put("unit", unit);
        plan.put("pricing", "GRADUATED");
        plan.put("tiers", tiers);
        plan.put("taxName", "VAT");
        plan.put("taxPercent", "20");
        plan.putAll(extra);
        return plan;
    }
}
