package org.openbpo.ledger;

import org.openbpo.audit.AuditTrail;
import org.openbpo.ledger.domain.Conversion;
import org.openbpo.ledger.domain.Posting;
import org.openbpo.ledger.domain.PostingLine;
import org.openbpo.ledger.persistence.BalanceRows;
import org.openbpo.ledger.persistence.ChartRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Revalues foreign-currency balances of monetary accounts (assets and liabilities, IAS 21.23) at
 * the closing rate of a day. Each account's functional value moves to its balance at that rate;
 * the difference goes to the unrealised exchange gain or loss account. Lines carry no foreign
 * amount, only functional value, so the foreign balances stay as they are. One revaluation per
 * client and day: running it again returns the first.
 */
@Service
public class Revaluation {

    private static final LocalDate BEGINNING = LocalDate.of(1, 1, 1);
    private static final Logger LOG = LoggerFactory.getLogger(Revaluation.class);

    private final Journal journal;
    private final Books books;
    private final BalanceRows balances;
    private final ChartRows charts;
    private final ExchangeRates rates;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Revaluation(Journal journal, Books books, BalanceRows balances, ChartRows charts, ExchangeRates rates, AuditTrail audit,
                TransactionTemplate transactions, Clock clock) {
        this.clock = clock;
        this.journal = journal;
        this.books = books;
        this.balances = balances;
        this.charts = charts;
        this.rates = rates;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Posts the revaluation at the end of {@code asOf}; empty when nothing needed revaluing. */
    @Transactional
    public Optional<Posted> revalue(UUID client, LocalDate asOf) {
        Currency functional = books.book(client).functionalCurrency();
        Optional<Posted> earlier = journal.replay(client, "revaluation:" + asOf)
                .filter(first -> first.entry().source() == EntrySource.REVALUATION);
        if (earlier.isPresent()) {
            return earlier;
        }
        Map<String, Account> chart = new TreeMap<>();
        books.accounts(client).forEach(account -> chart.put(account.code(), account));
        Account gainOrLoss = chart.values().stream().filter(a -> a.purpose() == AccountPurpose.UNREALISED_FX).findFirst()
                .orElseThrow(() -> BusinessRuleViolation.conflict("no-fx-account",
                        "The chart has no account for unrealised exchange differences."));
        List<PostingLine> lines = new ArrayList<>();
        Map<String, Long> toGainOrLoss = new TreeMap<>();
        for (BalanceRows.AccountBalance balance : balances.movements(client, BEGINNING, asOf)) {
            Account account = chart.get(balance.account());
            Currency currency = Currency.getInstance(balance.currency());
            if (currency.equals(functional) || !(account.type() == AccountType.ASSET || account.type() == AccountType.LIABILITY)) {
                continue;
            }
            BigDecimal rate = rates.of(client).on(asOf, currency, functional).orElseThrow(() -> new BusinessRuleViolation(422,
                    "no-exchange-rate", "date", "There is no " + currency + "/" + functional + " rate on or before " + asOf + "."));
            long difference = Conversion.atRate(balance.amount(), currency, functional, rate) - balance.functionalAmount();
            if (difference != 0) {
                lines.add(new PostingLine(account.code(), currency.getCurrencyCode(), 0, difference, null, null,
                        "Revalued at " + rate.stripTrailingZeros().toPlainString()));
                toGainOrLoss.merge(currency.getCurrencyCode(), -difference, Math::addExact);
            }
        }
        toGainOrLoss.forEach((currency, difference) -> {
            if (difference != 0) {
                lines.add(new PostingLine(gainOrLoss.code(), currency, 0, difference, null, null, "Unrealised exchange difference"));
            }
        });
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Posted posted = journal.write(client, new Posting(asOf, "Revaluation of foreign-currency balances at " + asOf,
                EntrySource.REVALUATION, "revaluation:" + asOf, false, null, lines));
        if (!posted.replayed()) {
            audit.record(client, "ledger.revalued", "entry", posted.entry().id(), null, asOf);
        }
        return Optional.of(posted);
    }

    /**
     * At the start of each month, every client's books are revalued at the end of the month before.
     * Every node may run it: the revaluation's key makes a second run a no-op.
     */
    @Scheduled(cron = "${openbpo.ledger.revaluation-cron:0 0 1 1 * *}", zone = "UTC")
    public void monthEnd() {
        revalueAll(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1).minusDays(1));
    }

    /** The job: revalues every client's books at a day, each client in its own transaction. */
    public int revalueAll(LocalDate asOf) {
        List<UUID> clients = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> charts.clientsWithBooks()));
        int posted = 0;
        for (UUID client : clients == null ? List.<UUID>of() : clients) {
            try {
                Optional<Posted> result = TenantScope.call(AllowedClients.only(client),
                        () -> transactions.execute(tx -> revalue(client, asOf)));
                posted += result != null && result.isPresent() && !result.get().replayed() ? 1 : 0;
            } catch (BusinessRuleViolation refused) {
                // A client without the day's rate, or with its month closed, waits for its accountant.
                LOG.warn("Revaluation of client {} at {} refused: {}", client, asOf, refused.getMessage());
            }
        }
        return posted;
    }
}
