package org.openbpo.billing.bench;

import org.openbpo.billing.DefinePricePlan;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.PricePlans;
import org.openbpo.billing.Pricing;
import org.openbpo.billing.Tier;
import org.openbpo.billing.persistence.UsageCopy;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.work.WorkTypes;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Benchmark;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.RegisterClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * {@code ./openbpo bench billing}: a month of usage for many clients, loaded with COPY, then month
 * end as the provider runs it: every client's month closed, rated set-based (one pass over the
 * month's usage) into invoices put up for review, and all of them issued with gap-free numbers.
 * Afterwards every invoice is checked against the usage: quantities and record counts exactly
 * equal, totals equal to the sum of their lines, and the flat-priced clients' subtotals recomputed
 * independently in SQL.
 */
@Component
class BillingBenchmark implements Benchmark {

    private static final LocalDate MONTH = LocalDate.of(2026, 3, 1);
    private static final List<Tier> TIERS = List.of(new Tier(new BigDecimal("5000"), new BigDecimal("2.50")),
            new Tier(new BigDecimal("20000"), new BigDecimal("2.00")), new Tier(null, new BigDecimal("1.60")));

    private final Clients clients;
    private final Contracts contracts;
    private final WorkTypes workTypes;
    private final PricePlans plans;
    private final Invoicing invoicing;
    private final UsageCopy usageCopy;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    BillingBenchmark(Clients clients, Contracts contracts, PricePlans plans, Invoicing invoicing, UsageCopy usageCopy,
                     JdbcClient jdbc, TransactionTemplate transactions, WorkTypes workTypes) {
        this.workTypes = workTypes;
        this.clients = clients;
        this.contracts = contracts;
        this.plans = plans;
        this.invoicing = invoicing;
        this.usageCopy = usageCopy;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "billing";
    }

    @Override
    public Map<String, String> smallest() {
        return Map.of("clients", "8", "records", "4000");
    }

    @Override
    public String description() {
        return "a month of usage for N clients (COPY), closed, rated and invoiced set-based, checked against the usage";
    }

