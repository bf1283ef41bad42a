package org.openbpo.payables.bench;

import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.payables.InvoiceMailStatus;
import org.openbpo.payables.InvoiceMails;
import org.openbpo.payables.PayablesWorkType;
import org.openbpo.payables.RegisterVendor;
import org.openbpo.payables.Vendors;
import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.PhaseCost;
import org.openbpo.shared.bench.Benchmark;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.ProviderBootstrap;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./openbpo bench payables-mail}: N vendor messages (default 5,000) handed to a client's AP
 * mailbox one by one as a relay or the poller does — half with a UBL e-invoice (captured, matched,
 * raising an approval work item), four in ten with only a PDF (a draft and a work item to key it
 * in), one in ten an auto-reply — then the first tenth handed in again, which must change nothing.
 * Reports messages/s and, less load-dependent, CPU and statements per message.
 * Options: messages, vendors, statements (list the N most frequent statements).
 */
@Component
class InvoiceMailBenchmark implements Benchmark {

    private final Clients clients;
    private final ProviderBootstrap bootstrap;
    private final WorkTypes workTypes;
    private final Contracts contracts;
    private final Queues queues;
    private final Vendors vendors;
    private final InvoiceMails mails;
    private final PhaseCost meter;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InvoiceMailBenchmark(Clients clients, ProviderBootstrap bootstrap, WorkTypes workTypes, Contracts contracts, Queues queues,
                         Vendors vendors, InvoiceMails mails, PhaseCost meter, JdbcClient jdbc, TransactionTemplate transactions,
                         Clock clock) {
        this.clients = clients;
        this.bootstrap = bootstrap;
        this.workTypes = workTypes;
        this.contracts = contracts;
        this.queues = queues;
        this.vendors = vendors;
        this.mails = mails;
        this.meter = meter;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "payables-mail";
    }

    @Override
    public Map<String, String> smallest() {
        return Map.of("messages", "100", "vendors", "10");
    }

    @Override
    public String description() {
        return "vendor mail to an AP mailbox: e-invoices captured, PDFs made drafts to key in, auto-replies ignored, repeats recognised";
    }

