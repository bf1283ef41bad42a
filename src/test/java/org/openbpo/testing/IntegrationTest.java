package org.openbpo.testing;

import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.ProviderBootstrap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Base of the integration tests: the whole application on a random port against the shared
 * embedded PostgreSQL, with a clock tests can move. Every test class shares one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.TestClock.class)
public abstract class IntegrationTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Where the clock stands when each test starts, whatever the test before it did with it. */
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.settings().springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("openbpo.audit.seal-interval", () -> "500");
        // The tests move one clock back and forth; a background SLA tick between two steps would escalate or breach
        // items halfway through a test. Tests that mean the timers run them themselves (SlaTimers.escalateDue, breachDue).
        registry.add("openbpo.sla.timer-interval", () -> "86400000");
        // Likewise for delivering unfinished events again and marking stale ones failed: tests that mean it run
        // EventRedelivery.redeliverFailed themselves.
        registry.add("openbpo.events.redelivery-interval", () -> "86400000");
        registry.add("spring.modulith.events.staleness.check-interval", () -> "P1D");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected ProviderBootstrap bootstrap;

    @Autowired
    private JdbcClient feedReader;

    @Autowired
    private TransactionTemplate feedTransactions;

    /**
     * Waits until the modules that act on completed work (billing, quality, support) have taken every
     * completion from the work engine's completion feed: what a test reads next counts them.
     */
    protected void awaitCompletedWorkTakenUp() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
                TenantScope.call(AllowedClients.ALL, () -> feedTransactions.execute(tx -> feedReader.sql(
                        "select count(*) from work.completion_feed where retry_at is null").query(Long.class).single())) == 0);
    }

    @BeforeEach
    void startTheClockAfresh() {
        clock.set(START);
    }

    /** A name no other test of this run uses, for codes and emails. */
    protected static String unique(String prefix) {
        return prefix + ProcessHandle.current().pid() % 10000 + "X" + SEQUENCE.incrementAndGet();
    }

    protected CurrentUser providerAdministrator() {
        return TenantScope.call(AllowedClients.ALL, () -> bootstrap.firstAdministrator(
                unique("admin").toLowerCase() + "@provider.test", "Test Administrator", "correct horse battery"));
    }

    protected Api api() {
        return new Api("http://localhost:" + port);
    }
}
