package org.openbpo.ledger.bench;

import org.openbpo.billing.DefinePricePlan;
import org.openbpo.billing.Invoice;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.Metering;
import org.openbpo.billing.PricePlans;
import org.openbpo.billing.Pricing;
import org.openbpo.billing.RecordUsage;
import org.openbpo.billing.Tier;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.work.WorkTypes;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.ledger.HouseBook;
import org.openbpo.ledger.Reports;
import org.openbpo.ledger.TrialBalance;
import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Benchmark;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.ProviderBootstrap;
import org.openbpo.tenancy.RegisterClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * {@code ./openbpo bench receivables}: N clients' invoices of a month issued at once, then posted by
 * the ledger's listener to the provider's own books (the house), one entry per invoice through the
 * event publication registry. Measures the issue (which now also publishes the events) and how fast
 * the postings follow; checks that every client's receivable in the house's trial balance equals its
 * invoice's total exactly and that there is one entry per invoice.
 */
@Component
class ReceivablesBenchmark implements Benchmark {

    private static final LocalDate MONTH = LocalDate.of(2026, 3, 1);

    private final Clients clients;
    private final Contracts contracts;
    private final WorkTypes workTypes;
    private final PricePlans plans;
    private final Metering metering;
    private final Invoicing invoicing;
    private final HouseBook house;
    private final Reports reports;
    private final ProviderBootstrap bootstrap;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ReceivablesBenchmark(Clients clients, Contracts contracts, PricePlans plans, Metering metering, Invoicing invoicing,
                         HouseBook house, Reports reports, ProviderBootstrap bootstrap, JdbcClient jdbc,
                         TransactionTemplate transactions, WorkTypes workTypes) {
        this.workTypes = workTypes;
        this.clients = clients;
        this.contracts = contracts;
        this.plans = plans;
        this.metering = metering;
        this.invoicing = invoicing;
        this.house = house;
        this.reports = reports;
        this.bootstrap = bootstrap;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "receivables";
    }

    @Override
    public Map<String, String> smallest() {
        return Map.of("clients", "8");
    }

    @Override
    public String description() {
        return "N clients' invoices issued at once and posted to the provider's own books; receivables checked to the cent";
    }

    @Override
    public BenchReport run(BenchOptions options) throws Exception {
        int clientCount = options.integer("clients", 1_000);
        int timeoutSeconds = options.integer("timeout", 600);
        BenchReport report = new BenchReport(name()).parameter("clients", clientCount).parameter("month", "2026-03")
                .parameter("cores", Runtime.getRuntime().availableProcessors());
        String run = Long.toString(System.nanoTime() % 100_000, 36).toUpperCase(Locale.ROOT);
        long started = System.nanoTime();
        CurrentUser admin = TenantScope.call(AllowedClients.ALL, () -> bootstrap.firstAdministrator("bench-admin@openbpo.example",
                "Bench administrator", "bench administrator password"));
        UUID houseId = house.house().orElseGet(() -> TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> {
            UUID id = clients.register(new RegisterClient("BH" + run, "Bench provider (house)", "Bench Provider Ltd", "GB",
                    "Europe/London", "GBP", ClientStatus.ACTIVE)).id();
            house.designate(id, "US_GAAP", "GBP", admin);
            return id;
        })));
        SplittableRandom random = new SplittableRandom(7);
        List<UUID> ids = new ArrayList<>();
        Map<UUID, String> codes = new HashMap<>();
        for (int i = 0; i < clientCount; i++) {
            String code = "BR" + run + i;
            int tickets = 1 + random.nextInt(5_000);
            UUID id = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> {
                UUID client = clients.register(new RegisterClient(code, "Receivables client " + code, code + " Ltd", "GB",
                        "Europe/London", "GBP", ClientStatus.ACTIVE)).id();
                workTypes.adoptTemplate(client, "support-ticket"); // a contract names work types the client has
                Contract contract = contracts.draft(client, new DraftContract("MSA-" + code, "Support", "GBP", LocalDate.of(2026, 1, 1),
                        null, CalendarSpec.mondayToFriday("Europe/London", "09:00-17:30", List.of()),
                        List.of(new ServiceLine("support", "Support", ServiceLineKind.CUSTOMER_SUPPORT, "support-ticket")),
                        List.of(), List.of()));
                plans.define(client, new DefinePricePlan(contract.id(), "support", LocalDate.of(2026, 1, 1), null, "ticket",
                        Pricing.GRADUATED, List.of(new Tier(null, new BigDecimal("2.13"))), new BigDecimal("50.00"), null, null, null,
                        null, null, null, false, "VAT", new BigDecimal("20"), null));
                metering.record(client, new RecordUsage("support", "ticket", BigDecimal.valueOf(tickets), "2026-03", null, "bench-" + code));
                return client;
            }));
            ids.add(id);
            codes.put(id, code);
        }
        report.figure("set-up: clients, contracts, plans, usage", (System.nanoTime() - started) / 1e9, "s");

        started = System.nanoTime();
        TenantScope.call(AllowedClients.ALL, () -> invoicing.closeMonth(ids, MONTH));
        double reviewSeconds = (System.nanoTime() - started) / 1e9;
        long issueStarted = System.nanoTime();
        int issued = TenantScope.call(AllowedClients.ALL, () -> invoicing.issueMonth(ids, MONTH));
        double issueSeconds = (System.nanoTime() - issueStarted) / 1e9;
        long postingStarted = System.nanoTime();
        long posted = 0;
        long deadline = postingStarted + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            posted = TenantScope.call(AllowedClients.only(houseId), () -> transactions.execute(tx -> jdbc.sql(
                    "select count(*) from ledger.entry where client_id = ? and source = 'CLIENT_INVOICE' and entry_date >= ?")
                    .params(houseId, java.sql.Date.valueOf(MONTH)).query(Long.class).single()));
            if (posted >= issued) {
                break;
            }
            Thread.sleep(50);
        }
        double postingSeconds = (System.nanoTime() - postingStarted) / 1e9;
        report.figure("month end: close, rate, review", reviewSeconds, "s")
                .figure("month end: issue (numbers, events, mail queue)", issueSeconds, "s")
                .figure("invoices issued", issued, "invoices")
                .figure("posted to the house book after the issue committed", postingSeconds, "s")
                .figure("posting throughput", posted / postingSeconds, "invoices/s")
                .figure("entries posted", posted, "entries");

        Map<String, Long> owed = new HashMap<>();
        TenantScope.run(AllowedClients.ALL, () -> {
            for (UUID id : ids) {
                for (Invoice invoice : invoicing.of(id, MONTH, true, 10)) {
                    owed.merge("AR-" + codes.get(id), invoice.total().movePointRight(2).longValueExact(), Long::sum);
                }
            }
        });
        TrialBalance balance = TenantScope.call(AllowedClients.only(houseId), () -> reports.trialBalance(houseId, MONTH.plusYears(10)));
        long matching = balance.rows().stream().filter(r -> owed.containsKey(r.account())
                && owed.get(r.account()) == r.debit() - r.credit()).count();
        report.figure("check: receivables equal to their invoice's total", matching, "clients");
        report.check(matching == clientCount && posted == issued, matching == clientCount && posted == issued
                ? "every client's receivable equals its invoice to the cent; one entry per invoice"
                : matching + " of " + clientCount + " receivables match, " + posted + " of " + issued + " posted");
        report.note("each client: 50.00 a month plus 2.13 a ticket (1 to 5,000 tickets), VAT 20%; the house keeps GBP books");
        return report;
    }
}
