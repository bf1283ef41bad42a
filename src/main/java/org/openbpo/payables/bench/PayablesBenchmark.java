package org.openbpo.payables.bench;

import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.payables.BankDetails;
import org.openbpo.payables.InvoiceImports;
import org.openbpo.payables.Invoices;
import org.openbpo.payables.PayablesSetup;
import org.openbpo.payables.PayablesWorkType;
import org.openbpo.payables.PaymentProposals;
import org.openbpo.payables.PaymentRun;
import org.openbpo.payables.Proposal;
import org.openbpo.payables.ProposePayments;
import org.openbpo.payables.PurchaseOrder;
import org.openbpo.payables.RegisterVendor;
import org.openbpo.payables.UpdateSettings;
import org.openbpo.payables.Vendor;
import org.openbpo.payables.Vendors;
import org.openbpo.payables.persistence.OrderRows;
import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Benchmark;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.ProviderBootstrap;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkTypes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * {@code ./openbpo bench payables}: N invoices (default 100,000) against N purchase orders, half of
 * them needing goods receipts, captured from CSV files of {@code chunk} rows through the import a
 * clerk uses (every row checked, duplicates looked for, each invoice matched two or three ways),
 * a share of them off in price so they become exception work items; then one payment proposal
 * for everything approved, the client's approval and the payment run writing one NACHA file.
 * Options: invoices, vendors, chunk, exceptionPercent.
 */
@Component
class PayablesBenchmark implements Benchmark {

    private final Clients clients;
    private final Users users;
    private final ProviderBootstrap bootstrap;
    private final WorkTypes workTypes;
    private final Contracts contracts;
    private final Queues queues;
    private final Vendors vendors;
    private final PayablesSetup setup;
    private final OrderRows orders;
    private final InvoiceImports imports;
    private final PaymentProposals proposals;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PayablesBenchmark(Clients clients, Users users, ProviderBootstrap bootstrap, WorkTypes workTypes, Contracts contracts,
                      Queues queues, Vendors vendors, PayablesSetup setup, OrderRows orders, InvoiceImports imports,
                      PaymentProposals proposals, TransactionTemplate transactions, Clock clock) {
        this.clients = clients;
        this.users = users;
        this.bootstrap = bootstrap;
        this.workTypes = workTypes;
        this.contracts = contracts;
        this.queues = queues;
        this.vendors = vendors;
        this.setup = setup;
        this.orders = orders;
        this.imports = imports;
        this.proposals = proposals;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "payables";
    }

    @Override
    public Map<String, String> smallest() {
        return Map.of("invoices", "400", "vendors", "20", "chunk", "200");
    }

    @Override
    public String description() {
        return "invoices captured from CSV, matched two/three ways, proposed for payment and paid in one NACHA file";
    }

