package org.openbpo.quality.bench;

import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.KpiTarget;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.quality.CsatResponse;
import org.openbpo.quality.CustomerSatisfaction;
import org.openbpo.quality.DefineQaForm;
import org.openbpo.quality.EvaluateItem;
import org.openbpo.quality.Evaluations;
import org.openbpo.quality.FlagItem;
import org.openbpo.quality.QaAnswer;
import org.openbpo.quality.QaForms;
import org.openbpo.quality.QaQuestion;
import org.openbpo.quality.Sampling;
import org.openbpo.quality.Scorecard;
import org.openbpo.quality.ScorecardFigure;
import org.openbpo.quality.Scorecards;
import org.openbpo.shared.bench.BenchOptions;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Benchmark;
import org.openbpo.shared.bench.Latencies;
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
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkTypes;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./openbpo bench scorecard}: one back-office contract's month with {@code items} requests
 * raised and completed through the work engine (maker-checker), a tenth of them evaluated by QA and
 * a fifth answered by a CSAT survey; then the live scorecard and a drill-down are computed
 * {@code runs} times. The figures are the scorecard's latency at that month's size.
 */
@Component
class ScorecardBenchmark implements Benchmark {

    private final ProviderBootstrap bootstrap;
    private final Clients clients;
    private final Users users;
    private final WorkTypes workTypes;
    private final Contracts contracts;
    private final Queues queues;
    private final WorkItems workItems;
    private final Sampling sampling;
    private final QaForms forms;
    private final Evaluations evaluations;
    private final CustomerSatisfaction satisfaction;
    private final Scorecards scorecards;
    private final Clock clock;

    ScorecardBenchmark(ProviderBootstrap bootstrap, Clients clients, Users users, WorkTypes workTypes, Contracts contracts,
                       Queues queues, WorkItems workItems, Sampling sampling, QaForms forms, Evaluations evaluations,
                       CustomerSatisfaction satisfaction, Scorecards scorecards, Clock clock) {
        this.bootstrap = bootstrap;
        this.clients = clients;
        this.users = users;
        this.workTypes = workTypes;
        this.contracts = contracts;
        this.queues = queues;
        this.workItems = workItems;
        this.sampling = sampling;
        this.forms = forms;
        this.evaluations = evaluations;
        this.satisfaction = satisfaction;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "scorecard";
    }

    @Override
    public String description() {
        return "a contract month of completed back-office work with QA and CSAT; live scorecard and drill-down latency "
                + "(items=2000, threads=4, runs=20)";
    }

    @Override
    public BenchReport run(BenchOptions options) throws Exception {
        int items = options.integer("items", 2_000);
        int threads = options.integer("threads", 4);
        int runs = options.integer("runs", 20);
        BenchReport report = new BenchReport(name()).parameter("items completed in the month", items)
                .parameter("threads raising and completing work", threads).parameter("scorecard runs", runs)
                .parameter("cores", Runtime.getRuntime().availableProcessors())
                .parameter("database", "embedded PostgreSQL 17, fsync/synchronous_commit/full_page_writes on");
        Setup setup = TenantScope.call(AllowedClients.ALL, this::setUp);

        System.out.printf("Raising and completing %,d items…%n", items);
        long started = System.nanoTime();
        List<Long> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Long>> running = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                int n = i;
                running.add(pool.submit(() -> TenantScope.call(AllowedClients.ALL, () -> complete(setup, n))));
            }
            for (Future<Long> item : running) {
                done.add(item.get());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.figure("set-up: items raised and completed (4 transactions each)", seconds, "s")
                .figure("set-up: items/s", items / seconds, "items/s");

        long qaStarted = System.nanoTime();
        int evaluated = 0;
        int answered = 0;
        for (int i = 0; i < done.size(); i++) {
            long id = done.get(i);
            if (i % 10 == 0) {
                TenantScope.run(AllowedClients.ALL, () -> {
                    sampling.flag(setup.client().id(), new FlagItem(id, "benchmark"), setup.admin());
                    evaluations.evaluate(setup.client().id(), id, new EvaluateItem("back-office", Map.of("accuracy",
                            id % 3 == 0 ? QaAnswer.NO : QaAnswer.YES, "procedure", QaAnswer.YES), 20, id % 3 == 0 ? 1 : 0, null),
                            setup.analyst());
                });
                evaluated++;
            }
            if (i % 5 == 0) {
                TenantScope.run(AllowedClients.ALL, () -> satisfaction.record(setup.client().id(),
                        new CsatResponse(id, (int) (1 + id % 5), null, null), setup.admin()));
                answered++;
            }
        }
        report.figure("set-up: evaluations and CSAT responses", (System.nanoTime() - qaStarted) / 1e9, "s")
                .figure("evaluations", evaluated, "items").figure("CSAT responses", answered, "responses");

        YearMonth month = YearMonth.from(clock.instant().atZone(setup.client().timeZone()));
        Latencies live = new Latencies("live scorecard");
        Latencies drill = new Latencies("drill-down: SLA items");
        Scorecard last = null;
        for (int r = 0; r < runs + 2; r++) {
            long t0 = System.nanoTime();
            last = TenantScope.call(AllowedClients.ALL, () -> scorecards.score(setup.client().id(), setup.contract().id(), month));
            long t1 = System.nanoTime();
            TenantScope.call(AllowedClients.ALL, () -> scorecards.items(setup.client().id(), setup.contract().id(), month,
                    ScorecardFigure.SLA, "policy-admin", null, null));
            long t2 = System.nanoTime();
            if (r >= 2) { // two warm-up runs
                live.record(t1 - t0);
                drill.record(t2 - t1);
            }
        }
        live.addTo(report);
        drill.addTo(report);
        long counted = last.completed().stream().mapToLong(c -> c.completed()).sum();
        report.note((counted == items ? "verified" : "NOT verified") + ": the scorecard counted " + counted + " of " + items
                + " completed items");
        last.results().forEach(r -> report.note(r.kpi() + " = " + r.measured() + " (" + r.basis() + ")"));
        report.note("the drill-down lists at most 500 items; sign-off is not measured (the month has not ended)");
        return report;
    }

