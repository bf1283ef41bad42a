package org.openbpo.payroll.bench;

import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.payroll.DefinePayGroup;
import org.openbpo.payroll.PayGroups;
import org.openbpo.payroll.PayRun;
import org.openbpo.payroll.PayRunDecision;
import org.openbpo.payroll.PayRunWorkType;
import org.openbpo.payroll.PayRuns;
import org.openbpo.payroll.PreparePayRun;
import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Benchmark;
import org.openbpo.shared.bench.CpuMeter;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.tenancy.Role;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./openbpo bench payroll}: one pay cycle of N generated employees across the four countries (a
 * monthly pay group each, N/4 employees, periods ending 31 March 2026), each run prepared (every employee
 * calculated by the gross-to-net engine, payslips with their lines stored), checked, approved and
 * finalised (numbered, figures to date carried, journal published). Prints employees per second and the
 * heap used, sampled through the run, to show it does not grow with N.
 */
@Component
class PayrollBenchmark implements Benchmark {

    private static final String[] COUNTRIES = {"US", "GB", "IN", "PH"};
    /** The best published figure we compare with: a mainframe payroll run of about 200,000 cheques an hour. */
    private static final int MAINFRAME_CHEQUES_PER_HOUR = 200_000;

    private final Clients clients;
    private final WorkTypes workTypes;
    private final Contracts contracts;
    private final Queues queues;
    private final PayGroups groups;
    private final PayRuns runs;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    PayrollBenchmark(Clients clients, WorkTypes workTypes, Contracts contracts, Queues queues, PayGroups groups, PayRuns runs,
                     JdbcClient jdbc, TransactionTemplate transactions) {
        this.clients = clients;
        this.workTypes = workTypes;
        this.contracts = contracts;
        this.queues = queues;
        this.groups = groups;
        this.runs = runs;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "payroll";
    }

    @Override
    public Map<String, String> smallest() {
        return Map.of("employees", "200");
    }

    @Override
    public String description() {
        return "one pay cycle of N employees across US/GB/IN/PH: calculated, payslips and lines stored, finalised (--set employees=N)";
    }

