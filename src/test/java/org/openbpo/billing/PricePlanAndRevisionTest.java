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
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A price plan or a one-off fee is checked against its contract's term; a revision ending the term earlier, saved
 * while the plan or fee is being added, must not leave one behind that was checked against the term as it was.
 */
class PricePlanAndRevisionTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aPlanDefinedWhileARevisionEndsTheTermWaitsForItAndIsCheckedAgainstTheNewTerm() throws Exception {
        refusedOnceTheRevisionCommits("PPR", (client, contract) -> context.getBean(PricePlans.class).define(client,
                new DefinePricePlan(contract, "support", LocalDate.of(2026, 5, 1), null, "ticket", Pricing.GRADUATED,
                        List.of(new Tier(null, new BigDecimal("4.00"))), null, null, null, null, null, null, null, null, "VAT",
                        new BigDecimal("20"), null)), "effectiveFrom");
    }

    @Test
    void aFeeAddedWhileARevisionEndsTheTermWaitsForItAndIsCheckedAgainstTheNewTerm() throws Exception {
        refusedOnceTheRevisionCommits("PPF", (client, contract) -> context.getBean(PricePlans.class).addOneOffFee(client,
                new AddOneOffFee(contract, "support", "2026-05", "Exit fee", new BigDecimal("500.00"), unique("fee"))), "period");
    }

    /**
     * While a revision ending the open-ended contract on 31 March is under way (not yet committed), {@code change} waits
     * for it, and once it commits is refused on {@code field}, checked against the term as the revision left it.
     */
    private void refusedOnceTheRevisionCommits(String code, BiFunction<UUID, UUID, ?> change, String field) throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique(code));
        UUID client = setup.client().id();
        UUID contract = setup.contract().id();
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        CountDownLatch revised = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> revision = threads.submit(() -> TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> {
                context.getBean(Contracts.class).revise(client, contract, new ReviseContract(
                        CalendarSpec.mondayToFriday("Europe/London", "09:00-17:30", List.of()), List.of(), null, "Term ends",
                        LocalDate.of(2026, 3, 31)));
                revised.countDown();
                awaitQuietly(commit);
            })));
            assertThat(revised.await(30, TimeUnit.SECONDS)).isTrue();

            Future<?> changing = threads.submit(() -> TenantScope.call(AllowedClients.ALL, () -> change.apply(client, contract)));
            try {
                await("waiting for the revision").atMost(Duration.ofSeconds(10))
                        .until(() -> changing.isDone() || waitingForTheContract() > 0);
                assertThat(changing.isDone()).as("saved before the revision committed").isFalse();
            } finally {
                commit.countDown();
            }
            revision.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> changing.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("to 2026-03-31")
                    .satisfies(refused -> assertThat(((BusinessRuleViolation) refused).field()).isEqualTo(field));
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
