package org.openbpo.billing;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.ReviseContract;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A price plan is checked against its contract's term; a revision ending the term earlier, saved while the plan is
 * being defined, must not leave a plan behind that was checked against the term as it was.
 */
class PricePlanAndRevisionTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aPlanDefinedWhileARevisionEndsTheTermWaitsForItAndIsCheckedAgainstTheNewTerm() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("PPR"));
        UUID client = setup.client().id();
        UUID contract = setup.contract().id();
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        CountDownLatch revised = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            // the open-ended contract is revised to end on 31 March; the revision has not committed yet
            Future<?> revision = threads.submit(() -> TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> {
                context.getBean(Contracts.class).revise(client, contract, new ReviseContract(
                        CalendarSpec.mondayToFriday("Europe/London", "09:00-17:30", List.of()), List.of(), null, "Term ends",
                        LocalDate.of(2026, 3, 31)));
                revised.countDown();
                awaitQuietly(commit);
            })));
            assertThat(revised.await(30, TimeUnit.SECONDS)).isTrue();

            Future<PricePlan> defining = threads.submit(() -> TenantScope.call(AllowedClients.ALL, () ->
                    context.getBean(PricePlans.class).define(client, new DefinePricePlan(contract, "support",
                            LocalDate.of(2026, 5, 1), null, "ticket", Pricing.GRADUATED, List.of(new Tier(null, new BigDecimal("4.00"))),
                            null, null, null, null, null, null, null, null, "VAT", new BigDecimal("20"), null))));
            try {
                await("the plan waits for the revision").atMost(Duration.ofSeconds(10))
                        .until(() -> defining.isDone() || waitingForTheContract() > 0);
                assertThat(defining.isDone()).as("defined before the revision committed").isFalse();
            } finally {
                commit.countDown();
            }
            revision.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> defining.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("to 2026-03-31")
                    .satisfies(refused -> assertThat(((BusinessRuleViolation) refused).field()).isEqualTo("effectiveFrom"));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long waitingForTheContract() throws Exception {
        try (Connection superuser = TestDatabase.get().superuserConnection(); Statement sql = superuser.createStatement();
             ResultSet waiting = sql.executeQuery("""
                     select count(*) from pg_stat_activity
                      where wait_event_type = 'Lock' and query like '%from contracts.contract where%'""")) {
            waiting.next();
            return waiting.getLong(1);
        }
    }
}