    @Override
    public BenchReport run(BenchOptions options) throws Exception {
        int size = options.integer("invoices", 100_000);
        int vendorCount = Math.max(1, Math.min(options.integer("vendors", 200), size));
        int chunk = options.integer("chunk", 10_000);
        int exceptionPercent = options.integer("exceptionPercent", 1);
        BenchReport report = new BenchReport(name()).parameter("invoices", size).parameter("vendors", vendorCount)
                .parameter("rows per CSV file", chunk).parameter("exceptions", exceptionPercent + "%")
                .parameter("load average before", loadAverage());

        CurrentUser admin = TenantScope.call(AllowedClients.ALL, () -> bootstrap.firstAdministrator("bench-admin@provider.test",
                "Bench Administrator", "bench password 2026"));
        Client client = TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient("BENCH-AP", "Bench AP",
                "Bench AP Inc", "US", "America/Chicago", "USD", ClientStatus.ACTIVE)));
        UUID id = client.id();
        CurrentUser clerk = person(admin, null, "bench-clerk@provider.test", Role.AGENT, id);
        CurrentUser checker = person(admin, null, "bench-checker@provider.test", Role.AGENT, id);
        CurrentUser approver = person(admin, id, "bench-approver@client.test", Role.APPROVER, id);
        LocalDate today = LocalDate.ofInstant(clock.instant(), client.timeZone());
        List<Vendor> list = TenantScope.call(AllowedClients.only(id), () -> {
            workTypes.define(id, PayablesWorkType.definition());
            contracts.draft(id, new DraftContract("MSA-BENCH", "Accounts payable", "USD", today.minusYears(1), null,
                    CalendarSpec.mondayToFriday("America/Chicago", "09:00-17:00", List.of()),
                    List.of(new ServiceLine("accounts-payable", "Accounts payable", ServiceLineKind.ACCOUNTS_PAYABLE, PayablesWorkType.CODE)),
                    List.of(new SlaTarget("accounts-payable", Priority.NORMAL, null, 960, null, null, null)), List.of()));
            queues.open(id, new OpenQueue("ap", "Accounts payable", "accounts-payable", null, null, null));
            setup.update(id, new UpdateSettings(new BigDecimal("2"), BigDecimal.ZERO, 7, "Bench AP Inc", "1234567890",
                    new BankDetails(BankDetails.Scheme.US, null, null, null, "091000019", "7700123", false), "FIRST BANK"), admin);
            List<Vendor> made = new ArrayList<>();
            for (int v = 0; v < vendorCount; v++) {
                Vendor vendor = vendors.register(id, new RegisterVendor("V" + v, "Vendor " + v + " Supplies", "TAX" + v, List.of("USD"),
                        30, new BigDecimal("2"), 10, null, new BankDetails(BankDetails.Scheme.US, null, null, null, "021000021",
                        Long.toString(100_000 + v), false)), clerk);
                vendors.decideBankChange(id, vendor.id(), vendor.pendingBankChange(), true, checker);
                made.add(vendor);
            }
            return made;
        });

        // Purchase orders (not measured): one line each, every second one received and so matched three ways.
        SplittableRandom random = new SplittableRandom(42);
        List<PurchaseOrder> placed = new ArrayList<>();
        long[] cents = new long[size];
        int[] quantities = new int[size];
        for (int i = 0; i < size; i++) {
            Vendor vendor = list.get(i % vendorCount);
            quantities[i] = 1 + random.nextInt(20);
            cents[i] = 1_000 + i; // distinct prices, so only the planted exceptions look like duplicates
            boolean threeWay = i % 2 == 0;
            BigDecimal quantity = BigDecimal.valueOf(quantities[i]);
            placed.add(new PurchaseOrder(Ids.next(), "PO-" + i, vendor.id(), "USD", threeWay, clock.instant(), List.of(
                    new PurchaseOrder.Line(1, "Goods " + i, quantity, BigDecimal.valueOf(cents[i], 2), null,
                            threeWay ? quantity : BigDecimal.ZERO, BigDecimal.ZERO))));
        }
        for (int from = 0; from < size; from += 20_000) {
            List<PurchaseOrder> slice = placed.subList(from, Math.min(size, from + 20_000));
            TenantScope.run(AllowedClients.only(id), () -> transactions.executeWithoutResult(tx -> orders.insertAll(id, slice)));
        }
        placed.clear();

        // Capture and match, from CSV files as a clerk would send them.
        List<byte[]> files = new ArrayList<>();
        for (int from = 0; from < size; from += chunk) {
            StringBuilder csv = new StringBuilder("vendor,number,date,currency,total,purchase_order,order_line,quantity,unit_price\n");
            for (int i = from; i < Math.min(size, from + chunk); i++) {
                long unit = cents[i];
                if (exceptionPercent > 0 && i % (100 / exceptionPercent) == 7) {
                    unit = unit + Math.max(1, unit / 10); // 10% over the ordered price: an exception
                }
                long total = unit * quantities[i];
                csv.append("V").append(i % vendorCount).append(",INV-").append(i).append(',').append(today.minusDays(i % 20))
                        .append(",USD,").append(BigDecimal.valueOf(total, 2).toPlainString()).append(",PO-").append(i).append(",1,")
                        .append(quantities[i]).append(',').append(BigDecimal.valueOf(unit, 2).toPlainString()).append('\n');
            }
            files.add(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        int approved = 0;
        int exceptions = 0;
        long started = System.nanoTime();
        for (byte[] file : files) {
            Invoices.Captured captured = TenantScope.call(AllowedClients.only(id), () -> imports.sheet(id, file, false, clerk));
            approved += captured.approved();
            exceptions += captured.exceptions();
        }
        double captureSeconds = (System.nanoTime() - started) / 1e9;
        report.figure("capture + match: invoices", size, "invoices")
                .figure("capture + match: approved by their orders", approved, "invoices")
                .figure("capture + match: exception work items raised", exceptions, "items")
                .figure("capture + match: time", captureSeconds, "s")
                .figure("capture + match: throughput", size / captureSeconds, "invoices/s");

        started = System.nanoTime();
        Proposal proposal = TenantScope.call(AllowedClients.only(id), () -> proposals.propose(id,
                new ProposePayments("USD", today.plusDays(60), today), clerk));
        double proposeSeconds = (System.nanoTime() - started) / 1e9;
        report.note("proposal: early-payment discounts taken USD " + proposal.discount().toPlainString());
        report.figure("proposal: invoices proposed", proposal.items().size(), "invoices")
                .figure("proposal: time", proposeSeconds, "s")
                .figure("proposal: throughput", proposal.items().size() / proposeSeconds, "invoices/s");

        started = System.nanoTime();
        PaymentRun run = TenantScope.call(AllowedClients.only(id), () -> {
            proposals.approve(id, proposal.id(), approver);
            return proposals.run(id, proposal.id(), clerk);
        });
        double runSeconds = (System.nanoTime() - started) / 1e9;
        byte[] file = TenantScope.call(AllowedClients.only(id), () -> proposals.file(id, run.id(), clerk));
        Path written = Files.createTempFile("openbpo-bench-payables", ".ach");
        Files.write(written, file);
        report.figure("payment run: payments in the NACHA file", run.count(), "payments")
                .figure("payment run: file size", file.length / 1024.0, "KiB")
                .figure("payment run: time (approve + run)", runSeconds, "s")
                .figure("payment run: throughput", run.count() / runSeconds, "payments/s")
                .figure("capture, match, propose and pay: overall", size / (captureSeconds + proposeSeconds + runSeconds), "invoices/s")
                .parameter("load average after", loadAverage())
                .note("NACHA file written to " + written + "; the machine is shared, so the load average is part of the figure.");
        return report;
    }

    private CurrentUser person(CurrentUser admin, @org.jspecify.annotations.Nullable UUID clientId, String email, Role role, UUID client) {
        return TenantScope.call(AllowedClients.ALL, () -> CurrentUser.of(users.invite(new InviteUser(clientId, email, email,
                "bench password 2026", Set.of(role), false, clientId == null ? Set.of(client) : null), admin)));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
