package org.openbpo.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.openbpo.OpenBpoApplication;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's invariants for any journal: whatever balanced entries are posted, in whatever
 * currencies, the trial balance sums to zero per currency and in functional value; and reversing
 * every entry brings every balance back to zero. Runs against the real database.
 */
class LedgerPropertiesTest {

    private static final List<String> ACCOUNTS = List.of("1010", "1020", "1100", "2010", "3010", "4100", "6010", "6100");
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static ConfigurableApplicationContext context;

    record Draft(int currency, int account, long amount) {
    }

    @Provide
    Arbitrary<List<List<Draft>>> journals() {
        Arbitrary<Draft> draft = Combinators.combine(Arbitraries.integers().between(0, CURRENCIES.size() - 1),
                Arbitraries.integers().between(0, ACCOUNTS.size() - 1),
                Arbitraries.longs().between(1, 5_000_000_00L), Arbitraries.of(1L, -1L))
                .as((currency, account, amount, sign) -> new Draft(currency, account, amount * sign));
        return draft.list().ofMinSize(1).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 20)
    void anyBalancedJournalGivesATrialBalanceThatSumsToZeroPerCurrency(@ForAll("journals") List<List<Draft>> journal) {
        UUID client = newBooks();
        List<Posted> posted = post(client, journal);
        TrialBalance trial = TenantScope.call(AllowedClients.only(client), () -> bean(Reports.class).trialBalance(client, DAY));
        for (TrialBalance.Total total : trial.totals()) {
            assertThat(total.debits()).as(total.currency()).isEqualTo(total.credits());
        }
        assertThat(trial.functionalDebits()).isEqualTo(trial.functionalCredits());
        Map<String, Long> perCurrency = new HashMap<>();
        trial.rows().forEach(row -> perCurrency.merge(row.currency(), row.debit() - row.credit(), Long::sum));
        assertThat(perCurrency.values()).allMatch(sum -> sum == 0);
        assertThat(posted).allMatch(p -> !p.replayed());
    }

    @Property(tries = 15)
    void reversingEveryEntryLeavesEveryBalanceAtZero(@ForAll("journals") List<List<Draft>> journal) {
        UUID client = newBooks();
        List<Posted> posted = post(client, journal);
        TenantScope.run(AllowedClients.only(client), () -> posted.forEach(p ->
                bean(Journal.class).reverse(client, p.entry().id(), new ReverseEntry(DAY.plusDays(1), null))));
        TrialBalance trial = TenantScope.call(AllowedClients.only(client), () -> bean(Reports.class).trialBalance(client, DAY.plusDays(1)));
        assertThat(trial.rows()).isEmpty();
        TrialBalance before = TenantScope.call(AllowedClients.only(client), () -> bean(Reports.class).trialBalance(client, DAY));
        assertThat(before.rows()).as("as of the day before the reversals the entries still show").isNotEmpty();
    }

    private static List<Posted> post(UUID client, List<List<Draft>> journal) {
        List<Posted> posted = new ArrayList<>();
        for (int i = 0; i < journal.size(); i++) {
            PostEntry entry = new PostEntry(DAY, "Entry " + i, EntrySource.MANUAL, "p-" + i, false, balanced(journal.get(i)));
            posted.add(TenantScope.call(AllowedClients.only(client), () -> bean(Journal.class).post(client, entry)));
        }
        return posted;
    }

    /** The drafts as lines, each currency's lines closed by a line that balances them. */
    static List<PostEntry.Line> balanced(List<Draft> drafts) {
        Map<Integer, List<Draft>> byCurrency = new LinkedHashMap<>();
        drafts.forEach(d -> byCurrency.computeIfAbsent(d.currency(), c -> new ArrayList<>()).add(d));
        List<PostEntry.Line> lines = new ArrayList<>();
        byCurrency.forEach((currency, group) -> {
            long sum = 0;
            for (Draft d : group) {
                lines.add(line(ACCOUNTS.get(d.account()), d.amount(), CURRENCIES.get(currency)));
                sum += d.amount();
            }
            if (sum != 0) {
                lines.add(line(ACCOUNTS.get((group.getFirst().account() + 1) % ACCOUNTS.size()), -sum, CURRENCIES.get(currency)));
            }
        });
        return lines;
    }

    private static PostEntry.Line line(String account, long amount, String currency) {
        return amount > 0 ? PostEntry.Line.debit(account, amount, currency) : PostEntry.Line.credit(account, -amount, currency);
    }

    private static UUID newBooks() {
        return TenantScope.call(AllowedClients.ALL, () -> {
            UUID client = bean(Clients.class).register(new RegisterClient("PROP" + ProcessHandle.current().pid() % 10000 + "X"
                    + CLIENTS.incrementAndGet(), "Property Co", "Property Co Inc", "US", "America/New_York", "USD",
                    ClientStatus.ACTIVE)).id();
            bean(Books.class).open(client, "US_GAAP", null);
            bean(ExchangeRates.class).quote(client, new ExchangeRate("EUR", "USD", DAY, new BigDecimal("1.0843")));
            bean(ExchangeRates.class).quote(client, new ExchangeRate("JPY", "USD", DAY, new BigDecimal("0.006667")));
            return client;
        });
    }

    private static synchronized <T> T bean(Class<T> type) {
        if (context == null) {
            Map<String, Object> properties = new HashMap<>(TestDatabase.settings().springProperties());
            properties.put("server.port", 0);
            properties.put("spring.main.banner-mode", "off");
            // As arguments, so they win over application.properties (the port above all).
            String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            context = new SpringApplicationBuilder(OpenBpoApplication.class).run(arguments);
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context.getBean(type);
    }
}
