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
import org.openbpo.quality.CompletedWork;
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
import org.openbpo.quality.persistence.CsatRows;
import org.openbpo.quality.persistence.EvaluationRows;
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
import org.openbpo.work.WorkBehindFigures;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkStatistics;
import org.openbpo.work.WorkTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./openbpo bench scorecard}: one back-office contract's month with {@code items} completed
 * requests (default 100,000), a tenth of them evaluated by QA and a fifth answered by a CSAT survey;
 * then the live scorecard and a drill-down are computed {@code runs} times. The figures are the
 * scorecard's latency at that month's size, and beside it the latency of the timeline queries the
 * scorecard ran before it had its read model, on the same data.
 *
 * <p>{@code generate=bulk} (default) writes the month's items, timelines (created, three or five
 * moves, a tenth paused on the client), handle times, QA samples, evaluations and CSAT responses in
 * set-based statements, then feeds the first {@code listenerItems} through
 * {@link CompletedWork#record(UUID, java.util.Collection)}, what the completion listener runs before a
 * completing transaction commits, and back-fills the rest set-based as the migration does, reporting both rates. {@code generate=engine} raises and completes every
 * item through the work engine instead (four transactions each; slow at large sizes).
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
    private final CompletedWork completedWork;
    private final WorkStatistics statistics;
    private final WorkBehindFigures behind;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EvaluationRows evaluationRows;
    private final CsatRows csatRows;

    ScorecardBenchmark(EvaluationRows evaluationRows, CsatRows csatRows, CompletedWork completedWork, WorkStatistics statistics, WorkBehindFigures behind, JdbcClient jdbc,
                       TransactionTemplate transactions, ProviderBootstrap bootstrap, Clients clients, Users users, WorkTypes workTypes, Contracts contracts,
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
        this.completedWork = completedWork;
        this.statistics = statistics;
        this.behind = behind;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.evaluationRows = evaluationRows;
        this.csatRows = csatRows;
    }

    @Override
    public String name() {
        return "scorecard";
    }

    @Override
    public Map<String, String> smallest() {
        return Map.of("items", "2000", "runs", "3", "timelineRuns", "1", "listenerItems", "100");
    }

    @Override
    public String description() {
        return "a contract month of completed back-office work with QA and CSAT; live scorecard and drill-down latency, "
                + "read model against timelines (items=100000, generate=bulk|engine, listenerItems=5000, threads=2, runs=50, timelineRuns=5)";
    }

    @Override
    public BenchReport run(BenchOptions options) throws Exception {
        int items = options.integer("items", 100_000);
        int threads = options.integer("threads", 2);
        int runs = options.integer("runs", 50);
        String generate = options.text("generate", "bulk");
        if (!generate.equals("bulk") && !generate.equals("engine")) {
            throw new IllegalArgumentException("generate is bulk or engine, not " + generate);
        }
        BenchReport report = new BenchReport(name()).parameter("items completed in the month", items)
                .parameter("generated", generate)
                .parameter("threads raising and completing work", threads).parameter("scorecard runs", runs)
                .parameter("cores", Runtime.getRuntime().availableProcessors())
                .parameter("database", "embedded PostgreSQL 17, fsync/synchronous_commit/full_page_writes on");
        Setup setup = TenantScope.call(AllowedClients.ALL, this::setUp);

        YearMonth month = YearMonth.from(clock.instant().atZone(setup.client().timeZone()));
        if (generate.equals("bulk")) {
            bulk(setup, month, items, threads, options.integer("listenerItems", 5_000), report);
        } else {
            engine(setup, items, threads, report);
        }

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
        compareWithTimelines(setup, month, options.integer("timelineRuns", 5), report);
        long counted = last.completed().stream().mapToLong(c -> c.completed()).sum();
        report.check(counted == items, "the scorecard counted " + counted + " of " + items + " completed items");
        last.results().forEach(r -> report.note(r.kpi() + " = " + r.measured() + " (" + r.basis() + ")"));
        report.note("the drill-down lists at most 500 items; sign-off is not measured (the month has not ended)");
        return report;
    }

    /**
     * Before and after on the same data: the two timeline queries the scorecard ran for its completed
     * work and pending-client time, against the read model's two; and whether they agree.
     */
    private void compareWithTimelines(Setup setup, YearMonth month, int runs, BenchReport report) {
        UUID client = setup.client().id();
        Instant from = month.atDay(1).atStartOfDay(setup.client().timeZone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(setup.client().timeZone()).toInstant();
        Latencies before = new Latencies("before: completed work and pending-client time from the timelines");
        Latencies after = new Latencies("after: the same from the read model");
        boolean agree = true;
        for (int r = 0; r < runs + 1; r++) {
            long t0 = System.nanoTime();
            var timelines = TenantScope.call(AllowedClients.ALL, () -> List.of(statistics.completed(client, from, to),
                    behind.pendingClient(client, from, to)));
            long t1 = System.nanoTime();
            var model = TenantScope.call(AllowedClients.ALL, () -> List.of(completedWork.completed(client, month),
                    completedWork.pendingClient(client, month)));
            long t2 = System.nanoTime();
            agree &= timelines.equals(model);
            if (r >= 1) { // one warm-up run
                before.record(t1 - t0);
                after.record(t2 - t1);
            }
        }
        before.addTo(report);
        after.addTo(report);
        // where the rest of the live scorecard's time goes: the parts still aggregated on each request
        Latencies accuracy = new Latencies("part: accuracy (evaluations of the month's items)");
        Latencies satisfaction = new Latencies("part: CSAT (the month's responses)");
        Latencies backlog = new Latencies("part: backlog at month end");
        for (int r = 0; r < runs * 4 + 1; r++) {
            long t0 = System.nanoTime();
            TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> evaluationRows.accuracy(client, from, to)));
            long t1 = System.nanoTime();
            TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> csatRows.byLine(client, from, to)));
            long t2 = System.nanoTime();
            TenantScope.call(AllowedClients.ALL, () -> statistics.backlog(client, to));
            long t3 = System.nanoTime();
            if (r >= 1) {
                accuracy.record(t1 - t0);
                satisfaction.record(t2 - t1);
                backlog.record(t3 - t2);
            }
        }
        accuracy.addTo(report);
        satisfaction.addTo(report);
        backlog.addTo(report);
        report.check(agree, "the read model's figures equal the timelines' in every run");
    }

    /** The month written set-based (see the class comment), then every item recorded in the read model. */
    private void bulk(Setup setup, YearMonth month, int items, int threads, int listenerItems, BenchReport report) throws Exception {
        UUID client = setup.client().id();
        Instant start = month.atDay(1).atStartOfDay(setup.client().timeZone()).toInstant();
        Instant now = clock.instant();
        double step = Math.max(1, java.time.Duration.between(start, now).toSeconds() - 60) / (double) items;
        System.out.printf("Writing %,d completed items with their timelines, handle times, QA and CSAT…%n", items);
        long started = System.nanoTime();
        List<Long> ids = new ArrayList<>(items);
        int batch = 10_000;
        for (int next = 1; next <= items; next += batch) {
            int first = next;
            int last = Math.min(items, first + batch - 1);
            ids.addAll(TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> writeBatch(setup, start, step, first, last))));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.figure("set-up: items, timelines, handle times, QA and CSAT written set-based", seconds, "s");

        // the completion listener's path for the first items; set-based back-fill (as the migration does) for the rest
        List<Long> listened = ids.subList(0, Math.min(ids.size(), listenerItems));
        System.out.printf("Recording %,d items in the scorecard read model as the completion listener does…%n", listened.size());
        long recording = System.nanoTime();
        int chunk = 500;
        int recorded = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> running = new ArrayList<>();
            for (int i = 0; i < listened.size(); i += chunk) {
                List<Long> part = listened.subList(i, Math.min(listened.size(), i + chunk));
                running.add(pool.submit(() -> TenantScope.call(AllowedClients.ALL, () -> completedWork.record(client, part))));
            }
            for (Future<Integer> part : running) {
                recorded += part.get();
            }
        }
        double took = (System.nanoTime() - recording) / 1e9;
        report.figure("read model: items recorded by the listener's statements (" + chunk + " per transaction)", recorded, "items")
                .figure("read model: listener recording rate", recorded / took, "items/s");
        System.out.printf("Back-filling the other %,d items set-based…%n", ids.size() - listened.size());
        long filling = System.nanoTime();
        long filled = TenantScope.call(AllowedClients.ALL, () -> completedWork.backfill(client));
        double fillTook = (System.nanoTime() - filling) / 1e9;
        report.figure("read model: items back-filled set-based", filled, "items")
                .figure("read model: back-fill rate", filled / Math.max(fillTook, 1e-9), "items/s");
    }

    private List<Long> writeBatch(Setup setup, Instant start, double step, int first, int last) {
        UUID client = setup.client().id();
        List<Long> ids = jdbc.sql("""
                        insert into work.work_item (client_id, id, work_type, work_type_version, contract_id, contract_version,
                                                    service_line, queue_id, priority, state, category, title, form, channel,
                                                    requester, created_at, updated_at, completed_at, sla_target_secs, sla_met)
                        select ?, nextval('work.work_item_id_seq'), 'back-office-request', ?, ?, ?, 'policy-admin', ?,
                               case when g % 20 = 0 then 2 else 1 end, 'completed', 'DONE', 'Request ' || g,
                               jsonb_build_object('requestType', 'other', 'details', 'benchmark request ' || g), 'API', ?,
                               c - interval '6 hours', c, c, 28800, g % 25 <> 0
                          from (select g, ?::timestamptz + make_interval(secs => g * ?) as c from generate_series(?, ?) g) x
                        returning id""")
                .params(client, setup.workTypeVersion(), setup.contract().id(), setup.contract().version(), setup.queueId(),
                        setup.requester().email(), Timestamp.from(start), step, first, last)
                .query(Long.class).list();
        long low = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
        long high = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        // created, processing, (a tenth: query to the client and back), checking, completed
        jdbc.sql("""
                        insert into work.work_event (client_id, item_id, at, actor, type, data)
                        select w.client_id, w.id, e.at, 'bench', e.type, e.data
                          from work.work_item w
                          cross join lateral (values
                              (w.created_at, 'created', '{}'::jsonb),
                              (w.created_at + interval '1 hour', 'moved', '{"from": "received", "to": "processing"}'::jsonb),
                              (case when w.id % 10 = 0 then w.created_at + interval '2 hours' end, 'moved',
                               '{"from": "processing", "to": "query_to_client"}'::jsonb),
                              (case when w.id % 10 = 0 then w.created_at + interval '3 hours' end, 'moved',
                               '{"from": "query_to_client", "to": "processing"}'::jsonb),
                              (w.created_at + interval '4 hours', 'moved', '{"from": "processing", "to": "checking"}'::jsonb),
                              (w.completed_at, 'moved', '{"from": "checking", "to": "completed"}'::jsonb)) e (at, type, data)
                         where w.client_id = ? and w.id between ? and ? and e.at is not null""")
                .params(client, low, high).update();
        jdbc.sql("""
                        insert into work.handle_time (client_id, item_id, agent_id, started_at, ended_at)
                        select client_id, id, ?, created_at + interval '1 hour',
                               created_at + interval '1 hour' + make_interval(secs => 300 + id % 900)
                          from work.work_item where client_id = ? and id between ? and ?""")
                .params(setup.maker().id(), client, low, high).update();
        jdbc.sql("""
                        insert into quality.sample (client_id, item_id, work_type, service_line, agent_id, reason, sampled_at, status)
                        select client_id, id, work_type, service_line, ?, 'SAMPLE_RATE', completed_at, 'EVALUATED'
                          from work.work_item where client_id = ? and id between ? and ? and id % 10 = 3""")
                .params(setup.maker().id(), client, low, high).update();
        jdbc.sql("""
                        insert into quality.evaluation (client_id, id, item_id, service_line, agent_id, form_code, form_version,
                                                        evaluator_id, evaluator, answers, score, fatal, passed, fields_checked,
                                                        errors_found, evaluated_at, status)
                        select client_id, gen_random_uuid(), id, service_line, ?, 'back-office', ?, ?, ?,
                               jsonb_build_object('accuracy', case when id % 3 = 0 then 'NO' else 'YES' end, 'procedure', 'YES'),
                               case when id % 3 = 0 then 30 else 100 end, false, id % 3 <> 0, 20, case when id % 3 = 0 then 1 else 0 end,
                               completed_at, 'OPEN'
                          from work.work_item where client_id = ? and id between ? and ? and id % 10 = 3""")
                .params(setup.maker().id(), setup.formVersion(), setup.analyst().id(), setup.analyst().email(), client, low, high)
                .update();
        jdbc.sql("""
                        insert into quality.csat_response (client_id, item_id, service_line, score, responded_at)
                        select client_id, id, service_line, 1 + (id / 5) % 5, completed_at
                          from work.work_item where client_id = ? and id between ? and ? and id % 5 = 1""")
                .params(client, low, high).update();
        return ids;
    }

    private void engine(Setup setup, int items, int threads, BenchReport report) throws Exception {
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
                         CurrentUser requester, CurrentUser analyst, int workTypeVersion, UUID queueId, int formVersion) {
    }

    private Setup setUp() {
        CurrentUser admin = bootstrap.firstAdministrator("bench.admin@openbpo.example", "Bench Administrator", "benchmark password 1");
        String code = "BENCHQA" + (System.nanoTime() % 100_000);
        Client client = clients.register(new RegisterClient(code, "Benchmark Mutual", "Benchmark Mutual plc", "GB", "Europe/London",
                "GBP", ClientStatus.ACTIVE));
        int workTypeVersion = workTypes.adoptTemplate(client.id(), "back-office-request").version();
        Contract contract = contracts.draft(client.id(), new DraftContract("MSA-" + code, "Policy administration", "GBP",
                LocalDate.of(2026, 1, 1), null, CalendarSpec.mondayToFriday("Europe/London", "09:00-17:30", List.of()),
                List.of(new ServiceLine("policy-admin", "Policy administration", ServiceLineKind.BACK_OFFICE, "back-office-request")),
                List.of(new SlaTarget("policy-admin", Priority.NORMAL, null, 480, null, null, null)),
                List.of(new KpiTarget("policy-admin", Kpi.SLA_ATTAINMENT, new BigDecimal("95")),
                        new KpiTarget("policy-admin", Kpi.ACCURACY, new BigDecimal("98")),
                        new KpiTarget("policy-admin", Kpi.CSAT, new BigDecimal("4")))));
        UUID queue = queues.open(client.id(), new OpenQueue("policy-changes", "Policy changes", "policy-admin", null, null, null)).id();
        int formVersion = forms.define(client.id(), new DefineQaForm("back-office", "Back-office check", new BigDecimal("80"), List.of(
                new QaQuestion("accuracy", "Fields as on the source", 70, false),
                new QaQuestion("procedure", "Procedure followed", 30, false))), admin).version();
        return new Setup(client, contract, admin, staff(admin, client, "maker", Role.AGENT), staff(admin, client, "checker", Role.AGENT),
                CurrentUser.of(users.invite(new InviteUser(client.id(), code.toLowerCase() + ".requester@bench.example", "Requester",
                        "benchmark password 1", Set.of(Role.REQUESTER), false, null), admin)),
                staff(admin, client, "analyst", Role.QA_ANALYST), workTypeVersion, queue, formVersion);
    }

    private CurrentUser staff(CurrentUser admin, Client client, String who, Role role) {
        User user = users.invite(new InviteUser(null, client.code().toLowerCase() + "." + who + "@bench.example", "Bench " + who,
                "benchmark password 1", Set.of(role), false, Set.of(client.id())), admin);
        return CurrentUser.of(user);
    }
}
