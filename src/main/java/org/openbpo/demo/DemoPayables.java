package org.openbpo.demo;

import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.payables.BankDetails;
import org.openbpo.payables.CaptureCreditNote;
import org.openbpo.payables.CaptureInvoice;
import org.openbpo.payables.CreditNotes;
import org.openbpo.payables.Invoice;
import org.openbpo.payables.InvoiceMails;
import org.openbpo.payables.Invoices;
import org.openbpo.payables.PayablesSetup;
import org.openbpo.payables.PayablesWorkType;
import org.openbpo.payables.PaymentProposals;
import org.openbpo.payables.Proposal;
import org.openbpo.payables.ProposePayments;
import org.openbpo.payables.PurchaseOrder;
import org.openbpo.payables.PurchaseOrders;
import org.openbpo.payables.RaisePurchaseOrder;
import org.openbpo.payables.ReceiveGoods;
import org.openbpo.payables.RegisterVendor;
import org.openbpo.payables.UpdateSettings;
import org.openbpo.payables.Vendor;
import org.openbpo.payables.Vendors;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Users;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkTypes;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Lakeshore Retail's accounts payable as the provider runs it: four vendors (one still waiting
 * for a second person to approve its bank details), orders with a goods receipt, and invoices in
 * every state — matched to an order, an exception for an agent (price over tolerance), waiting
 * for the client's approver, approved, rejected, paid, one paid in part — a vendor's credit note,
 * one payment run made, and a proposal waiting for the client's approval. Its AP mailbox's mail
 * came through the relay: an e-invoice captured, a scanned PDF waiting for an agent to key it in,
 * and an out-of-office reply ignored (the demo has no IMAP server to fetch).
 */
@Component
class DemoPayables {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private final WorkTypes workTypes;
    private final Contracts contracts;
    private final Queues queues;
    private final Users users;
    private final Vendors vendors;
    private final PayablesSetup setup;
    private final PurchaseOrders orders;
    private final Invoices invoices;
    private final CreditNotes creditNotes;
    private final PaymentProposals proposals;
    private final InvoiceMails mails;
    private final Clock clock;

    DemoPayables(WorkTypes workTypes, Contracts contracts, Queues queues, Users users, Vendors vendors, PayablesSetup setup,
                 PurchaseOrders orders, Invoices invoices, CreditNotes creditNotes, PaymentProposals proposals, InvoiceMails mails,
                 Clock clock) {
        this.mails = mails;
        this.workTypes = workTypes;
        this.contracts = contracts;
        this.queues = queues;
        this.users = users;
        this.vendors = vendors;
        this.setup = setup;
        this.orders = orders;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.proposals = proposals;
        this.clock = clock;
    }

    void load(DemoData.DemoClients demo, CurrentUser admin) {
        UUID client = demo.lakeshore().id();
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHICAGO);
        CurrentUser manager = user(null, "ops@openbpo.example", admin);
        CurrentUser karen = user(client, "it.admin@lakeshore.example", admin);

        workTypes.define(client, PayablesWorkType.definition());
        contracts.draft(client, new DraftContract("LR-AP-" + today.getYear(), "Accounts payable", "USD",
                today.withDayOfYear(1), null, CalendarSpec.mondayToFriday("America/Chicago", "08:00-17:00", List.of()),
                List.of(new ServiceLine("accounts-payable", "Accounts payable", ServiceLineKind.ACCOUNTS_PAYABLE, PayablesWorkType.CODE)),
                List.of(new SlaTarget("accounts-payable", Priority.NORMAL, null, 960, null, null, null)), List.of()));
        queues.open(client, new OpenQueue("ap-invoices", "Accounts payable", "accounts-payable", null, null, null));
        setup.update(client, new UpdateSettings(new BigDecimal("2"), BigDecimal.ZERO, 7, "Lakeshore Retail Inc.", "1362817446",
                usBank("071000013", "4455667788"), "JPMORGAN CHASE"), karen);
        setup.setLimit(client, karen.id(), "USD", new BigDecimal("50000"), karen);

        vendor(client, "OFFICEPRO", "Office Pro Supplies", "36-4418822", 30, "2", 10, usBank("021000021", "889012345"), admin, manager);
        vendor(client, "FRESHFARM", "Fresh Farm Produce Co.", "37-1029384", 15, null, null, usBank("026009593", "1200456789"), admin, manager);
        vendor(client, "CITYPOWER", "City Power & Light", "36-0000412", 20, null, null, usBank("011000015", "500300100"), admin, manager);
        // Its bank details wait for a second person: its invoices are held back from proposals.
        vendors.register(client, new RegisterVendor("SWIFTLOG", "Swift Logistics LLC", "38-5566778", List.of("USD"), 45, null, null,
                "billing@swiftlog.example", usBank("121000248", "7788990011")), admin);

