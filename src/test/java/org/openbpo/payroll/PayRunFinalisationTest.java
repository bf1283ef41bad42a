package org.openbpo.payroll;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.ledger.Books;
import org.openbpo.ledger.Entry;
import org.openbpo.ledger.EntrySource;
import org.openbpo.ledger.Journal;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Finalisation is all or nothing and happens once: a crash just before commit leaves no trace, two
 * finalisations at once carry the figures to date once, and the client's books get the journal once.
 */
class PayRunFinalisationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PayRuns runs;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Books books;
    @Autowired
    Journal journal;
    @Autowired
    Users users;

    PayrollSetup.Setup setup;
    String base;
    long run;
    String employee;
    CurrentUser manager;

    @BeforeEach
    void approvedRun() {
        setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        TenantScope.run(AllowedClients.ALL, () -> books.open(setup.client().id(), "US_GAAP", null));
        base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        employee = PayRunLifecycleTest.hired(api().as(setup.preparerToken()).post(base + "/employees", PayrollSetup.usEmployee("U1")));
        PayRunLifecycleTest.hired(api().as(setup.preparerToken()).post(base + "/employees", PayrollSetup.usEmployee("U2")));
        Api.Response prepared = api().as(setup.preparerToken()).post(base + "/pay-runs", Map.of("payGroup", "US-BW", "periodEnd", "2026-02-27"));
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(201);
        assertThat(prepared.text("payDate")).isEqualTo("2026-03-04");
        assertThat(prepared.body().path("period").asInt()).as("the fifth pay date of 2026").isEqualTo(5);
        run = prepared.body().path("id").asLong();
        api().as(setup.preparerToken()).post(base + "/pay-runs/" + run + "/submission", Map.of());
        api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE"));
        assertThat(api().as(setup.approverToken()).post(base + "/pay-runs/" + run + "/client-approval", Map.of("decision", "APPROVE"))
                .text("status")).isEqualTo("APPROVED");
        manager = CurrentUser.of(setup.manager());
    }

    @Test
    void aCrashDuringFinalisationLeavesNothingAndTheRetryFinalisesOnce() throws Exception {
        assertThatThrownBy(() -> TenantScope.run(manager.allowedClients(), () -> transactions.executeWithoutResult(tx -> {
            runs.finalise(setup.client().id(), run, manager);
            throw new IllegalStateException("the node dies before the commit");
        }))).hasMessageContaining("dies");
        Api api = api().as(setup.managerToken());
        assertThat(api.get(base + "/pay-runs/" + run).text("status")).isEqualTo("APPROVED");
        assertThat(api.get(base + "/pay-runs/" + run).body().path("firstPayslipNumber").isNull()).isTrue();
        assertThat(api.get(base + "/employees/" + employee + "/to-date?taxYear=2026").text("gross")).isEqualTo("0");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Api.Response> finalise = () -> api.post(base + "/pay-runs/" + run + "/finalisation", Map.of());
            List<Future<Api.Response>> both = pool.invokeAll(List.of(finalise, finalise));
            for (Future<Api.Response> response : both) {
                assertThat(response.get().status()).isEqualTo(200);
                assertThat(response.get().text("status")).isEqualTo("FINALISED");
            }
        } finally {
            pool.shutdownNow();
        }
        String gross = api.get(base + "/pay-runs/" + run + "/payslips/" + employee).body().path("gross").asString();
        assertThat(gross).isEqualTo("3000.00");
        assertThat(api.get(base + "/employees/" + employee + "/to-date?taxYear=2026").text("gross")).as("carried once").isEqualTo(gross);

        List<Entry> posted = await().atMost(Duration.ofSeconds(20)).until(() -> TenantScope.call(AllowedClients.ALL,
                () -> journal.page(setup.client().id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), null, 0, 10)),
                entries -> !entries.isEmpty());
        assertThat(posted).hasSize(1);
        Entry entry = posted.getFirst();
        assertThat(entry.source()).isEqualTo(EntrySource.PAYROLL_RUN);
        assertThat(entry.idempotencyKey()).isEqualTo("payroll-run:" + run);
        assertThat(entry.date()).isEqualTo(LocalDate.of(2026, 3, 4));
        long debits = entry.lines().stream().mapToLong(Entry.Line::debit).sum();
        long credits = entry.lines().stream().mapToLong(Entry.Line::credit).sum();
        assertThat(debits).isEqualTo(credits);
        assertThat(entry.lines().stream().filter(l -> l.account().equals("6010")).mapToLong(Entry.Line::debit).sum())
                .as("gross pay of two employees, in cents").isEqualTo(600_000);
        assertThat(entry.lines().stream().map(Entry.Line::memo).toList()).contains("withheld FIT", "net pay NET", "employer cost SS_ER");

        api.post(base + "/pay-runs/" + run + "/payment", Map.of());
        api.post(base + "/pay-runs/" + run + "/payment", Map.of());
        assertThat(api.get(base + "/pay-runs/" + run + "/payment-instructions").body().size()).isEqualTo(2);
    }
}
