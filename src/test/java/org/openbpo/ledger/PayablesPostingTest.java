package org.openbpo.ledger;

import org.junit.jupiter.api.Test;
import org.openbpo.payables.PayablesEvents.ApprovedInvoice;
import org.openbpo.payables.PayablesEvents.InvoicesApproved;
import org.openbpo.shared.events.EventRedelivery;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An approved vendor invoice the client's books refuse today is not lost: its event comes again, and it posts once. */
class PayablesPostingTest extends IntegrationTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;
    @Autowired
    Journal journal;
    @Autowired
    ExchangeRates rates;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    EventRedelivery redelivery;

    @Test
    void aForeignInvoiceWithoutARatePostsOnceTheRateIsQuotedAndTheEventComesAgain() {
        UUID client = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens, books, "US_GAAP", "USD")
                .client().id();
        UUID euros = UUID.randomUUID();
        UUID dollars = UUID.randomUUID();
        approve(client, euros, dollars);

        // The books have no EUR rate for the day: the USD invoice posts, the EUR one waits, its event not completed.
        await().atMost(Duration.ofSeconds(15)).until(() -> delivered(euros).isPresent());
        assertThat(delivered(euros)).contains(false);
        assertThat(keys(client)).containsExactly("payables-invoice-" + dollars);

        TenantScope.run(AllowedClients.only(client), () -> rates.quote(client, new ExchangeRate("EUR", "USD", DAY, new BigDecimal("1.08"))));
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof InvoicesApproved approved && approved.clientId().equals(client));
        await().atMost(Duration.ofSeconds(15)).until(() -> delivered(euros).orElse(false));
        assertThat(keys(client)).containsExactlyInAnyOrder("payables-invoice-" + dollars, "payables-invoice-" + euros);
    }

    @Test
    void aRefusedInvoiceIsPostedOnceWithoutARestartWhenTheRedeliveryComesRoundOnTwoNodesAtOnce() throws Exception {
        UUID client = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens, books, "US_GAAP", "USD")
                .client().id();
        UUID euros = UUID.randomUUID();
        UUID dollars = UUID.randomUUID();
        approve(client, euros, dollars);
        await().atMost(Duration.ofSeconds(15)).until(() -> delivered(euros).isPresent());
        assertThat(delivered(euros)).contains(false);

        TenantScope.run(AllowedClients.only(client), () -> rates.quote(client, new ExchangeRate("EUR", "USD", DAY, new BigDecimal("1.08"))));
        redelivery.redeliverFailed();
        assertThat(delivered(euros)).as("not taken again before it is a few minutes old").contains(false);

        clock.advance(Duration.ofMinutes(6));
        try (var nodes = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int node = 0; node < 2; node++) {
                nodes.submit(() -> {
                    start.await();
                    redelivery.redeliverFailed();
                    return null;
                });
            }
            start.countDown();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> delivered(euros).orElse(false));
        assertThat(keys(client)).containsExactlyInAnyOrder("payables-invoice-" + dollars, "payables-invoice-" + euros);
    }

    void approve(UUID client, UUID euros, UUID dollars) {
        TenantScope.run(AllowedClients.only(client), () -> transactions.executeWithoutResult(tx -> events.publishEvent(
                new InvoicesApproved(client, DAY, List.of(new ApprovedInvoice(euros, "Lyon Fournitures", "F-" + euros, "EUR", 100_00, null),
                        new ApprovedInvoice(dollars, "Chicago Paper", "C-" + dollars, "USD", 50_00, null))))));
    }

    /** Whether the ledger's listener finished the event naming this invoice: empty while it runs. */
    Optional<Boolean> delivered(UUID invoice) {
        return jdbc.sql("""
                        select completion_date is not null from event_publication
                         where listener_id like '%PayablesPosting%' and serialized_event like ? and status in ('COMPLETED', 'FAILED')""")
                .param("%" + invoice + "%").query(Boolean.class).optional();
    }

    List<String> keys(UUID client) {
        return TenantScope.call(AllowedClients.only(client), () -> journal.page(client, DAY, DAY, null, 0, 100))
                .stream().map(Entry::idempotencyKey).toList();
    }
}