        PurchaseOrder produce = orders.raise(client, new RaisePurchaseOrder("PO-4100", "FRESHFARM", "USD", true,
                List.of(new RaisePurchaseOrder.Line("Seasonal produce, cases", new BigDecimal("200"), new BigDecimal("18.50")))), admin);
        orders.receive(client, produce.id(), new ReceiveGoods(1, new BigDecimal("200"), today.minusDays(36)), admin);
        orders.raise(client, new RaisePurchaseOrder("PO-4101", "OFFICEPRO", "USD", false,
                List.of(new RaisePurchaseOrder.Line("Toner cartridges", new BigDecimal("40"), new BigDecimal("62.00")))), admin);

        // Matched to its order and receipt: approved by the order.
        invoice(client, "FRESHFARM", "FF-88213", today.minusDays(35), today.plusDays(10), "3700.00", "PO-4100",
                List.of(new CaptureInvoice.Line("Seasonal produce, cases", new BigDecimal("200"), new BigDecimal("18.50"), 1)), admin);
        // Billed above the order's price beyond the 2% tolerance: an exception for an agent.
        invoice(client, "OFFICEPRO", "OP-5521", today.minusDays(12), null, "2596.00", "PO-4101",
                List.of(new CaptureInvoice.Line("Toner cartridges", new BigDecimal("40"), new BigDecimal("64.90"), 1)), admin);
        // Without orders: each waits for Karen, who approves, rejects or has not decided yet.
        Invoice power = invoice(client, "CITYPOWER", "CP-" + today.minusMonths(1).getMonthValue() + "-EL", today.minusDays(40),
                today.plusDays(5), "8412.37", null, List.of(), admin);
        invoices.approve(client, power.id(), karen);
        invoice(client, "CITYPOWER", "CP-" + today.getMonthValue() + "-EL", today.minusDays(8), null, "7980.15", null, List.of(), admin);
        Invoice wrongShipment = invoice(client, "SWIFTLOG", "SL-3001", today.minusDays(25), null, "1250.00", null, List.of(), admin);
        invoices.reject(client, wrongShipment.id(), "Not our shipment: billed to the Milwaukee store, which Swift does not serve.", karen);
        Invoice freight = invoice(client, "SWIFTLOG", "SL-2990", today.minusDays(30), today.minusDays(2), "610.00", null, List.of(), admin);
        invoices.approve(client, freight.id(), karen);
        Invoice paper = invoice(client, "OFFICEPRO", "OP-5490", today.minusDays(60), today.minusDays(30), "940.00", null, List.of(), admin);
        invoices.approve(client, paper.id(), karen);
        Invoice stock = invoice(client, "FRESHFARM", "FF-88100", today.minusDays(50), today.minusDays(20), "2200.00", null, List.of(), admin);
        invoices.approve(client, stock.id(), karen);

        // The overdue ones paid today: OP-5490 in full, FF-88100 in part (1,200.00 stays open); SL-2990 is held back.
        Proposal overdue = proposals.propose(client, new ProposePayments("USD", today.minusDays(1), today,
                List.of(new ProposePayments.Part(stock.id(), new BigDecimal("1000.00")))), admin);
        proposals.approve(client, overdue.id(), karen);
        proposals.run(client, overdue.id(), admin);

        creditNotes.capture(client, new CaptureCreditNote("CITYPOWER", "CN-" + today.minusMonths(1).getMonthValue() + "-EL",
                today.minusDays(6), "USD", new BigDecimal("150.00"), power.number(), "Meter misread at the Evanston store"), admin);
        // What falls due in the next two weeks, less City Power's credit: waiting for Karen's approval.
        proposals.propose(client, new ProposePayments("USD", today.plusDays(14), today.plusDays(1)), admin);

