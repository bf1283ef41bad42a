package org.openbpo.payables;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.ledger.Books;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openbpo.payables.InvoiceCaptureTest.invoice;

/**
 * From approved invoices to a bank file and the client's books: a proposal that takes the open
 * discounts and holds back a vendor without bank details, the client's approval, one run (running
 * it again changes nothing), an invoice never paid twice, and the postings.
 */
class PaymentRunTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Books books;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    PayablesFixture.Setup setup;
    Api clerk;

    @BeforeEach
    void approvedInvoices() {
        setup = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "US", "America/Chicago", "USD");
        TenantScope.run(AllowedClients.ALL, () -> books.open(setup.client().id(), "US_GAAP", null));
        clerk = api().as(setup.clerkToken());
        Api.Response settings = api().as(setup.clientAdminToken()).put(setup.path() + "/settings", Map.of(
                "priceTolerancePercent", "2", "quantityTolerancePercent", "0", "duplicateWindowDays", 7,
                "originatorName", "Payables Co", "originatorId", "1234567890", "originatorBank", "FIRST BANK",
                "originatorAccount", Map.of("scheme", "US", "routingNumber", "091000019", "accountNumber", "7700123")));
        assertThat(settings.status()).as(settings.body().toString()).isEqualTo(200);
        assertThat(settings.text("originatorAccount")).isEqualTo("091000019 ••••0123");
        Api.Response acme = clerk.post(setup.path() + "/vendors", VendorApiTest.vendor("ACME", List.of("USD"), VendorApiTest.US_BANK));
        assertThat(api().as(setup.secondClerkToken()).post(setup.path() + "/vendors/" + acme.text("id") + "/bank-changes/"
                + acme.text("pendingBankChange") + "/decision", Map.of("approve", true)).status()).isEqualTo(200);
        clerk.post(setup.path() + "/vendors", VendorApiTest.vendor("NOBANK", List.of("USD"), null));
        clerk.post(setup.path() + "/purchase-orders", Map.of("number", "PO-9", "vendor", "ACME", "currency", "USD",
                "receiptRequired", false, "lines", List.of(Map.of("description", "Chairs", "quantity", "4", "unitPrice", "250.00"))));
        clerk.post(setup.path() + "/purchase-orders", Map.of("number", "PO-10", "vendor", "NOBANK", "currency", "USD",
                "receiptRequired", false, "lines", List.of(Map.of("description", "Desk", "quantity", "1", "unitPrice", "300.00"))));
    }

    private String matched(String vendor, String number, String order, String quantity, String price, String total) {
        Map<String, Object> invoice = invoice(vendor, number, "2026-03-01", "USD", total);
        invoice.put("purchaseOrder", order);
        invoice.put("lines", List.of(Map.of("description", "Goods", "quantity", quantity, "unitPrice", price, "orderLine", 1)));
        Api.Response captured = clerk.post(setup.path() + "/invoices", invoice);
        assertThat(captured.text("status")).as(captured.body().toString()).isEqualTo("APPROVED");
        return captured.text("id");
    }

    @Test
    void aProposalWhosePaymentDayHasPassedIsNeitherApprovedNorRun() {
        matched("ACME", "A-7", "PO-9", "4", "250.00", "1000.00");
        Api approver = api().as(setup.approverToken());
        Api.Response proposed = clerk.post(setup.path() + "/proposals", Map.of("currency", "USD", "dueBy", "2026-03-04", "payOn", "2026-03-05"));
        assertThat(proposed.body().path("total").decimalValue()).as("2% off until Mar 11").isEqualByComparingTo("980.00");
        String approved = proposed.text("id");
        assertThat(approver.post(setup.path() + "/proposals/" + approved + "/approval", Map.of()).text("status")).isEqualTo("APPROVED");

        // A fortnight later the discount has lapsed, and a bank file for Mar 5 would ask for a day gone by.
        clock.set(Instant.parse("2026-03-20T15:00:00Z"));
        Api.Response run = clerk.post(setup.path() + "/proposals/" + approved + "/run", Map.of());
        assertThat(run.status()).isEqualTo(409);
        assertThat(run.text("code")).isEqualTo("payment-day-passed");
        assertThat(clerk.get(setup.path() + "/proposals/" + approved).text("status")).isEqualTo("APPROVED");
        assertThat(clerk.get(setup.path() + "/invoices").body().toString()).doesNotContain("PAID");
        assertThat(clerk.post(setup.path() + "/proposals/" + approved + "/cancellation", Map.of()).status()).isEqualTo(200);

        Api.Response again = clerk.post(setup.path() + "/proposals", Map.of("currency", "USD", "dueBy", "2026-03-31", "payOn", "2026-03-23"));
        assertThat(again.body().path("total").decimalValue()).as("proposed again: the whole amount").isEqualByComparingTo("1000.00");
        clock.set(Instant.parse("2026-03-25T15:00:00Z"));
        Api.Response approval = approver.post(setup.path() + "/proposals/" + again.text("id") + "/approval", Map.of());
        assertThat(approval.status()).isEqualTo(409);
        assertThat(approval.text("code")).isEqualTo("payment-day-passed");
    }

    @Test
    void aProposalApprovedByTheClientRunsOnceIntoANachaFileAndPostsToTheBooks() throws Exception {
        String chairs = matched("ACME", "A-1", "PO-9", "4", "250.00", "1000.00");
        String desk = matched("NOBANK", "N-1", "PO-10", "1", "300.00", "300.00");
        Api.Response byHand = clerk.post(setup.path() + "/invoices", invoice("ACME", "A-2", "2026-01-20", "USD", "500.00"));
        api().as(setup.clientAdminToken()).put(setup.path() + "/approval-limits/" + setup.approver().id(), Map.of("currency", "USD", "maximum", "10000"));
        assertThat(api().as(setup.approverToken()).post(setup.path() + "/invoices/" + byHand.text("id") + "/approval", Map.of()).status()).isEqualTo(200);

        assertThat(clerk.post(setup.path() + "/proposals", Map.of("currency", "USD", "dueBy", "2026-03-04", "payOn", "2026-03-01"))
                .text("field")).as("not in the past").isEqualTo("payOn");
        Api.Response proposed = clerk.post(setup.path() + "/proposals", Map.of("currency", "USD", "dueBy", "2026-03-04", "payOn", "2026-03-05"));
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
        JsonNode items = proposed.body().path("items");
        assertThat(items.size()).as("A-2 is due (Feb 19); A-1's discount is open until Mar 11").isEqualTo(2);
        Map<String, JsonNode> byNumber = new HashMap<>();
        items.forEach(item -> byNumber.put(item.path("number").asString(), item));
        assertThat(byNumber.get("A-1").path("discount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(byNumber.get("A-1").path("pay").decimalValue()).isEqualByComparingTo("980.00");
        assertThat(byNumber.get("A-2").path("discount").decimalValue()).as("its discount lapsed").isEqualByComparingTo("0");
        assertThat(proposed.body().path("total").decimalValue()).isEqualByComparingTo("1480.00");
        assertThat(proposed.body().path("held").size()).isEqualTo(1);
        assertThat(proposed.body().path("held").get(0).path("vendor").asString()).isEqualTo("NOBANK");
        assertThat(proposed.body().path("held").get(0).path("reason").asString()).contains("no approved bank details");
        String proposal = proposed.text("id");

        Api.Response later = clerk.post(setup.path() + "/proposals", Map.of("currency", "USD", "dueBy", "2026-04-30", "payOn", "2026-03-05"));
        assertThat(later.status()).isEqualTo(422);
        assertThat(later.text("code")).isEqualTo("nothing-to-pay");
        assertThat(later.text("detail")).contains("1 held back").contains("no approved bank details");

        assertThat(clerk.post(setup.path() + "/proposals/" + proposal + "/run", Map.of()).text("code")).isEqualTo("proposal-not-approved");
        assertThat(clerk.post(setup.path() + "/proposals/" + proposal + "/approval", Map.of()).status()).isEqualTo(403);
        assertThat(api().as(setup.approverToken()).post(setup.path() + "/proposals/" + proposal + "/approval", Map.of()).text("status"))
                .isEqualTo("APPROVED");
        Api.Response run = clerk.post(setup.path() + "/proposals/" + proposal + "/run", Map.of());
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        assertThat(run.text("format")).isEqualTo("NACHA");
        assertThat(run.body().path("count").asInt()).isEqualTo(2);
        assertThat(run.body().path("total").decimalValue()).isEqualByComparingTo("1480.00");
        Api.Response again = clerk.post(setup.path() + "/proposals/" + proposal + "/run", Map.of());
        assertThat(again.text("id")).as("a second run is the first").isEqualTo(run.text("id"));
        assertThat(clerk.get(setup.path() + "/invoices/" + chairs).text("status")).isEqualTo("PAID");
        assertThat(clerk.get(setup.path() + "/invoices/" + desk).text("status")).isEqualTo("APPROVED");

        HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + setup.path() + "/payment-runs/" + run.text("id") + "/file")).header("Authorization", "Bearer " + setup.clerkToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).isEqualTo(200);
        List<String> records = file.body().lines().toList();
        assertThat(records).allSatisfy(r -> assertThat(r).hasSize(94));
        assertThat(records.stream().filter(r -> r.startsWith("6"))).hasSize(2)
                .allSatisfy(entry -> assertThat(entry.substring(3, 12)).isEqualTo("021000021"));
        assertThat(api().as(setup.approverToken()).get(setup.path() + "/payment-runs/" + run.text("id") + "/file").status())
                .as("bank files are the provider's to send").isEqualTo(403);

        // The database itself refuses a second payment of an invoice.
        assertThatThrownBy(() -> TenantScope.run(AllowedClients.only(setup.client().id()), () -> transactions.executeWithoutResult(tx ->
                jdbc.update("insert into payables.payment (client_id, invoice_id, run_id, amount_minor, discount_minor) values (?, ?, ?, 98000, 0)",
                        setup.client().id(), UUID.fromString(chairs), UUID.fromString(run.text("id"))))))
                .isInstanceOf(DuplicateKeyException.class);

        // The books: three invoices payable, two paid from the bank with a discount taken.
        JsonNode balance = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            balance = api().as(setup.clerkToken()).get("/api/v1/clients/" + setup.client().id() + "/ledger/reports/trial-balance?asOf=2026-12-31").body();
            if (rows(balance).size() >= 5 && rows(balance).containsKey("1010")) {
                break;
            }
            Thread.sleep(100);
        }
        Map<String, long[]> accounts = rows(balance);
        assertThat(accounts.get("6300")).as("expense").containsExactly(180000L, 0L);
        assertThat(accounts.get("2010")).as("accounts payable: only the desk is still owed").containsExactly(0L, 30000L);
        assertThat(accounts.get("1010")).as("bank").containsExactly(0L, 148000L);
        assertThat(accounts.get("4900")).as("discount taken").containsExactly(0L, 2000L);
    }

    private static Map<String, long[]> rows(JsonNode trialBalance) {
        Map<String, long[]> rows = new HashMap<>();
        trialBalance.path("rows").forEach(row -> rows.put(row.path("account").asString(),
                new long[]{row.path("debit").asLong(), row.path("credit").asLong()}));
        return rows;
    }
}
