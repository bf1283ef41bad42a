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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openbpo.payables.InvoiceCaptureTest.invoice;

/**
 * A vendor's credit notes (by hand, CSV and UBL) set against its open invoices by the next
 * proposal, and invoices paid in parts: what stays open is in the aging and is proposed again,
 * and the database refuses settling more than an invoice's amount.
 */
class CreditNotesAndPartsTest extends IntegrationTest {

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
    Api approver;

    @BeforeEach
    void approvedInvoices() {
        setup = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "US", "America/Chicago", "USD");
        TenantScope.run(AllowedClients.ALL, () -> books.open(setup.client().id(), "US_GAAP", null));
        clerk = api().as(setup.clerkToken());
        approver = api().as(setup.approverToken());
        api().as(setup.clientAdminToken()).put(setup.path() + "/settings", Map.of(
                "priceTolerancePercent", "2", "quantityTolerancePercent", "0", "duplicateWindowDays", 7,
                "originatorName", "Payables Co", "originatorId", "1234567890", "originatorBank", "FIRST BANK",
                "originatorAccount", Map.of("scheme", "US", "routingNumber", "091000019", "accountNumber", "7700123")));
        Api.Response acme = clerk.post(setup.path() + "/vendors", VendorApiTest.vendor("ACME", List.of("USD"), VendorApiTest.US_BANK));
        api().as(setup.secondClerkToken()).post(setup.path() + "/vendors/" + acme.text("id") + "/bank-changes/"
                + acme.text("pendingBankChange") + "/decision", Map.of("approve", true));
        api().as(setup.clientAdminToken()).put(setup.path() + "/approval-limits/" + setup.approver().id(),
                Map.of("currency", "USD", "maximum", "100000"));
    }

    private String approved(String number, String date, String total) {
        Api.Response captured = clerk.post(setup.path() + "/invoices", invoice("ACME", number, date, "USD", total));
        assertThat(captured.status()).as(captured.body().toString()).isEqualTo(201);
        Api.Response decided = approver.post(setup.path() + "/invoices/" + captured.text("id") + "/approval", Map.of());
        assertThat(decided.text("status")).as(decided.body().toString()).isEqualTo("APPROVED");
        return captured.text("id");
    }

    private static Map<String, Object> credit(String number, String amount, String invoice) {
        Map<String, Object> note = new HashMap<>(Map.of("vendor", "ACME", "number", number, "creditDate", "2026-02-10",
                "currency", "USD", "amount", amount, "reason", "Two chairs returned"));
        if (invoice != null) {
            note.put("invoiceNumber", invoice);
        }
        return note;
    }

    private void proposeApproveAndRun(Map<String, Object> proposal) {
        Api.Response proposed = clerk.post(setup.path() + "/proposals", proposal);
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
        approver.post(setup.path() + "/proposals/" + proposed.text("id") + "/approval", Map.of());
        Api.Response run = clerk.post(setup.path() + "/proposals/" + proposed.text("id") + "/run", Map.of());
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
    }

    @Test
    void creditNotesAreCapturedOnceAndCheckedLikeInvoices() {
        approved("A-1", "2026-01-20", "500.00");
        Api.Response byHand = clerk.post(setup.path() + "/credit-notes", credit("CN-0007", "120.00", "A-1"));
        assertThat(byHand.status()).as(byHand.body().toString()).isEqualTo(201);
        assertThat(byHand.body().path("remaining").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(byHand.text("source")).isEqualTo("MANUAL");

        Api.Response again = clerk.post(setup.path() + "/credit-notes", credit("cn 7", "120.00", null));
        assertThat(again.status()).as("the same number however typed").isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("duplicate-credit-note");
        Map<String, Object> euros = credit("CN-8", "10.00", null);
        euros.put("currency", "EUR");
        assertThat(clerk.post(setup.path() + "/credit-notes", euros).text("field")).isEqualTo("currency");
        assertThat(clerk.post(setup.path() + "/credit-notes", credit("CN-9", "10.00", "NO-SUCH")).text("field")).isEqualTo("invoiceNumber");
        assertThat(clerk.post(setup.path() + "/credit-notes", credit("CN-10", "10.001", null)).text("field")).isEqualTo("amount");

        Api.Response sheet = clerk.post(setup.path() + "/credit-note-imports", "text/csv",
                "vendor,number,date,currency,amount,reason\nACME,CN-20,2026-02-11,USD,15.00,Short delivery\nNOBODY,CN-21,2026-02-11,USD,x,\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.status()).isEqualTo(422);
        assertThat(sheet.body().path("errors").toString()).contains("row 3").contains("amount");
        Api.Response fixed = clerk.post(setup.path() + "/credit-note-imports", "text/csv",
                "vendor,number,date,currency,amount,reason\nACME,CN-20,2026-02-11,USD,15.00,Short delivery\n".getBytes(StandardCharsets.UTF_8));
        assertThat(fixed.status()).as(fixed.body().toString()).isEqualTo(201);
        assertThat(fixed.body().get(0).path("source").asString()).isEqualTo("CSV");

        Api.Response ubl = clerk.post(setup.path() + "/e-credit-notes", "application/xml",
                ublCreditNote("CN-30", "TAX-ACME", "25.00", "A-1").getBytes(StandardCharsets.UTF_8));
        assertThat(ubl.status()).as(ubl.body().toString()).isEqualTo(201);
        assertThat(ubl.text("vendor")).as("found by the supplier's tax id").isEqualTo("ACME");
        assertThat(ubl.text("invoiceNumber")).isEqualTo("A-1");
        Api.Response broken = clerk.post(setup.path() + "/e-credit-notes", "application/xml",
                ublCreditNote("CN-31", "TAX-ACME", "25.00", "A-1").replace("<cbc:IssueDate>2026-02-12</cbc:IssueDate>", "")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.body().path("errors").toString()).contains("cbc:IssueDate").contains("line ");
        Api.Response entity = clerk.post(setup.path() + "/e-credit-notes", "application/xml", ("<?xml version=\"1.0\"?><!DOCTYPE x "
                + "[<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CreditNote>&e;</CreditNote>").getBytes(StandardCharsets.UTF_8));
        assertThat(entity.status()).as("external entities are refused").isEqualTo(422);

        assertThat(clerk.get(setup.path() + "/credit-notes?open=true").body().size()).isEqualTo(3);
    }

    @Test
    void aProposalSetsTheVendorsCreditAgainstItsInvoicesAndTheBooksShowIt() throws Exception {
        String invoice = approved("A-1", "2026-01-20", "500.00");
        approved("A-2", "2026-01-25", "80.00");
        String credit = clerk.post(setup.path() + "/credit-notes", credit("CN-1", "150.00", "A-1")).text("id");

        Api.Response cancelled = clerk.post(setup.path() + "/proposals", Map.of("currency", "USD", "dueBy", "2026-03-31", "payOn", "2026-03-05"));
        assertThat(cancelled.body().path("credited").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(clerk.get(setup.path() + "/credit-notes/" + credit).body().path("remaining").decimalValue()).isEqualByComparingTo("0");
        clerk.post(setup.path() + "/proposals/" + cancelled.text("id") + "/cancellation", Map.of());
        assertThat(clerk.get(setup.path() + "/credit-notes/" + credit).body().path("remaining").decimalValue())
                .as("a cancelled proposal gives the credit back").isEqualByComparingTo("150.00");

        Api.Response proposed = clerk.post(setup.path() + "/proposals", Map.of("currency", "USD", "dueBy", "2026-03-31", "payOn", "2026-03-05"));
        Map<String, JsonNode> items = new HashMap<>();
        proposed.body().path("items").forEach(item -> items.put(item.path("number").asString(), item));
        assertThat(items.get("A-1").path("credit").decimalValue()).as("oldest invoice first").isEqualByComparingTo("150.00");
        assertThat(items.get("A-1").path("pay").decimalValue()).isEqualByComparingTo("350.00");
        assertThat(items.get("A-2").path("pay").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(proposed.body().path("total").decimalValue()).as("what goes to the bank").isEqualByComparingTo("430.00");
        approver.post(setup.path() + "/proposals/" + proposed.text("id") + "/approval", Map.of());
        Api.Response run = clerk.post(setup.path() + "/proposals/" + proposed.text("id") + "/run", Map.of());
        assertThat(run.body().path("total").decimalValue()).isEqualByComparingTo("430.00");
        assertThat(clerk.get(setup.path() + "/invoices/" + invoice).text("status")).isEqualTo("PAID");

        Map<String, long[]> accounts = trialBalance(43000L);
        assertThat(accounts.getOrDefault("2010", new long[2])).as("accounts payable settled").containsExactly(0L, 0L);
        assertThat(accounts.get("1010")).as("bank").containsExactly(0L, 43000L);
        assertThat(accounts.get("6300")).as("expense: 580.00 invoiced less 150.00 credited").containsExactly(43000L, 0L);
    }

    @Test
    void anInvoicePaidInPartsStaysOpenForTheRestAndTheDatabaseRefusesOverpaying() throws Exception {
        String invoice = approved("A-1", "2026-01-20", "500.00");
        Map<String, Object> tooMuch = Map.of("currency", "USD", "dueBy", "2026-03-31", "payOn", "2026-03-05",
                "parts", List.of(Map.of("invoiceId", invoice, "amount", "500.01")));
        assertThat(clerk.post(setup.path() + "/proposals", tooMuch).text("field")).isEqualTo("parts[0].amount");
        Map<String, Object> unknown = Map.of("currency", "USD", "dueBy", "2026-03-31", "payOn", "2026-03-05",
                "parts", List.of(Map.of("invoiceId", UUID.randomUUID().toString(), "amount", "1.00")));
        assertThat(clerk.post(setup.path() + "/proposals", unknown).text("field")).isEqualTo("parts[0].invoiceId");

        proposeApproveAndRun(Map.of("currency", "USD", "dueBy", "2026-03-31", "payOn", "2026-03-05",
                "parts", List.of(Map.of("invoiceId", invoice, "amount", "200.00"))));
        assertThat(clerk.get(setup.path() + "/invoices/" + invoice).text("status")).as("open for the rest").isEqualTo("APPROVED");
        JsonNode aging = clerk.get(setup.path() + "/reports/aging?asOf=2026-03-06").body();
        assertThat(aging.path("rows").get(0).path("total").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(clerk.get(setup.path() + "/reports/aging?asOf=2026-03-04").body().path("rows").get(0).path("total").decimalValue())
                .as("before the run paid it, all was open").isEqualByComparingTo("500.00");

        Api.Response rest = clerk.post(setup.path() + "/proposals", Map.of("currency", "USD", "dueBy", "2026-03-31", "payOn", "2026-03-09"));
        assertThat(rest.body().path("items").get(0).path("open").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(rest.body().path("items").get(0).path("pay").decimalValue()).isEqualByComparingTo("300.00");
        approver.post(setup.path() + "/proposals/" + rest.text("id") + "/approval", Map.of());
        clerk.post(setup.path() + "/proposals/" + rest.text("id") + "/run", Map.of());
        assertThat(clerk.get(setup.path() + "/invoices/" + invoice).text("status")).isEqualTo("PAID");
        assertThat(clerk.get(setup.path() + "/reports/aging?asOf=2026-03-10").body().path("rows").size()).isZero();

        UUID client = setup.client().id();
        assertThatThrownBy(() -> TenantScope.run(AllowedClients.only(client), () -> transactions.executeWithoutResult(tx -> {
            UUID proposal = UUID.randomUUID();
            UUID run = UUID.randomUUID();
            jdbc.update("insert into payables.proposal (client_id, id, currency, due_by, pay_on, status, total_minor, discount_minor, "
                    + "created_at, created_by, created_email) values (?, ?, 'USD', '2026-03-31', '2026-03-12', 'APPROVED', 1, 0, now(), ?, 'raw')",
                    client, proposal, setup.clerk().id());
            jdbc.update("insert into payables.payment_run (client_id, id, proposal_id, format, file_name, file, paid_on, count, total_minor, "
                    + "created_at, created_by) values (?, ?, ?, 'NACHA', 'raw', '\\x00', '2026-03-12', 1, 1, now(), 'raw')", client, run, proposal);
            jdbc.update("insert into payables.payment (client_id, invoice_id, run_id, amount_minor, discount_minor) values (?, ?, ?, 1, 0)",
                    client, UUID.fromString(invoice), run);
        }))).as("a paid invoice takes no more, whichever run tries").isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("invoice_settled_within_amount");

        Map<String, long[]> accounts = trialBalance(50000L);
        assertThat(accounts.get("1010")).as("two parts from the bank").containsExactly(0L, 50000L);
        assertThat(accounts.getOrDefault("2010", new long[2])).as("the invoice settled").containsExactly(0L, 0L);
        assertThat(accounts.get("6300")).containsExactly(50000L, 0L);
    }

    /** The trial balance once the bank shows the payments (the runs post after their commit). */
    private Map<String, long[]> trialBalance(long bankCredit) throws InterruptedException {
        Map<String, long[]> rows = new HashMap<>();
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode balance = clerk.get("/api/v1/clients/" + setup.client().id() + "/ledger/reports/trial-balance?asOf=2026-12-31").body();
            rows.clear();
            balance.path("rows").forEach(row -> rows.put(row.path("account").asString(),
                    new long[] {row.path("debit").asLong(), row.path("credit").asLong()}));
            if (rows.containsKey("1010") && rows.get("1010")[1] == bankCredit) {
                break;
            }
            Thread.sleep(100);
        }
        return rows;
    }

    static String ublCreditNote(String number, String supplierTaxId, String amount, String invoice) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
                         xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
                  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
                  <cbc:ID>%1$s</cbc:ID>
                  <cbc:IssueDate>2026-02-12</cbc:IssueDate>
                  <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
                  <cbc:DocumentCurrencyCode>USD</cbc:DocumentCurrencyCode>
                  <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>%4$s</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>
                  <cac:AccountingSupplierParty>
                    <cac:Party>
                      <cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>
                      <cac:PartyTaxScheme>
                        <cbc:CompanyID>%2$s</cbc:CompanyID>
                        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
                      </cac:PartyTaxScheme>
                      <cac:PartyLegalEntity><cbc:RegistrationName>Supplier Ltd</cbc:RegistrationName></cac:PartyLegalEntity>
                    </cac:Party>
                  </cac:AccountingSupplierParty>
                  <cac:AccountingCustomerParty>
                    <cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Buyer plc</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party>
                  </cac:AccountingCustomerParty>
                  <cac:LegalMonetaryTotal>
                    <cbc:PayableAmount currencyID="USD">%3$s</cbc:PayableAmount>
                  </cac:LegalMonetaryTotal>
                  <cac:CreditNoteLine>
                    <cbc:ID>1</cbc:ID>
                    <cbc:CreditedQuantity unitCode="EA">1</cbc:CreditedQuantity>
                    <cbc:LineExtensionAmount currencyID="USD">%3$s</cbc:LineExtensionAmount>
                    <cac:Item><cbc:Name>Returned goods</cbc:Name></cac:Item>
                    <cac:Price><cbc:PriceAmount currencyID="USD">%3$s</cbc:PriceAmount></cac:Price>
                  </cac:CreditNoteLine>
                </CreditNote>
                """.formatted(number, supplierTaxId, amount, invoice).strip();
    }
}