    @Override
    public BenchReport run(BenchOptions options) throws Exception {
        int size = options.integer("messages", 5_000);
        int vendorCount = Math.max(1, Math.min(options.integer("vendors", 100), size));
        int list = options.integer("statements", 0);
        BenchReport report = new BenchReport(name()).parameter("messages", size).parameter("vendors", vendorCount)
                .parameter("cores", Runtime.getRuntime().availableProcessors()).parameter("load average before", loadAverage());

        CurrentUser admin = TenantScope.call(AllowedClients.ALL, () -> bootstrap.firstAdministrator("bench-admin@provider.test",
                "Bench Administrator", "bench password 2026"));
        Client client = TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient("BENCH-APMAIL", "Bench AP Mail",
                "Bench AP Mail Inc", "US", "America/Chicago", "USD", ClientStatus.ACTIVE)));
        UUID id = client.id();
        LocalDate today = LocalDate.ofInstant(clock.instant(), client.timeZone());
        TenantScope.run(AllowedClients.only(id), () -> {
            workTypes.define(id, PayablesWorkType.definition());
            contracts.draft(id, new DraftContract("MSA-APMAIL", "Accounts payable", "USD", today.minusYears(1), null,
                    CalendarSpec.mondayToFriday("America/Chicago", "09:00-17:00", List.of()),
                    List.of(new ServiceLine("accounts-payable", "Accounts payable", ServiceLineKind.ACCOUNTS_PAYABLE, PayablesWorkType.CODE)),
                    List.of(new SlaTarget("accounts-payable", Priority.NORMAL, null, 960, null, null, null)), List.of()));
            queues.open(id, new OpenQueue("ap", "Accounts payable", "accounts-payable", null, null, null));
            for (int v = 0; v < vendorCount; v++) {
                vendors.register(id, new RegisterVendor("V" + v, "Vendor " + v, "TAX" + v, List.of("USD"), 30, null, null, null, null), admin);
            }
        });

        byte[] pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        List<byte[]> messages = new ArrayList<>(size);
        int ubl = 0;
        int pdfs = 0;
        for (int i = 0; i < size; i++) {
            int kind = i % 10;
            String from = "billing@v" + (i % vendorCount) + ".example";
            if (kind < 5) {
                ubl++;
                messages.add(mail(from, "Invoice M-" + i, i, "M-" + i + ".xml", "application/xml",
                        ubl("M-" + i, "TAX" + (i % vendorCount), today, BigDecimal.valueOf(1_000 + i, 2)).getBytes(StandardCharsets.UTF_8)));
            } else if (kind < 9) {
                pdfs++;
                messages.add(mail(from, "Scanned invoice " + i, i, "scan-" + i + ".pdf", "application/pdf", pdf));
            } else {
                messages.add(mail(from, "Out of office", i, null, null, null));
            }
        }

        meter.measure("hand in", size, list, report, () -> {
            TenantScope.run(AllowedClients.only(id), () -> messages.forEach(raw -> mails.receive(id, raw, raw.length, "RELAY")));
            return null;
        });
        int repeats = Math.max(1, size / 10);
        meter.measure("the same messages again", repeats, 0, report, () -> {
            TenantScope.run(AllowedClients.only(id), () -> messages.subList(0, repeats).forEach(raw -> mails.receive(id, raw, raw.length, "RELAY")));
            return null;
        });

        Map<InvoiceMailStatus, Long> outcomes = new EnumMap<>(InvoiceMailStatus.class);
        long[] counts = new long[3];
        TenantScope.run(AllowedClients.only(id), () -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("select status, count(*) from payables.inbound_mail where client_id = ? group by status").param(id)
                    .query((rs, n) -> outcomes.put(InvoiceMailStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
            counts[0] = jdbc.sql("select count(*) from payables.invoice where client_id = ?").param(id).query(Long.class).single();
            counts[1] = jdbc.sql("select count(*) from work.work_item where client_id = ? and title like 'Key in%'").param(id)
                    .query(Long.class).single();
            counts[2] = jdbc.sql("select count(*) from payables.inbound_mail where client_id = ?").param(id).query(Long.class).single();
        }));
        report.figure("messages stored", counts[2], "messages")
                .figure("invoices captured (expected " + ubl + ")", counts[0], "invoices")
                .figure("drafts with a work item (expected " + pdfs + ")", counts[1], "items")
                .note("outcomes: " + outcomes)
                .parameter("load average after", loadAverage())
                .note("The machine is shared with other builds and tests: the load average is part of the figure; CPU and statements "
                        + "per message depend less on it.");
        report.check(counts[0] == ubl && counts[1] == pdfs && counts[2] == size, "every message stored once, each e-invoice "
                + "captured once and each PDF made one draft with its work item (none lost, none acted on twice)");
        return report;
    }

    private static byte[] mail(String from, String subject, int n, @org.jspecify.annotations.Nullable String filename,
                               @org.jspecify.annotations.Nullable String type, byte @org.jspecify.annotations.Nullable [] file) {
        StringBuilder mail = new StringBuilder("From: " + from + "\nTo: ap@bench.example\nSubject: " + subject
                + "\nMessage-ID: <bench-" + n + "@ap.example>\nMIME-Version: 1.0\n");
        if (file == null) {
            mail.append("Auto-Submitted: auto-replied\nContent-Type: text/plain\n\nOut of the office.\n");
        } else {
            mail.append("Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nOur invoice.\n--b\nContent-Type: ")
                    .append(type).append("\nContent-Disposition: attachment; filename=\"").append(filename)
                    .append("\"\nContent-Transfer-Encoding: base64\n\n").append(Base64.getMimeEncoder().encodeToString(file)).append("\n--b--\n");
        }
        return mail.toString().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String ubl(String number, String taxId, LocalDate issued, BigDecimal amount) {
        String a = amount.toPlainString();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                         xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
                  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
                  <cbc:ID>%1$s</cbc:ID>
                  <cbc:IssueDate>%2$s</cbc:IssueDate>
                  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
                  <cbc:DocumentCurrencyCode>USD</cbc:DocumentCurrencyCode>
                  <cac:AccountingSupplierParty><cac:Party>
                    <cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>
                    <cac:PartyTaxScheme><cbc:CompanyID>%3$s</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Supplier</cbc:RegistrationName></cac:PartyLegalEntity>
                  </cac:Party></cac:AccountingSupplierParty>
                  <cac:AccountingCustomerParty><cac:Party>
                    <cbc:EndpointID schemeID="0088">7300010000002</cbc:EndpointID>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Bench AP Mail Inc</cbc:RegistrationName></cac:PartyLegalEntity>
                  </cac:Party></cac:AccountingCustomerParty>
                  <cac:TaxTotal><cbc:TaxAmount currencyID="USD">0.00</cbc:TaxAmount></cac:TaxTotal>
                  <cac:LegalMonetaryTotal>
                    <cbc:LineExtensionAmount currencyID="USD">%4$s</cbc:LineExtensionAmount>
                    <cbc:TaxExclusiveAmount currencyID="USD">%4$s</cbc:TaxExclusiveAmount>
                    <cbc:TaxInclusiveAmount currencyID="USD">%4$s</cbc:TaxInclusiveAmount>
                    <cbc:PayableAmount currencyID="USD">%4$s</cbc:PayableAmount>
                  </cac:LegalMonetaryTotal>
                  <cac:InvoiceLine>
                    <cbc:ID>1</cbc:ID>
                    <cbc:InvoicedQuantity unitCode="EA">1</cbc:InvoicedQuantity>
                    <cbc:LineExtensionAmount currencyID="USD">%4$s</cbc:LineExtensionAmount>
                    <cac:Item><cbc:Name>Goods</cbc:Name></cac:Item>
                    <cac:Price><cbc:PriceAmount currencyID="USD">%4$s</cbc:PriceAmount></cac:Price>
                  </cac:InvoiceLine>
                </Invoice>
                """.formatted(number, issued, taxId, a).strip();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