        mail(client, "ap@officepro.example", "Invoice OP-5600", "OP-5600.xml", "application/xml",
                ubl("OP-5600", "36-4418822", today.minusDays(2), today.plusDays(28)).getBytes(StandardCharsets.UTF_8));
        mail(client, "billing@freshfarm.example", "Scanned invoice FF-88290", "FF-88290.pdf", "application/pdf",
                pdf("Fresh Farm Produce Co. - Invoice FF-88290", "Seasonal produce, 60 cases at 18.50: USD 1,110.00"));
        mail(client, "ap@citypower.example", "Automatic reply: out of office", null, null, null);
    }

    /** A vendor's message handed in as a relay would; {@code file} null for a message without attachment. */
    private void mail(UUID client, String from, String subject, @org.jspecify.annotations.Nullable String filename,
                      @org.jspecify.annotations.Nullable String type, byte @org.jspecify.annotations.Nullable [] file) {
        StringBuilder mail = new StringBuilder("From: " + from + "\nTo: ap@lakeshore.example\nSubject: " + subject
                + "\nMessage-ID: <" + subject.replaceAll("\\W", "") + "@demo.openbpo.example>\nMIME-Version: 1.0\n");
        if (file == null) {
            mail.append("Auto-Submitted: auto-replied\nContent-Type: text/plain\n\nI am out of the office until Monday.\n");
        } else {
            mail.append("Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nPlease find our invoice attached.\n")
                    .append("--b\nContent-Type: ").append(type).append("\nContent-Disposition: attachment; filename=\"").append(filename)
                    .append("\"\nContent-Transfer-Encoding: base64\n\n").append(Base64.getMimeEncoder().encodeToString(file))
                    .append("\n--b--\n");
        }
        byte[] raw = mail.toString().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        mails.receive(client, raw, raw.length, "RELAY");
    }

    private static byte[] pdf(String title, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(title));
        document.add(new Paragraph(line));
        document.close();
        return out.toByteArray();
    }

    private static String ubl(String number, String supplierTaxId, LocalDate issued, LocalDate due) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                         xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
                  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
                  <cbc:ID>%s</cbc:ID>
                  <cbc:IssueDate>%s</cbc:IssueDate>
                  <cbc:DueDate>%s</cbc:DueDate>
                  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
                  <cbc:DocumentCurrencyCode>USD</cbc:DocumentCurrencyCode>
                  <cac:AccountingSupplierParty><cac:Party>
                    <cbc:EndpointID schemeID="9959">364418822</cbc:EndpointID>
                    <cac:PartyTaxScheme><cbc:CompanyID>%s</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Office Pro Supplies</cbc:RegistrationName></cac:PartyLegalEntity>
                  </cac:Party></cac:AccountingSupplierParty>
                  <cac:AccountingCustomerParty><cac:Party>
                    <cbc:EndpointID schemeID="9959">136281744</cbc:EndpointID>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Lakeshore Retail Inc.</cbc:RegistrationName></cac:PartyLegalEntity>
                  </cac:Party></cac:AccountingCustomerParty>
                  <cac:TaxTotal><cbc:TaxAmount currencyID="USD">0.00</cbc:TaxAmount></cac:TaxTotal>
                  <cac:LegalMonetaryTotal>
                    <cbc:LineExtensionAmount currencyID="USD">312.00</cbc:LineExtensionAmount>
                    <cbc:TaxExclusiveAmount currencyID="USD">312.00</cbc:TaxExclusiveAmount>
                    <cbc:TaxInclusiveAmount currencyID="USD">312.00</cbc:TaxInclusiveAmount>
                    <cbc:PayableAmount currencyID="USD">312.00</cbc:PayableAmount>
                  </cac:LegalMonetaryTotal>
                  <cac:InvoiceLine>
                    <cbc:ID>1</cbc:ID>
                    <cbc:InvoicedQuantity unitCode="EA">24</cbc:InvoicedQuantity>
                    <cbc:LineExtensionAmount currencyID="USD">312.00</cbc:LineExtensionAmount>
                    <cac:Item><cbc:Name>Copier paper, boxes</cbc:Name></cac:Item>
                    <cac:Price><cbc:PriceAmount currencyID="USD">13.00</cbc:PriceAmount></cac:Price>
                  </cac:InvoiceLine>
                </Invoice>
                """.formatted(number, issued, due, supplierTaxId).strip();
    }

    private void vendor(UUID client, String code, String name, String taxId, int terms, String discountPercent, Integer discountDays,
                        BankDetails bank, CurrentUser by, CurrentUser second) {
        Vendor vendor = vendors.register(client, new RegisterVendor(code, name, taxId, List.of("USD"), terms,
                discountPercent == null ? null : new BigDecimal(discountPercent), discountDays,
                "ap@" + code.toLowerCase() + ".example", bank), by);
        vendors.decideBankChange(client, vendor.id(), vendor.pendingBankChange(), true, second);
    }

    private Invoice invoice(UUID client, String vendor, String number, LocalDate date, LocalDate due, String total, String order,
                            List<CaptureInvoice.Line> lines, CurrentUser by) {
        return invoices.capture(client, new CaptureInvoice(vendor, number, date, due, "USD", new BigDecimal(total), null, order, null,
                lines), by);
    }

    private CurrentUser user(UUID client, String email, CurrentUser admin) {
        return DemoUsers.find(users, client, email, admin);
    }

    private static BankDetails usBank(String routing, String account) {
        return new BankDetails(BankDetails.Scheme.US, null, null, null, routing, account, false);
    }
}