    @Override
    public BenchReport run(BenchOptions options) throws Exception {
        int employees = options.integer("employees", 1_000_000);
        int perCountry = Math.max(1, employees / COUNTRIES.length);
        BenchReport report = new BenchReport(name()).parameter("employees", perCountry * COUNTRIES.length)
                .parameter("countries", String.join(", ", COUNTRIES)).parameter("cores", Runtime.getRuntime().availableProcessors())
                .parameter("max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        UUID client = TenantScope.call(AllowedClients.ALL, this::setUp);
        CurrentUser preparer = staff(client, "preparer");
        CurrentUser checker = staff(client, "checker");
        CurrentUser approver = new CurrentUser(UUID.randomUUID(), client, "approver@bench.test", "Bench approver",
                Set.of(Role.APPROVER), AllowedClients.only(client), null);
        long generating = System.nanoTime();
        TenantScope.run(AllowedClients.only(client), () -> transactions.executeWithoutResult(tx -> {
            for (String country : COUNTRIES) {
                generate(client, country, perCountry);
            }
            indiaToDate(client);
            jdbc.sql("analyze payroll.employee").update();
            jdbc.sql("analyze payroll.to_date").update();
        }));
        report.figure("generate employees (not measured below)", (System.nanoTime() - generating) / 1e9, "s");

        CpuMeter cpu = serverCpu();
        HeapSampler heap = new HeapSampler();
        heap.start();
        CpuMeter.Reading cpuBefore = cpu.read();
        long started = System.nanoTime();
        long prepareNanos = 0;
        long finaliseNanos = 0;
        long paid = 0;
        for (String country : COUNTRIES) {
            long t0 = System.nanoTime();
            PayRun run = TenantScope.call(preparer.allowedClients(), () -> runs.prepare(client,
                    new PreparePayRun(country + "-M", LocalDate.of(2026, 3, 31), PayRun.Kind.REGULAR), preparer));
            long t1 = System.nanoTime();
            TenantScope.run(preparer.allowedClients(), () -> runs.sendForCheck(client, run.id(), preparer));
            TenantScope.run(checker.allowedClients(), () -> runs.check(client, run.id(),
                    new PayRunDecision(PayRunDecision.Decision.APPROVE, null), checker));
            TenantScope.run(approver.allowedClients(), () -> runs.clientDecision(client, run.id(),
                    new PayRunDecision(PayRunDecision.Decision.APPROVE, null), approver));
            long t2 = System.nanoTime();
            PayRun finalised = TenantScope.call(checker.allowedClients(), () -> runs.finalise(client, run.id(), checker));
            long t3 = System.nanoTime();
            prepareNanos += t1 - t0;
            finaliseNanos += t3 - t2;
            paid += finalised.employees();
            report.figure(country + ": prepare (calculate + store)", (t1 - t0) / 1e9, "s")
                    .figure(country + ": finalise", (t3 - t2) / 1e9, "s")
                    .figure(country + ": payslips", finalised.employees(), "payslips")
                    .figure(country + ": gross", finalised.gross().isEmpty() ? 0 : Double.parseDouble(finalised.gross()), finalised.currency());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Reading used = cpu.read().minus(cpuBefore);
        heap.stop();
        long lines = TenantScope.call(AllowedClients.only(client), () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from payroll.payslip_line where client_id = ?").param(client).query(Long.class).single()));
        long toDate = TenantScope.call(AllowedClients.only(client), () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from payroll.to_date where client_id = ?").param(client).query(Long.class).single()));
        double perSecond = paid / seconds;
        report.figure("total: payslips", paid, "payslips")
                .figure("total: payslip lines", lines, "lines")
                .figure("total: figures-to-date rows", toDate, "rows")
                .figure("total: prepare", prepareNanos / 1e9, "s")
                .figure("total: finalise", finaliseNanos / 1e9, "s")
                .figure("total: time (prepare, check, approve, finalise)", seconds, "s")
                .figure("throughput", perSecond, "employees/s")
                .figure("CPU per employee (JVM)", used.jvmNanos() / 1e3 / paid, "µs")
                .figure("CPU per employee (PostgreSQL)", used.databaseNanos() / 1e3 / paid, "µs")
                .figure("throughput vs mainframe (200,000 cheques/hour)", perSecond * 3600 / MAINFRAME_CHEQUES_PER_HOUR, "x")
                .figure("heap used at start of the runs", heap.first() / (1024.0 * 1024), "MiB")
                .figure("heap used, most sampled during the runs", heap.most() / (1024.0 * 1024), "MiB")
                .figure("heap used after a collection at the end", heap.afterCollection() / (1024.0 * 1024), "MiB")
                .note("heap is sampled every 50 ms (used, before and after collections); runs stream in slices of 5,000 employees")
                .note("India's employees start with April-February figures to date (March is month 12); the others start without")
                .note("employees are generated by SQL (not through the import's checks); bank accounts are placeholder bytes, "
                        + "and the pay step (payment instructions) is not part of the measured time")
                .note(String.format(Locale.ROOT, "goal: under 120 s for 1,000,000 employees on 2 cores; this run: %d employees in %.1f s",
                        paid, seconds));
        return report;
    }

    /** The CPU meter of the benchmark's database server, found through one of its backends. */
    private CpuMeter serverCpu() {
        return CpuMeter.ofServerBehind(TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                jdbc.sql("select pg_backend_pid()").query(Long.class).single())));
    }

    private UUID setUp() {
        String code = "PAYBENCH" + (System.nanoTime() % 10_000);
        Client client = clients.register(new RegisterClient(code, "Bench Employer", "Bench Employer Ltd", "US", "America/New_York",
                "USD", ClientStatus.ACTIVE));
        workTypes.define(client.id(), PayRunWorkType.definition());
        contracts.draft(client.id(), new DraftContract("PAY-" + code, "Payroll", "USD", LocalDate.of(2025, 1, 1), null,
                CalendarSpec.mondayToFriday("America/New_York", "09:00-17:00", List.of()),
                List.of(new ServiceLine("payroll", "Payroll", ServiceLineKind.PAYROLL, PayRunWorkType.CODE)), List.of(), null));
        queues.open(client.id(), new OpenQueue("payroll", "Payroll", "payroll", null, null, null));
        CurrentUser manager = staff(client.id(), "manager");
        for (String country : COUNTRIES) {
            groups.define(client.id(), new DefinePayGroup(country + "-M", country + " monthly", country, "MONTHLY", "payroll",
                    LocalDate.of(2026, 1, 31), 0, 2), manager);
        }
        return client.id();
    }

    private static CurrentUser staff(UUID client, String name) {
        return new CurrentUser(UUID.randomUUID(), null, name + "@bench.test", "Bench " + name,
                Set.of(Role.AGENT, Role.OPERATIONS_MANAGER), AllowedClients.only(client), null);
    }

    /** Employees of one country made by the database itself: varied salaries, filing statuses, tax codes and categories. */
    private void generate(UUID client, String country, int count) {
        String taxData = switch (country) {
            case "US" -> """
                    jsonb_strip_nulls(jsonb_build_object('filingStatus', (array['SINGLE','MFJ','HOH'])[1 + i % 3],
                        'w4Step2', (i % 9 = 0)::text, 'w4Exempt', 'false', 'w4Year', '2020',
                        'w4Step3', case when i % 4 = 0 then '2200' end, 'w4Step4c', case when i % 13 = 0 then '25.00' end))""";
            case "GB" -> """
                    jsonb_build_object('taxCode', (array['1257L','S1257L','C1257L','BR','K475','1257LM1','D0','0T'])[1 + i % 8],
                        'niCategory', (array['A','A','A','M','C','H','A','J'])[1 + i % 8], 'director', 'false')""";
            case "IN" -> """
                    jsonb_build_object('taxRegime', 'NEW', 'epfOnActualWages', (i % 10 = 0)::text, 'epsMember', 'true',
                        'resident', 'true')""";
            default -> """
                    jsonb_build_object('minimumWageEarner', (i % 20 = 0)::text)""";
        };
        String residence = switch (country) {
            case "US" -> "'NY'";
            case "GB" -> "(array['ENG','SCT','WLS','ENG','ENG','ENG','ENG','ENG'])[1 + i % 8]";
            case "IN" -> "'KA'";
            default -> "'Metro Manila'";
        };
        String salary = switch (country) {
            case "US" -> "round(30000 + (i * 7919 % 170000) + (i % 100) / 100.0, 2)";
            case "GB" -> "round(18000 + (i * 7919 % 120000) + (i % 100) / 100.0, 2)";
            case "IN" -> "round(300000 + (i * 7919 % 2700000), 2)";
            default -> "round(180000 + (i * 7919 % 1020000), 2)";
        };
        String scheme = switch (country) {
            case "US" -> "'US_ABA'";
            case "GB" -> "'GB_SORT_CODE'";
            case "IN" -> "'IN_IFSC'";
            default -> "'PH_BANK'";
        };
        jdbc.sql("""
                        insert into payroll.employee (client_id, id, employee_number, given_name, family_name, country, tax_residence,
                            pay_group, start_date, pay_basis, annual_salary, bank_scheme, bank_account, bank_masked, tax_data,
                            created_at, updated_at)
                        select ?, gen_random_uuid(), ? || lpad(i::text, 8, '0'), 'Given' || i, 'Family' || i, ?, %s, ?,
                               date '2024-01-01', 'SALARY', %s, %s, decode(md5(i::text), 'hex'), '****' || lpad((i %% 10000)::text, 4, '0'),
                               %s, now(), now()
                        from generate_series(1, ?) i""".formatted(residence, salary, scheme, taxData))
                .params(client, country, country, country + "-M", count).update();
    }

    /**
     * March is month 12 of India's financial year: without figures to date, the whole year's TDS would fall
     * on March's pay and exceed it. Employees are given April to February as if this payroll had paid
     * them: 11/12 of the salary and of the new-regime tax on it (slabs, standard deduction, the rebate up
     * to 12 lakh without marginal relief, 4 % cess), so March's TDS is the engine's true-up.
     */
    private void indiaToDate(UUID client) {
        jdbc.sql("""
                        insert into payroll.to_date (client_id, employee_id, tax_year, gross, tax, employee_contributions,
                            employer_contributions, net, last_run)
                        select e.client_id, e.id, '2025-26', round(e.annual_salary * 11 / 12, 2), round(t.tax * 11 / 12, 0), 0, 0,
                               round(e.annual_salary * 11 / 12, 2) - round(t.tax * 11 / 12, 0), 0
                        from payroll.employee e
                        cross join lateral (select greatest(e.annual_salary - 75000, 0) taxable) x
                        cross join lateral (select case when x.taxable <= 1200000 then 0 else 1.04 * (
                                0.05 * least(greatest(x.taxable - 400000, 0), 400000) + 0.10 * least(greatest(x.taxable - 800000, 0), 400000)
                              + 0.15 * least(greatest(x.taxable - 1200000, 0), 400000) + 0.20 * least(greatest(x.taxable - 1600000, 0), 400000)
                              + 0.25 * least(greatest(x.taxable - 2000000, 0), 400000) + 0.30 * greatest(x.taxable - 2400000, 0)) end tax) t
                        where e.client_id = ? and e.country = 'IN'""").param(client).update();
    }

    /** Samples the heap in use every 50 ms on its own thread. */
    private static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong most = new AtomicLong();
        private volatile boolean running = true;
        private long first;
        private Thread thread;

        void start() {
            System.gc();
            first = memory.getHeapMemoryUsage().getUsed();
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    most.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long first() {
            return first;
        }

        long afterCollection() {
            System.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }

        long most() {
            return most.get();
        }
    }
}
