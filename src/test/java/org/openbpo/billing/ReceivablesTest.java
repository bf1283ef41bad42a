package org.openbpo.billing;

import org.junit.jupiter.api.Test;
import org.openbpo.billing.persistence.InvoiceRows;
import org.openbpo.ledger.Entry;
import org.openbpo.ledger.Journal;
import org.openbpo.ledger.Reports;
import org.openbpo.ledger.TrialBalance;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openbpo.billing.BillingApiTest.plan;

/**
 * Issued invoices and credit notes post to the provider's own books (the house): receivables per
 * client, revenue per service line, service credits as contra-revenue, tax payable; every figure
 * below is worked out by hand from the price plans.
 */
@RecordApplicationEvents
class ReceivablesTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Invoicing invoicing;
    @Autowired
    Journal journal;
    @Autowired
    Reports reports;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void issuedInvoicesAndACreditNoteOfTwoClientsPostToTheHouseBookExactlyOnce() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        UUID house = HouseFixture.house(context, admin);
        WorkFixture fixture = new WorkFixture(context);
        WorkFixture.Setup a = fixture.clientUnderContract(admin, unique("RCVA"));
        WorkFixture.Setup b = fixture.clientUnderContract(admin, unique("RCVB"));
        Api billing = api().as(a.adminToken());
        // A: 4.00 a ticket and 1,000.00 a month; B: 4.00 a ticket and 500.00 a month; VAT 20% for both.
        post(billing, a, "/price-plans", plan(a.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "1000.00")));
        post(billing, b, "/price-plans", plan(b.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "500.00")));
        post(billing, a, "/usage", usage("10", "export-a"));
        post(billing, b, "/usage", usage("5", "export-b"));
        // A missed a target: 5% of its March support fees.
        post(billing, a, "/service-credits", Map.of("period", "2026-03", "serviceLine", "support", "percent", "5",
                "reason", "SLA attainment missed", "sourceKey", "receivables-test"));

        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        UUID invoiceA = reviewed(billing, a);
        UUID invoiceB = reviewed(billing, b);
        Invoice issuedA = TenantScope.call(AllowedClients.ALL, () -> invoicing.issue(a.client().id(), invoiceA));
        Invoice issuedB = TenantScope.call(AllowedClients.ALL, () -> invoicing.issue(b.client().id(), invoiceB));
        // A: usage 10 × 4.00 = 40.00, fee 1,000.00, credit 5% of 1,040.00 = -52.00: 988.00 + VAT 197.60 = 1,185.60.
        assertThat(issuedA.total()).isEqualByComparingTo("1185.60");
        // B: 5 × 4.00 = 20.00 and 500.00: 520.00 + VAT 104.00 = 624.00.
        assertThat(issuedB.total()).isEqualByComparingTo("624.00");
        // A credit note for A's usage line: -40.00, VAT -8.00, -48.00.
        Invoice note = TenantScope.call(AllowedClients.ALL, () -> invoicing.creditNote(a.client().id(), invoiceA,
                new IssueCreditNote("Tickets counted twice", List.of(1))));
        assertThat(note.total()).isEqualByComparingTo("-48.00");

        List<Entry> posted = await().atMost(Duration.ofSeconds(20)).until(() -> entries(house, issuedA, issuedB, note), e -> e.size() == 3);
        Map<String, Long> sums = new HashMap<>();
        for (Entry entry : posted) {
            entry.lines().forEach(line -> sums.merge(line.account(), line.amount(), Long::sum));
        }
        String arA = "AR-" + a.client().code();
        String arB = "AR-" + b.client().code();
        assertThat(sums).containsOnly(Map.entry(arA, 1185_60L - 48_00L), Map.entry(arB, 624_00L),
                Map.entry("REV-support", -(1040_00L + 520_00L - 40_00L)), Map.entry("CRD-support", 52_00L),
                Map.entry("2300", -(197_60L + 104_00L - 8_00L)));
        assertThat(posted).extracting(e -> e.source().name()).containsExactlyInAnyOrder("CLIENT_INVOICE", "CLIENT_INVOICE", "CREDIT_NOTE");

        // The house's trial balance: each client's receivable is exactly what was issued to it, to the cent.
        TrialBalance balance = TenantScope.call(AllowedClients.only(house), () -> reports.trialBalance(house, LocalDate.of(2026, 4, 30)));
        assertThat(row(balance, arA)).isEqualTo(issuedA.total().add(note.total()).movePointRight(2).longValueExact());
        assertThat(row(balance, arB)).isEqualTo(issuedB.total().movePointRight(2).longValueExact());

        // The same event delivered again posts nothing.
        InvoiceIssued first = events.stream(InvoiceIssued.class).filter(e -> e.invoiceId().equals(invoiceA)).findFirst().orElseThrow();
        transactions.executeWithoutResult(tx -> publisher.publishEvent(first));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(invoiceA) == 2);
        assertThat(entries(house, issuedA, issuedB, note)).hasSize(3);
        TrialBalance after = TenantScope.call(AllowedClients.only(house), () -> reports.trialBalance(house, LocalDate.of(2026, 4, 30)));
        assertThat(row(after, arA)).isEqualTo(row(balance, arA));
    }

    @Test
    void monthEndIssuesManyInvoicesInOneEventAndEachPostsOnceHoweverOftenItComes() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        UUID house = HouseFixture.house(context, admin);
        WorkFixture fixture = new WorkFixture(context);
        List<WorkFixture.Setup> setups = List.of(fixture.clientUnderContract(admin, unique("RCVM")),
                fixture.clientUnderContract(admin, unique("RCVN")));
        Api billing = api().as(setups.getFirst().adminToken());
        for (WorkFixture.Setup setup : setups) {
            post(billing, setup, "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-03-01",
                    List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "300.00")));
        }
        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        List<UUID> ids = setups.stream().map(s -> s.client().id()).toList();
        TenantScope.run(AllowedClients.ALL, () -> {
            invoicing.closeMonth(ids, LocalDate.of(2026, 3, 1));
            assertThat(invoicing.issueMonth(ids, LocalDate.of(2026, 3, 1))).isEqualTo(2);
        });
        List<Invoice> issued = TenantScope.call(AllowedClients.ALL, () -> ids.stream()
                .flatMap(id -> invoicing.of(id, LocalDate.of(2026, 3, 1), true, 10).stream()).toList());
        assertThat(issued).hasSize(2).allSatisfy(i -> assertThat(i.total()).isEqualByComparingTo("360.00")); // 300.00 + VAT 60.00
        Invoice[] documents = issued.toArray(Invoice[]::new);
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(house, documents).size() == 2);

        InvoicesIssued monthEnd = events.stream(InvoicesIssued.class).filter(e -> e.invoices().stream()
                .anyMatch(i -> i.invoiceId().equals(documents[0].id()))).findFirst().orElseThrow();
        assertThat(monthEnd.invoices()).hasSize(2);
        transactions.executeWithoutResult(tx -> publisher.publishEvent(monthEnd));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(documents[0].id()) == 2);
        List<Entry> posted = entries(house, documents);
        assertThat(posted).hasSize(2);
        for (int i = 0; i < 2; i++) {
            String receivable = "AR-" + setups.get(i).client().code();
            assertThat(posted).filteredOn(e -> e.lines().stream().anyMatch(l -> l.account().equals(receivable))).singleElement()
                    .satisfies(e -> assertThat(e.lines()).filteredOn(l -> l.account().equals(receivable))
                            .extracting(Entry.Line::debit).containsExactly(360_00L));
        }
    }

    @Test
    void billingAnalystsAndAdministratorsReadTheHouseBookClientsDoNot() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        HouseFixture.house(context, admin);
        WorkFixture.Setup a = new WorkFixture(context).clientUnderContract(admin, unique("RCVC"));
        String analyst = TenantScope.call(AllowedClients.ALL, () -> {
            User user = context.getBean(Users.class).invite(new InviteUser(null, unique("analyst").toLowerCase() + "@provider.test",
                    "Bea Analyst", "long enough password", Set.of(Role.BILLING_ANALYST), false, Set.of(a.client().id())), admin);
            return context.getBean(ApiTokens.class).issue(CurrentUser.of(user), "tests", null, Duration.ofDays(1)).secret();
        });
        assertThat(api().as(a.adminToken()).get("/api/v1/ledger/house/reports/trial-balance").status()).isEqualTo(200);
        Api.Response read = api().as(analyst).get("/api/v1/ledger/house/reports/trial-balance?asOf=2026-04-30");
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        assertThat(read.body().path("rows").isArray()).isTrue();
        assertThat(api().as(a.requesterToken()).get("/api/v1/ledger/house/reports/trial-balance").status())
                .as("a client's people never see the provider's books").isEqualTo(404);
        assertThat(api().as(a.makerToken()).get("/api/v1/ledger/house").status()).as("nor do agents").isEqualTo(404);
        Api.Response designate = api().as(analyst).post("/api/v1/ledger/house", Map.of("clientId", a.client().id(), "template", "US_GAAP"));
        assertThat(designate.status()).isEqualTo(403);
        Api.Response another = api().as(a.adminToken()).post("/api/v1/ledger/house", Map.of("clientId", a.client().id(), "template", "US_GAAP"));
        assertThat(another.status()).isEqualTo(409);
        assertThat(another.text("code")).isEqualTo("house-designated");
    }

    @Test
    void staffWhoServeEveryClientStillDoNotReachTheHouseBookThroughAClientsLedgerPaths() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        UUID house = HouseFixture.house(context, admin);
        WorkFixture.Setup a = new WorkFixture(context).clientUnderContract(admin, unique("RCVE"));
        String lead = TenantScope.call(AllowedClients.ALL, () -> {
            User user = context.getBean(Users.class).invite(new InviteUser(null, unique("lead").toLowerCase() + "@provider.test",
                    "Tom Lead", "long enough password", Set.of(Role.TEAM_LEAD), true, null), admin);
            return context.getBean(ApiTokens.class).issue(CurrentUser.of(user), "tests", null, Duration.ofDays(1)).secret();
        });
        String houseLedger = "/api/v1/clients/" + house + "/ledger";
        Api them = api().as(lead);
        assertThat(api().as(a.adminToken()).post("/api/v1/clients/" + a.client().id() + "/ledger/books", Map.of("template", "US_GAAP"))
                .status()).isEqualTo(201);
        assertThat(them.get("/api/v1/clients/" + a.client().id() + "/ledger/books").status()).as("any client's books").isEqualTo(200);
        for (String path : List.of("/reports/trial-balance", "/reports/income-statement?from=2026-01-01&to=2026-12-31",
                "/entries", "/accounts", "/books", "/journal")) {
            Api.Response refused = them.get(houseLedger + path);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.text("detail")).as(path).doesNotContain("house");
        }
        assertThat(them.post(houseLedger + "/entries", Map.of("date", "2026-03-02", "description", "x", "idempotencyKey", unique("k"),
                "lines", List.of(Map.of("account", "1010", "debit", 1), Map.of("account", "4010", "credit", 1)))).status())
                .as("nor write to them").isEqualTo(404);
        assertThat(api().as(a.adminToken()).get(houseLedger + "/reports/trial-balance").status())
                .as("administrators keep the house's books through either path").isEqualTo(200);
    }

    private List<Entry> entries(UUID house, Invoice... documents) {
        Set<String> keys = new java.util.HashSet<>();
        for (Invoice document : documents) {
            keys.add("billing-invoice:" + document.id());
        }
        return TenantScope.call(AllowedClients.only(house), () -> {
            List<Entry> found = new java.util.ArrayList<>();
            LocalDate afterDate = null;
            long afterId = 0;
            while (true) {
                List<Entry> page = journal.page(house, LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 2), afterDate, afterId, 500);
                page.stream().filter(e -> keys.contains(e.idempotencyKey())).forEach(found::add);
                if (page.size() < 500) {
                    return found;
                }
                afterDate = page.getLast().date();
                afterId = page.getLast().id();
            }
        });
    }

    private long deliveries(UUID invoiceId) {
        return jdbc.sql("""
                        select count(*) from event_publication where listener_id like '%InvoicePosting%'
                           and serialized_event like ? and completion_date is not null""")
                .param("%" + invoiceId + "%").query(Long.class).single();
    }

    private static long row(TrialBalance balance, String account) {
        return balance.rows().stream().filter(r -> r.account().equals(account) && r.currency().equals("GBP"))
                .mapToLong(r -> r.debit() - r.credit()).sum();
    }

    @Test
    void twoCreditNotesForTheSameInvoiceAtOnceCreditItOnce() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CurrentUser admin = providerAdministrator();
        WorkFixture.Setup a = new WorkFixture(context).clientUnderContract(admin, unique("RCVT"));
        Api billing = api().as(a.adminToken());
        post(billing, a, "/price-plans", plan(a.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "1000.00")));
        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        UUID invoice = reviewed(billing, a);
        TenantScope.call(AllowedClients.ALL, () -> invoicing.issue(a.client().id(), invoice));

        // The first credit note is written and not yet committed when the second arrives.
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<Invoice> first = threads.submit(() -> TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> {
                Invoice note = invoicing.creditNote(a.client().id(), invoice, new IssueCreditNote("Billed in error", null));
                written.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return note;
            })));
            assertThat(written.await(20, TimeUnit.SECONDS)).isTrue();
            Future<Api.Response> second = threads.submit(() -> billing.post("/api/v1/clients/" + a.client().id() + "/invoices/"
                    + invoice + "/credit-notes", Map.of("reason", "Billed in error, again")));
            Thread.sleep(1_000);
            assertThat(second.isDone()).as("the second waits for the first").isFalse();
            commit.countDown();
            assertThat(first.get(20, TimeUnit.SECONDS).total()).isEqualByComparingTo("-1200.00");
            Api.Response refused = second.get(20, TimeUnit.SECONDS);
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
            assertThat(refused.text("code")).isEqualTo("invoice-fully-credited");
        }
    }

    @Test
    void creditNotesLineByLineAddUpToTheInvoiceToTheCent() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup a = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("RCVL"));
        Api billing = api().as(a.adminToken());
        post(billing, a, "/price-plans", plan(a.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "100.03")), Map.of("monthlyFee", "100.03")));
        post(billing, a, "/usage", usage("1", "one-ticket"));
        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        UUID invoice = reviewed(billing, a);
        Invoice issued = TenantScope.call(AllowedClients.ALL, () -> invoicing.issue(a.client().id(), invoice));
        // 100.03 + 100.03 = 200.06; VAT 20% = 40.012 → 40.01; total 240.07.
        assertThat(issued.total()).isEqualByComparingTo("240.07");

        String notes = "/api/v1/clients/" + a.client().id() + "/invoices/" + invoice + "/credit-notes";
        Api.Response first = billing.post(notes, Map.of("reason", "Ticket billed in error", "lines", List.of(1)));
        Api.Response second = billing.post(notes, Map.of("reason", "Fee waived", "lines", List.of(2)));
        // -100.03 with VAT -20.006 → -20.01: -120.04; then the tax of both lines (-40.01) less -20.01: -20.00, so -120.03.
        assertThat(first.body().path("total").decimalValue()).isEqualByComparingTo("-120.04");
        assertThat(second.body().path("total").decimalValue()).isEqualByComparingTo("-120.03");
        assertThat(first.body().path("tax").decimalValue().add(second.body().path("tax").decimalValue()))
                .isEqualByComparingTo(issued.tax().negate());
    }

    @Test
    void anEarlierMonthsFeesAreFoundForAClientInvoicedInTwoCurrencies() {
        WorkFixture.Setup a = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("RCVF"));
        InvoiceRows rows = context.getBean(InvoiceRows.class);
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> {
            LocalDate march = LocalDate.of(2026, 3, 1);
            assertThat(rows.feesOf(a.client().id(), march, "support")).as("not invoiced yet").isEmpty();
            for (String currency : List.of("GBP", "USD")) {
                rows.insert(a.client().id(), UUID.randomUUID(), InvoiceKind.INVOICE, march, currency, InvoiceStatus.DRAFT, null, null,
                        java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, 0, clock.instant(), "test");
            }
            assertThat(rows.feesOf(a.client().id(), march, "support")).hasValueSatisfying(fees -> assertThat(fees).isZero());
            tx.setRollbackOnly();
        }));
    }

    private UUID reviewed(Api billing, WorkFixture.Setup setup) {
        String client = "/api/v1/clients/" + setup.client().id();
        Api.Response drafted = billing.post(client + "/invoices", Map.of("period", "2026-03"));
        assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(201);
        String id = drafted.body().get(0).path("id").asString();
        assertThat(billing.post(client + "/invoices/" + id + "/review", Map.of()).status()).isEqualTo(200);
        return UUID.fromString(id);
    }

    private static void post(Api billing, WorkFixture.Setup setup, String path, Map<String, Object> body) {
        Api.Response response = billing.post("/api/v1/clients/" + setup.client().id() + path, body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    }

    private static Map<String, Object> usage(String quantity, String sourceId) {
        return Map.of("serviceLine", "support", "unit", "ticket", "quantity", quantity, "period", "2026-03", "sourceId", sourceId);
    }
}