    @Override
    public BenchReport run(BenchOptions options) {
        int clientCount = options.integer("clients", 1_000);
        int records = options.integer("records", 10_000_000);
        BenchReport report = new BenchReport(name()).parameter("clients", clientCount).parameter("usage records", records)
                .parameter("month", MONTH.toString().substring(0, 7))
                .parameter("cores", Runtime.getRuntime().availableProcessors());

        long started = System.nanoTime();
        List<UUID> ids = new ArrayList<>();
        List<UUID> flat = new ArrayList<>();
        String run = Long.toString(System.nanoTime() % 100_000, 36).toUpperCase(Locale.ROOT);
        for (int i = 0; i < clientCount; i++) {
            UUID id = client(run, i);
            ids.add(id);
            if (i % 4 == 0) {
                flat.add(id);
            }
        }
        report.figure("set-up: clients, contracts, price plans", (System.nanoTime() - started) / 1e9, "s");

        started = System.nanoTime();
        long copied = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> usageCopy.copy(usage(ids, records))));
        double copySeconds = (System.nanoTime() - started) / 1e9;
        report.figure("COPY usage: time", copySeconds, "s").figure("COPY usage: throughput", copied / copySeconds, "records/s");
        TenantScope.run(AllowedClients.ALL, () -> jdbc.sql("analyze billing.usage_record").update());

        started = System.nanoTime();
        int reviewed = TenantScope.call(AllowedClients.ALL, () -> invoicing.closeMonth(ids, MONTH));
        double rateSeconds = (System.nanoTime() - started) / 1e9;
        long issueStarted = System.nanoTime();
        int issued = TenantScope.call(AllowedClients.ALL, () -> invoicing.issueMonth(ids, MONTH));
        double issueSeconds = (System.nanoTime() - issueStarted) / 1e9;
        double total = (System.nanoTime() - started) / 1e9;
        report.figure("month end: close, rate, to review", rateSeconds, "s")
                .figure("month end: issue (gap-free numbers)", issueSeconds, "s")
                .figure("month end: total", total, "s")
                .figure("month end: throughput", copied / total, "records/s")
                .figure("invoices reviewed", reviewed, "invoices")
                .figure("invoices issued", issued, "invoices");

        Map<String, Object> check = TenantScope.call(AllowedClients.ALL, () -> verify(ids, flat));
        check.forEach((name, value) -> report.figure("check: " + name, ((Number) value).longValue(), "invoices"));
        boolean exact = ((Number) check.get("usage equals invoiced usage")).intValue() == clientCount
                && ((Number) check.get("total equals sum of lines plus tax")).intValue() == clientCount
                && ((Number) check.get("flat-priced subtotal recomputed")).intValue() == flat.size()
                && ((Number) check.get("numbers without gaps")).intValue() == clientCount;
        report.check(exact, exact ? "every invoice equals its usage exactly; numbers are gap-free"
                : "some invoice does not equal its usage, see the check figures");
        report.note("plans: a quarter flat 2.10/ticket + 50.00/month, a quarter graduated tiers, a quarter volume tiers,"
                + " a quarter a prepaid bank of 8000 tickets with rollover, overage and a minimum commitment; VAT 20%");
        return report;
    }

    private UUID client(String run, int i) {
        return TenantScope.call(AllowedClients.ALL, () -> {
            String code = "BB" + run + i;
            UUID id = clients.register(new RegisterClient(code, "Bench client " + i, "Bench client " + i + " Ltd", "GB",
                    "Europe/London", "GBP", ClientStatus.ACTIVE)).id();
            workTypes.adoptTemplate(id, "support-ticket"); // a contract names work types the client has
            Contract contract = contracts.draft(id, new DraftContract("MSA-" + code, "Support", "GBP", LocalDate.of(2026, 1, 1),
                    null, CalendarSpec.mondayToFriday("Europe/London", "09:00-17:30", List.of()),
                    List.of(new ServiceLine("support", "Support", ServiceLineKind.CUSTOMER_SUPPORT, "support-ticket")),
                    List.of(), List.of()));
            DefinePricePlan plan = switch (i % 4) {
                case 0 -> plan(contract, Pricing.GRADUATED, List.of(new Tier(null, new BigDecimal("2.10"))), "50.00", null, null, null);
                case 1 -> plan(contract, Pricing.GRADUATED, TIERS, null, null, null, null);
                case 2 -> plan(contract, Pricing.VOLUME, TIERS, null, null, null, null);
                default -> plan(contract, Pricing.GRADUATED, List.of(new Tier(null, new BigDecimal("2.20"))), null,
                        "8000", "15000.00", "20000.00");
            };
            plans.define(id, plan);
            return id;
        });
    }

    private static DefinePricePlan plan(Contract contract, Pricing pricing, List<Tier> tiers, String monthly, String prepaid,
                                        String prepaidFee, String minimum) {
        return new DefinePricePlan(contract.id(), "support", LocalDate.of(2026, 1, 1), null, "ticket", pricing, tiers,
                decimal(monthly), null, null, null, decimal(minimum), decimal(prepaid), decimal(prepaidFee), prepaid != null,
                "VAT", new BigDecimal("20"), null);
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    /** Tab-separated usage rows: a random client, 1 to 3 tickets, a day of the month. */
    private static Iterator<String> usage(List<UUID> ids, int records) {
        SplittableRandom random = new SplittableRandom(42);
        String[] clientIds = ids.stream().map(UUID::toString).toArray(String[]::new);
        return new Iterator<>() {
            int made;

            @Override
            public boolean hasNext() {
                return made < records;
            }

            @Override
            public String next() {
                made++;
                int day = 1 + random.nextInt(31);
                return clientIds[random.nextInt(clientIds.length)] + "\tbench\t" + made + "\tsupport\tticket\t"
                        + (1 + random.nextInt(3)) + "\t2026-03-" + (day < 10 ? "0" : "") + day + " 12:00:00+00\t2026-03-01";
            }
        };
    }

    private Map<String, Object> verify(List<UUID> ids, List<UUID> flat) {
        return transactions.execute(tx -> jdbc.sql("""
                        with usage as (
                            select client_id, sum(quantity) as quantity, count(*) as records from billing.usage_record
                             where client_id = any (:ids) and period = :month group by client_id),
                        invoiced as (
                            select i.client_id, i.subtotal, i.tax, i.total, i.number,
                                   sum(l.quantity) filter (where l.kind = 'USAGE') as quantity,
                                   sum(l.records) filter (where l.kind = 'USAGE') as records,
                                   sum(l.amount) as lines
                              from billing.invoice i join billing.invoice_line l on l.client_id = i.client_id and l.invoice_id = i.id
                             where i.client_id = any (:ids) and i.period = :month and i.kind = 'INVOICE' and i.status = 'ISSUED'
                             group by i.client_id, i.subtotal, i.tax, i.total, i.number),
                        numbers as (
                            select substring(number from '(\\d+)$')::bigint as n from invoiced)
                        select
                            (select count(*) from usage u join invoiced v using (client_id)
                              where u.quantity = v.quantity and u.records = v.records) as "usage equals invoiced usage",
                            (select count(*) from invoiced where lines = subtotal and subtotal + tax = total) as "total equals sum of lines plus tax",
                            (select count(*) from usage u join invoiced v using (client_id)
                              where u.client_id = any (:flat)
                                and v.subtotal = round(u.quantity * 2.10, 2) + 50.00
                                and v.tax = round(v.subtotal * 0.20, 2)) as "flat-priced subtotal recomputed",
                            (select case when max(n) - min(n) + 1 = count(*) then count(*) else 0 end from numbers) as "numbers without gaps"
                        """)
                .param("ids", ids.toArray(UUID[]::new)).param("month", Date.valueOf(MONTH)).param("flat", flat.toArray(UUID[]::new))
                .query().singleRow());
    }
}