    private long complete(Setup setup, int n) {
        WorkItem item = workItems.create(setup.client().id(), new CreateWorkItem("policy-admin", null, Priority.NORMAL,
                "Request " + n, Map.of("requestType", "other", "details", "benchmark request " + n), null), setup.requester());
        workItems.move(setup.client().id(), item.id(), new MoveWorkItem("processing", null), setup.maker());
        workItems.move(setup.client().id(), item.id(), new MoveWorkItem("checking", null), setup.maker());
        workItems.move(setup.client().id(), item.id(), new MoveWorkItem("completed", null), setup.checker());
        return item.id();
    }

    private record Setup(Client client, Contract contract, CurrentUser admin, CurrentUser maker, CurrentUser checker,
                         CurrentUser requester, CurrentUser analyst) {
    }

    private Setup setUp() {
        CurrentUser admin = bootstrap.firstAdministrator("bench.admin@openbpo.example", "Bench Administrator", "benchmark password 1");
        String code = "BENCHQA" + (System.nanoTime() % 100_000);
        Client client = clients.register(new RegisterClient(code, "Benchmark Mutual", "Benchmark Mutual plc", "GB", "Europe/London",
                "GBP", ClientStatus.ACTIVE));
        workTypes.adoptTemplate(client.id(), "back-office-request");
        Contract contract = contracts.draft(client.id(), new DraftContract("MSA-" + code, "Policy administration", "GBP",
                LocalDate.of(2026, 1, 1), null, CalendarSpec.mondayToFriday("Europe/London", "09:00-17:30", List.of()),
                List.of(new ServiceLine("policy-admin", "Policy administration", ServiceLineKind.BACK_OFFICE, "back-office-request")),
                List.of(new SlaTarget("policy-admin", Priority.NORMAL, null, 480, null, null, null)),
                List.of(new KpiTarget("policy-admin", Kpi.SLA_ATTAINMENT, new BigDecimal("95")),
                        new KpiTarget("policy-admin", Kpi.ACCURACY, new BigDecimal("98")),
                        new KpiTarget("policy-admin", Kpi.CSAT, new BigDecimal("4")))));
        queues.open(client.id(), new OpenQueue("policy-changes", "Policy changes", "policy-admin", null, null, null));
        forms.define(client.id(), new DefineQaForm("back-office", "Back-office check", new BigDecimal("80"), List.of(
                new QaQuestion("accuracy", "Fields as on the source", 70, false),
                new QaQuestion("procedure", "Procedure followed", 30, false))), admin);
        return new Setup(client, contract, admin, staff(admin, client, "maker", Role.AGENT), staff(admin, client, "checker", Role.AGENT),
                CurrentUser.of(users.invite(new InviteUser(client.id(), code.toLowerCase() + ".requester@bench.example", "Requester",
                        "benchmark password 1", Set.of(Role.REQUESTER), false, null), admin)),
                staff(admin, client, "analyst", Role.QA_ANALYST));
    }

    private CurrentUser staff(CurrentUser admin, Client client, String who, Role role) {
        User user = users.invite(new InviteUser(null, client.code().toLowerCase() + "." + who + "@bench.example", "Bench " + who,
                "benchmark password 1", Set.of(role), false, Set.of(client.id())), admin);
        return CurrentUser.of(user);
    }
}
