package org.openbpo.payables;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Invoice capture by hand, from CSV/XLSX and from UBL e-invoices, with the checks the issue lists as bad input. */
class InvoiceCaptureTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;

    PayablesFixture.Setup setup;
    Api clerk;

    @BeforeEach
    void vendors() {
        setup = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "GB", "Europe/London", "GBP");
        clerk = api().as(setup.clerkToken());
        assertThat(clerk.post(setup.path() + "/vendors", VendorApiTest.vendor("PAPER", List.of("GBP", "EUR"),
                Map.of("scheme", "UK", "sortCode", "20-00-00", "accountNumber", "55779911"))).status()).isEqualTo(201);
        assertThat(clerk.post(setup.path() + "/vendors", VendorApiTest.vendor("CLEAN", List.of("GBP"), null)).status()).isEqualTo(201);
    }

    static Map<String, Object> invoice(String vendor, String number, String date, String currency, String total) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("vendor", vendor);
        invoice.put("number", number);
        invoice.put("invoiceDate", date);
        invoice.put("currency", currency);
        invoice.put("total", total);
        return invoice;
    }

    @Test
    void anInvoiceWithoutAnOrderWaitsForAClientApproverWithinTheirLimit() {
        Api.Response captured = clerk.post(setup.path() + "/invoices", invoice("PAPER", "INV-0042", "2026-03-01", "GBP", "1200.00"));
        assertThat(captured.status()).as(captured.body().toString()).isEqualTo(201);
        assertThat(captured.text("status")).isEqualTo("AWAITING_APPROVAL");
        assertThat(captured.text("dueDate")).as("30 days' terms").isEqualTo("2026-03-31");
        assertThat(captured.text("discountDate")).isEqualTo("2026-03-11");
        assertThat(captured.body().path("discount").decimalValue()).isEqualByComparingTo("24.00");
        long itemId = captured.body().path("workItemId").asLong();
        WorkItem item = TenantScope.call(AllowedClients.only(setup.client().id()), () -> workItems.get(setup.client().id(), itemId));
        assertThat(item.serviceLine()).isEqualTo("accounts-payable");
        assertThat(item.state()).isEqualTo("awaiting_approval");
        String id = captured.text("id");

        Api approver = api().as(setup.approverToken());
        Api.Response noLimit = approver.post(setup.path() + "/invoices/" + id + "/approval", Map.of());
        assertThat(noLimit.status()).isEqualTo(403);
        assertThat(noLimit.text("code")).isEqualTo("over-approval-limit");
        assertThat(noLimit.text("field")).isEqualTo("total");
        assertThat(api().as(setup.clientAdminToken()).put(setup.path() + "/approval-limits/" + setup.approver().id(),
                Map.of("currency", "GBP", "maximum", "1000.00")).status()).isEqualTo(200);
        assertThat(approver.post(setup.path() + "/invoices/" + id + "/approval", Map.of()).text("code")).isEqualTo("over-approval-limit");
        assertThat(api().as(setup.clientAdminToken()).put(setup.path() + "/approval-limits/" + setup.approver().id(),
                Map.of("currency", "GBP", "maximum", "5000.00")).status()).isEqualTo(200);
        assertThat(clerk.post(setup.path() + "/invoices/" + id + "/approval", Map.of()).status()).as("provider staff do not approve").isEqualTo(403);
        Api.Response approved = approver.post(setup.path() + "/invoices/" + id + "/approval", Map.of());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(TenantScope.call(AllowedClients.only(setup.client().id()), () -> workItems.get(setup.client().id(), itemId)).state())
                .isEqualTo("approved");
        assertThat(approver.post(setup.path() + "/invoices/" + id + "/approval", Map.of()).status()).as("once").isEqualTo(409);

        // The client's administrator captures one; they may not approve their own.
        assertThat(api().as(setup.clientAdminToken()).put(setup.path() + "/approval-limits/" + setup.clientAdmin().id(),
                Map.of("currency", "GBP", "maximum", "5000.00")).status()).isEqualTo(200);
        Api.Response own = api().as(setup.clientAdminToken()).post(setup.path() + "/invoices", invoice("CLEAN", "C-1", "2026-03-01", "GBP", "10.00"));
        assertThat(api().as(setup.clientAdminToken()).post(setup.path() + "/invoices/" + own.text("id") + "/approval", Map.of()).text("code"))
                .isEqualTo("approver-is-capturer");
    }

    @Test
    void badInvoicesAreRefusedNamingTheFieldAndNothingIsCaptured() {
        Api.Response foreign = clerk.post(setup.path() + "/invoices", invoice("CLEAN", "X-1", "2026-03-01", "USD", "10.00"));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.text("field")).isEqualTo("currency");
        assertThat(foreign.text("detail")).contains("CLEAN invoices in GBP").contains("USD");
        assertThat(clerk.post(setup.path() + "/invoices", invoice("NOPE", "X-1", "2026-03-01", "GBP", "10.00")).text("field")).isEqualTo("vendor");
        assertThat(clerk.post(setup.path() + "/invoices", invoice("CLEAN", "X-1", "2026-03-01", "GBP", "10.001")).text("field")).isEqualTo("total");
        Map<String, Object> unbalanced = invoice("CLEAN", "X-2", "2026-03-01", "GBP", "10.00");
        unbalanced.put("lines", List.of(Map.of("description", "Soap", "quantity", "2", "unitPrice", "4.00")));
        assertThat(clerk.post(setup.path() + "/invoices", unbalanced).text("field")).isEqualTo("lines");
        Map<String, Object> noDate = invoice("CLEAN", "X-3", "2026-03-01", "GBP", "10.00");
        noDate.remove("invoiceDate");
        Api.Response missing = clerk.post(setup.path() + "/invoices", noDate);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.text("field")).isEqualTo("invoiceDate");
        // Ten characters that would take minutes of CPU to round to pence: refused as they are read.
        Api.Response huge = clerk.post(setup.path() + "/invoices", invoice("CLEAN", "X-4", "2026-03-01", "GBP", "1e99999999"));
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.text("field")).isEqualTo("total");
        assertThat(huge.text("detail")).contains("too large");
        assertThat(clerk.get(setup.path() + "/invoices").body().path("items").size()).isZero();
    }

    @Test
    void aSheetWithNumbersTooLargeToWorkWithOrADecimalCommaIsRefusedNamingEachCell() {
        String sheet = """
                vendor,number,date,currency,total,tax,purchase_order,order_line,quantity,unit_price
                CLEAN,H-1,2026-03-01,GBP,10.00,,PO-1,99999999999,1,10.00
                CLEAN,H-2,2026-03-01,GBP,10.00,,,,1e99999999,10.00
                CLEAN,H-3,2026-03-01,GBP,1e-99999999,,,,,
                CLEAN,H-4,2026-03-01,GBP,"1234,56",,,,,
                """;
        Api.Response refused = clerk.post(setup.path() + "/invoice-imports", "text/csv", sheet.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        refused.body().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        // A decimal comma would be read as a thousands separator, 123,456.00: refused instead.
        assertThat(fields).containsExactly("row 2, order_line", "row 3, quantity", "row 4, total", "row 5, total");
        assertThat(clerk.get(setup.path() + "/invoices").body().path("items").size()).isZero();
    }

    @Test
    void duplicatesAreRefusedOrHeldAsExceptions() {
        assertThat(clerk.post(setup.path() + "/invoices", invoice("PAPER", "INV-0042", "2026-03-01", "GBP", "100.00")).status()).isEqualTo(201);
        Api.Response same = clerk.post(setup.path() + "/invoices", invoice("PAPER", "inv 42", "2026-03-05", "GBP", "100.00"));
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.text("code")).isEqualTo("duplicate-invoice");
        assertThat(same.text("field")).isEqualTo("number");
        assertThat(clerk.post(setup.path() + "/invoices", invoice("CLEAN", "INV-0042", "2026-03-01", "GBP", "100.00")).status())
                .as("another vendor's number is another invoice").isEqualTo(201);
        Api.Response suspected = clerk.post(setup.path() + "/invoices", invoice("PAPER", "INV-0043", "2026-03-04", "GBP", "100.00"));
        assertThat(suspected.status()).isEqualTo(201);
        assertThat(suspected.text("status")).isEqualTo("EXCEPTION");
        assertThat(suspected.body().path("exceptions").get(0).asString()).contains("Possible duplicate of invoice INV-0042");
        assertThat(clerk.post(setup.path() + "/invoices", invoice("PAPER", "INV-0044", "2026-03-20", "GBP", "100.00")).text("status"))
                .as("outside the window").isEqualTo("AWAITING_APPROVAL");
        Api.Response accepted = clerk.post(setup.path() + "/invoices/" + suspected.text("id") + "/resolution", Map.of("accept", true, "note", "Vendor confirmed a second delivery"));
        assertThat(accepted.text("status")).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void numbersThatDifferOnlyWhereTheyArePartedAreDifferentInvoices() {
        Api.Response january = clerk.post(setup.path() + "/invoices", invoice("PAPER", "1/12", "2026-03-01", "GBP", "100.00"));
        Api.Response november = clerk.post(setup.path() + "/invoices", invoice("PAPER", "11/2", "2026-03-01", "GBP", "250.00"));
        assertThat(january.status()).as(january.body().toString()).isEqualTo(201);
        assertThat(november.status()).as("1/12 and 11/2 are two invoices: " + november.body()).isEqualTo(201);

        Api.Response again = clerk.post(setup.path() + "/invoices", invoice("PAPER", "01-012", "2026-03-02", "GBP", "100.00"));
        assertThat(again.status()).as("01-012 is 1/12 typed another way").isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("duplicate-invoice");
        assertThat(again.text("detail")).contains("already billed invoice 1/12");
        Api.Response sheet = clerk.post(setup.path() + "/invoice-imports", "text/csv", """
                vendor,number,date,currency,total
                PAPER,11 2,2026-03-03,GBP,250.00
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.status()).isEqualTo(422);
        assertThat(sheet.text("code")).isEqualTo("duplicate-invoice");
        assertThat(sheet.body().toString()).contains("already billed invoice 11/2");
    }

    @Test
    void twoAndThreeWayMatchingWithinTolerances() {
        Api.Response order = clerk.post(setup.path() + "/purchase-orders", Map.of("number", "PO-1", "vendor", "PAPER", "currency", "GBP",
                "receiptRequired", false, "lines", List.of(Map.of("description", "Paper", "quantity", "10", "unitPrice", "5.00",
                        "taxPercent", "20"))));
        assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
        assertThat(order.body().path("lines").get(0).path("taxPercent").decimalValue()).isEqualByComparingTo("20");
        Api.Response matched = clerk.post(setup.path() + "/invoices", withLine(invoice("PAPER", "M-1", "2026-03-01", "GBP", "36.36"),
                "PO-1", "6", "5.05", "6.06"));
        assertThat(matched.text("status")).as("1% over the price is within the 2% tolerance").isEqualTo("APPROVED");
        assertThat(matched.body().path("workItemId").isNull()).isTrue();
        Api.Response overBilled = clerk.post(setup.path() + "/invoices", withLine(invoice("PAPER", "M-2", "2026-03-01", "GBP", "30.00"),
                "PO-1", "5", "5.00", "5.00"));
        assertThat(overBilled.text("status")).isEqualTo("EXCEPTION");
        assertThat(overBilled.body().path("exceptions").get(0).asString()).contains("11 billed in all").contains("ordered 10");
        assertThat(overBilled.body().path("workItemId").asLong()).isPositive();
        Api.Response pricey = clerk.post(setup.path() + "/invoices", withLine(invoice("PAPER", "M-3", "2026-03-01", "GBP", "26.40"),
                "PO-1", "4", "5.50", "4.40"));
        assertThat(pricey.body().path("exceptions").get(0).asString()).contains("unit price 5.5 differs from the order's 5");

        Api.Response goods = clerk.post(setup.path() + "/purchase-orders", Map.of("number", "PO-2", "vendor", "PAPER", "currency", "GBP",
                "receiptRequired", true, "lines", List.of(Map.of("description", "Toner", "quantity", "4", "unitPrice", "50.00"))));
        Api.Response unreceived = clerk.post(setup.path() + "/invoices", withLine(invoice("PAPER", "T-1", "2026-03-01", "GBP", "100.00"),
                "PO-2", "2", "50.00", "0"));
        assertThat(unreceived.text("status")).isEqualTo("EXCEPTION");
        assertThat(unreceived.body().path("exceptions").get(0).asString()).contains("only 0 received");
        assertThat(clerk.post(setup.path() + "/purchase-orders/" + goods.text("id") + "/receipts",
                Map.of("line", 1, "quantity", "3", "receivedOn", "2026-03-02")).status()).isEqualTo(201);
        Api.Response received = clerk.post(setup.path() + "/invoices", withLine(invoice("PAPER", "T-2", "2026-03-03", "GBP", "150.00"),
                "PO-2", "3", "50.00", "0"));
        assertThat(received.text("status")).isEqualTo("APPROVED");
        JsonNode po = clerk.get(setup.path() + "/purchase-orders/" + goods.text("id")).body();
        assertThat(po.path("lines").get(0).path("invoiced").decimalValue()).isEqualByComparingTo("3");
        Api.Response otherVendor = clerk.post(setup.path() + "/invoices", withLine(invoice("CLEAN", "T-3", "2026-03-03", "GBP", "50.00"),
                "PO-2", "1", "50.00", "0"));
        assertThat(otherVendor.status()).isEqualTo(422);
        assertThat(otherVendor.text("field")).isEqualTo("purchaseOrder");
    }

    @Test
    void anInvoiceMatchingItsOrderWithTheWrongTaxGoesToAPersonWithTheReason() {
        Api.Response order = clerk.post(setup.path() + "/purchase-orders", Map.of("number", "PO-TAX", "vendor", "PAPER", "currency", "GBP",
                "receiptRequired", false, "lines", List.of(
                        Map.of("description", "Paper", "quantity", "100", "unitPrice", "5.00", "taxPercent", "20"),
                        Map.of("description", "Books", "quantity", "100", "unitPrice", "10.00", "taxPercent", "0"))));
        assertThat(order.status()).as(order.body().toString()).isEqualTo(201);

        Api.Response right = clerk.post(setup.path() + "/invoices", billing(invoice("PAPER", "TX-1", "2026-03-01", "GBP", "50.00"),
                "PO-TAX", "5.00", line("5", "5.00", 1), line("2", "10.00", 2)));
        assertThat(right.text("status")).as("20% of 25.00 and nothing on the books: " + right.body()).isEqualTo("APPROVED");

        Api.Response tooMuch = clerk.post(setup.path() + "/invoices", billing(invoice("PAPER", "TX-2", "2026-03-02", "GBP", "37.50"),
                "PO-TAX", "12.50", line("5", "5.00", 1)));
        assertThat(tooMuch.text("status")).as("the lines match the order, the tax does not").isEqualTo("EXCEPTION");
        assertThat(tooMuch.body().path("exceptions").valueStream().map(JsonNode::asString)).containsExactly(
                "The tax 12.50 is not the 5.00 the lines imply at their order lines' tax rates (give or take 2%).");
        long itemId = tooMuch.body().path("workItemId").asLong();
        WorkItem item = TenantScope.call(AllowedClients.only(setup.client().id()), () -> workItems.get(setup.client().id(), itemId));
        assertThat(item.title()).isEqualTo("Invoice exception: TX-2 from PAPER");
        assertThat(item.form().get("reason")).asString().startsWith("The tax 12.50 is not the 5.00");

        Api.Response onTaxFree = clerk.post(setup.path() + "/invoices", billing(invoice("PAPER", "TX-3", "2026-03-03", "GBP", "24.00"),
                "PO-TAX", "4.00", line("2", "10.00", 2)));
        assertThat(onTaxFree.text("status")).isEqualTo("EXCEPTION");
        assertThat(onTaxFree.body().path("exceptions").get(0).asString()).startsWith("The tax 4.00 is not the 0.00");

        Api.Response withinTolerance = clerk.post(setup.path() + "/invoices", billing(invoice("PAPER", "TX-4", "2026-03-04", "GBP", "6.01"),
                "PO-TAX", "1.01", line("1", "5.00", 1)));
        assertThat(withinTolerance.text("status")).as("1.01 against 1.00 is within the 2% tolerance").isEqualTo("APPROVED");

        JsonNode po = clerk.get(setup.path() + "/purchase-orders/" + order.text("id")).body();
        assertThat(po.path("lines").get(0).path("invoiced").decimalValue()).as("only the approved invoices bill the order").isEqualByComparingTo("6");
        assertThat(clerk.post(setup.path() + "/purchase-orders", Map.of("number", "PO-BAD", "vendor", "PAPER", "currency", "GBP",
                "receiptRequired", false, "lines", List.of(Map.of("description", "Paper", "quantity", "1", "unitPrice", "5.00",
                        "taxPercent", "120")))).text("field")).isEqualTo("lines[0].taxPercent");
        // More than the order's columns hold is the caller's mistake, named, not the server's failure.
        Api.Response huge = clerk.post(setup.path() + "/purchase-orders", Map.of("number", "PO-HUGE", "vendor", "PAPER", "currency", "GBP",
                "receiptRequired", false, "lines", List.of(Map.of("description", "Paper", "quantity", "1", "unitPrice", "1000000000000000"))));
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.text("field")).isEqualTo("lines[0].unitPrice");
    }

    @Test
    void aTaxedInvoiceAgainstAnOrderStatingNoTaxRateGoesToAPerson() {
        clerk.post(setup.path() + "/purchase-orders", Map.of("number", "PO-UNRATED", "vendor", "PAPER", "currency", "GBP",
                "receiptRequired", false, "lines", List.of(Map.of("description", "Paper", "quantity", "10", "unitPrice", "10.00"))));
        Api.Response taxed = clerk.post(setup.path() + "/invoices", billing(invoice("PAPER", "TX-5", "2026-03-05", "GBP", "15.00"),
                "PO-UNRATED", "5.00", line("1", "10.00", 1)));
        assertThat(taxed.text("status")).as("50% tax on goods the order bears no tax on: " + taxed.body()).isEqualTo("EXCEPTION");
        assertThat(taxed.body().path("exceptions").valueStream().map(JsonNode::asString)).containsExactly("The tax 5.00 is not the 0.00 "
                + "the lines imply at their order lines' tax rates (give or take 2%). Order line 1 states no tax rate, so it implies no tax.");
        Api.Response untaxed = clerk.post(setup.path() + "/invoices", billing(invoice("PAPER", "TX-6", "2026-03-06", "GBP", "10.00"),
                "PO-UNRATED", "0.00", line("1", "10.00", 1)));
        assertThat(untaxed.text("status")).isEqualTo("APPROVED");
    }

    @SafeVarargs
    private static Map<String, Object> billing(Map<String, Object> invoice, String order, String tax, Map<String, Object>... lines) {
        invoice.put("purchaseOrder", order);
        invoice.put("tax", tax);
        invoice.put("lines", List.of(lines));
        return invoice;
    }

    private static Map<String, Object> line(String quantity, String price, int orderLine) {
        return Map.of("description", "Goods", "quantity", quantity, "unitPrice", price, "orderLine", orderLine);
    }

    @Test
    void aSheetIsCheckedRowByRowAndCapturedOnlyWhenEveryRowIsRight() throws Exception {
        String bad = """
                vendor,number,date,currency,total,tax
                PAPER,S-1,2026-03-01,GBP,120.00,20.00
                NOBODY,S-2,2026-03-01,GBP,10.00,
                CLEAN,S-3,01/03/2026,GBP,ten,
                CLEAN,S-4,2026-03-01,USD,10.00,
                PAPER,S-1,2026-03-02,GBP,99.00,
                """;
        Api.Response refused = clerk.post(setup.path() + "/invoice-imports", "text/csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        refused.body().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactly("row 4, date", "row 4, total");
        String semantic = bad.replace("01/03/2026", "2026-03-01").replace(",ten,", ",10.00,");
        Api.Response refusedAgain = clerk.post(setup.path() + "/invoice-imports", "text/csv", semantic.getBytes(StandardCharsets.UTF_8));
        fields.clear();
        refusedAgain.body().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactly("row 3, vendor", "row 5, currency", "row 6, number");
        assertThat(clerk.get(setup.path() + "/invoices").body().path("items").size()).as("nothing applied").isZero();

        Api.Response imported = clerk.post(setup.path() + "/invoice-imports", "text/csv", """
                vendor,number,date,currency,total,tax,description
                PAPER,S-1,2026-03-01,GBP,120.00,20.00,"Paper, A4 ""premium""\"
                CLEAN,S-2,2026-03-01,GBP,10.00,,
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("invoices").size()).isEqualTo(2);
        assertThat(imported.body().path("awaitingApproval").asInt()).isEqualTo(2);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Invoices");
            String[][] cells = {{"vendor", "number", "date", "currency", "total"}, {"PAPER", "X-10", "2026-03-03", "EUR", "55.10"}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    if (r == 1 && c == 4) {
                        row.createCell(c).setCellValue(55.10);
                    } else {
                        row.createCell(c).setCellValue(cells[r][c]);
                    }
                }
            }
            workbook.write(xlsx);
        }
        Api.Response fromExcel = clerk.post(setup.path() + "/invoice-imports", InvoiceApi_XLSX, xlsx.toByteArray());
        assertThat(fromExcel.status()).as(fromExcel.body().toString()).isEqualTo(201);
        assertThat(fromExcel.body().path("invoices").get(0).path("total").decimalValue()).isEqualByComparingTo("55.10");
        assertThat(fromExcel.body().path("invoices").get(0).path("source").asString()).isEqualTo("XLSX");
    }

    static final String InvoiceApi_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void eInvoicesAreReadRefusingEntitiesAndNamingWhatIsWrong() {
        clerk.post(setup.path() + "/purchase-orders", Map.of("number", "PO-E", "vendor", "PAPER", "currency", "GBP",
                "receiptRequired", false, "lines", List.of(Map.of("description", "Paper", "quantity", "10", "unitPrice", "5.00",
                        "taxPercent", "20"))));
        String good = EInvoices.invoice("E-1", "TAX-PAPER", "GBP", "10", "5.00", "50.00", "10.00", "60.00", "PO-E");
        Api.Response captured = clerk.post(setup.path() + "/e-invoices", "application/xml", good.getBytes(StandardCharsets.UTF_8));
        assertThat(captured.status()).as(captured.body().toString()).isEqualTo(201);
        assertThat(captured.text("vendorCode")).as("found by its tax id").isEqualTo("PAPER");
        assertThat(captured.text("status")).isEqualTo("APPROVED");
        assertThat(captured.text("source")).isEqualTo("UBL");

        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Invoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&secret;</ID></Invoice>
                """.strip();
        Api.Response refused = clerk.post(setup.path() + "/e-invoices", "application/xml", xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("xml-entities-refused");
        assertThat(refused.body().toString()).doesNotContain("root:");

        Api.Response malformed = clerk.post(setup.path() + "/e-invoices", "application/xml",
                good.replace("</cbc:IssueDate>", "</cbc:Issued>").getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.text("code")).isEqualTo("malformed-xml");
        assertThat(malformed.body().path("errors").get(0).path("field").asString()).startsWith("line 8, column");

        String incomplete = EInvoices.invoice("E-2", "TAX-PAPER", "GBP", "10", "5.00", "50.00", "10.00", "60.00", null)
                .replaceAll("<cbc:PayableAmount[^\n]*\n", "").replace("<cbc:IssueDate>2026-03-01</cbc:IssueDate>", "");
        Api.Response missing = clerk.post(setup.path() + "/e-invoices", "application/xml", incomplete.getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.text("code")).isEqualTo("invalid-e-invoice");
        List<String> where = new ArrayList<>();
        missing.body().path("errors").forEach(e -> where.add(e.path("field").asString()));
        assertThat(where).containsExactly("line 4, /Invoice/cbc:IssueDate", "line 32, /Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount");

        Api.Response wrongCurrency = clerk.post(setup.path() + "/e-invoices?vendor=CLEAN", "application/xml",
                EInvoices.invoice("E-3", "TAX-X", "EUR", "1", "5.00", "5.00", "1.00", "6.00", null).getBytes(StandardCharsets.UTF_8));
        assertThat(wrongCurrency.status()).isEqualTo(422);
        assertThat(wrongCurrency.body().path("errors").get(0).path("field").asString()).isEqualTo("currency");
        assertThat(clerk.get(setup.path() + "/invoices").body().path("items").size()).isEqualTo(1);
    }

    private static Map<String, Object> withLine(Map<String, Object> invoice, String order, String quantity, String price, String tax) {
        invoice.put("purchaseOrder", order);
        invoice.put("tax", tax);
        invoice.put("lines", List.of(Map.of("description", "Goods", "quantity", quantity, "unitPrice", price, "orderLine", 1)));
        return invoice;
    }
}
