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
import org.openbpo.tenancy.Clients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Revalues foreign-currency balances of monetary accounts (assets and liabilities, IAS 21.23) at
 * the closing rate of a day. Each account's functional value moves to its balance at that rate;
 * the difference goes to the unrealised exchange gain or loss account. Lines carry no foreign
 * amount, only functional value, so the foreign balances stay as they are. One revaluation per
 * client and day: running it again returns the first, until that one is reversed; then the day may be
 * revalued again. Revaluations of one client's books run one at a time and in date order: a day
 * before a later revaluation that stands is refused.
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
    private final Periods periods;
    private final TransactionTemplate transactions;
    private final Clients clients;
    private final Clock clock;

    Revaluation(Journal journal, Books books, BalanceRows balances, ChartRows charts, ExchangeRates rates, AuditTrail audit,
                Periods periods, TransactionTemplate transactions, Clients clients, Clock clock) {
        this.clock = clock;
        this.periods = periods;
        this.clients = clients;
        this.journal = journal;
        this.books = books;
        this.balances = balances;
        this.charts = charts;
        this.rates = rates;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Posts the revaluation at the end of {@code asOf}; empty when nothing needed revaluing. Month
     * ends before it that were never revalued (the job refused for want of a rate, a node was down)
     * are revalued first, oldest first, each at its own day's rate: a revaluation moves functional
     * values to one day's rate, so revaluing only the latest day would leave every skipped month's
     * balance sheet and exchange result wrong. A missed month that cannot be revalued refuses the
     * whole run, naming that month. Closed months are left as they were closed.
     */
    @Transactional
    public Optional<Posted> revalue(UUID client, LocalDate asOf) {
        Currency functional = books.book(client).functionalCurrency();
        // Two revaluations at once would each move the balances they read before the other posted.
        journal.lockRevaluations(client);
        Optional<Posted> earlier = earlier(client, asOf);
        if (earlier.isPresent()) {
            return earlier;
        }
        refuseBeforeALaterRevaluation(client, asOf);
        for (LocalDate missed : missedMonthEnds(client, functional, asOf)) {
            try {
                revalueOn(client, functional, missed);
            } catch (BusinessRuleViolation refused) {
                throw new BusinessRuleViolation(refused.status(), refused.code(), refused.field(), "The books were never "
                        + "revalued at the end of " + YearMonth.from(missed) + ", which comes first: " + refused.getMessage());
            }
        }
        return revalueOn(client, functional, asOf);
    }

    /**
     * Revaluations of a book follow each other in date order. A later revaluation stated each
     * foreign balance at its own day's rate, from the functional values before it; revaluing an
     * earlier day now would move those values again and leave the later day stated at neither rate.
     * So an earlier day is refused until the later revaluations are reversed, rather than re-running
     * them: the ledger is append-only, and restating a month end the client may have reported is the
     * accountant's decision, not a side effect.
     */
    private void refuseBeforeALaterRevaluation(UUID client, LocalDate asOf) {
        journal.latestRevaluationAfter(client, asOf).ifPresent(later -> {
            throw new BusinessRuleViolation(409, "later-revaluation", "date", "The books were already revalued at "
                    + later.date() + " (entry " + later.id() + "), after " + asOf + "; revaluing " + asOf
                    + " now would partly undo that revaluation. Reverse the revaluations after " + asOf + " first.");
        });
    }

    private Optional<Posted> earlier(UUID client, LocalDate asOf) {
        return journal.replay(client, journal.revaluationKey(client, asOf))
                .filter(first -> first.entry().source() == EntrySource.REVALUATION);
    }

    /**
     * The month ends before {@code asOf}, after the books' first foreign-currency movement and after
     * their latest month-end revaluation that stands, that were not revalued (or whose revaluation was
     * reversed) and whose month is not closed.
     */
    private List<LocalDate> missedMonthEnds(UUID client, Currency functional, LocalDate asOf) {
        Optional<LocalDate> first = balances.firstDayIn(client, functional.getCurrencyCode());
        if (first.isEmpty()) {
            return List.of();
        }
        List<LocalDate> monthEnds = new ArrayList<>();
        for (YearMonth month = YearMonth.from(first.get()); month.atEndOfMonth().isBefore(asOf); month = month.plusMonths(1)) {
            monthEnds.add(month.atEndOfMonth());
        }
        if (monthEnds.isEmpty()) {
            return List.of();
        }
        Set<LocalDate> done = journal.revaluedDays(client, monthEnds);
        List<LocalDate> missed = new ArrayList<>();
        for (LocalDate monthEnd : monthEnds) {
            if (done.contains(monthEnd)) {
                missed.clear();
            } else if (periods.status(client, YearMonth.from(monthEnd)) != PeriodStatus.CLOSED) {
                missed.add(monthEnd);
            }
        }
        return missed;
    }

    /**
     * The revaluation of one day. It is an adjusting entry, the accountant's month-end adjustment,
     * so it also posts into a soft-closed month (which only adjusting entries may), not into a closed one.
     */
    private Optional<Posted> revalueOn(UUID client, Currency functional, LocalDate asOf) {
        Optional<Posted> earlier = earlier(client, asOf);
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
                EntrySource.REVALUATION, journal.revaluationKey(client, asOf), true, null, lines));
        if (!posted.replayed()) {
            audit.record(client, "ledger.revalued", "entry", posted.entry().id(), null, asOf);
        }
        return Optional.of(posted);
    }

    /**
     * At the start of each month, every client's books are revalued at the end of the month before, the month as the
     * client counts it: at 01:00 UTC on the 1st a client in Honolulu is still in the last day of the month, so that
     * month is not over for it yet. The job runs on the 1st and again on the 2nd, when every zone has reached the 1st;
     * every node may run it, and the revaluation's key makes a second run a no-op. A client whose month end the run a
     * day earlier already tried and was refused is tried again, but its accountant was warned then: the repeat is
     * only noted.
     */
    @Scheduled(cron = "${openbpo.ledger.revaluation-cron:0 0 1 1,2 * *}", zone = "UTC")
    public void monthEnd() {
        Instant now = clock.instant();
        Instant dayBefore = now.minus(Duration.ofDays(1));
        revalueEach(client -> monthEndBefore(clients.dayAt(client, now)),
                client -> monthEndBefore(clients.dayAt(client, dayBefore)).equals(monthEndBefore(clients.dayAt(client, now))));
    }

    private static LocalDate monthEndBefore(LocalDate day) {
        return day.withDayOfMonth(1).minusDays(1);
    }

    /** The job: revalues every client's books at a day, each client in its own transaction. */
    public int revalueAll(LocalDate asOf) {
        return revalueEach(client -> asOf, client -> false);
    }

    private int revalueEach(Function<UUID, LocalDate> dayOf, Predicate<UUID> triedADayEarlier) {
        List<UUID> clientIds = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> charts.clientsWithBooks()));
        int posted = 0;
        for (UUID client : clientIds == null ? List.<UUID>of() : clientIds) {
            try {
                Optional<Posted> result = TenantScope.call(AllowedClients.only(client), () -> transactions.execute(tx ->
                        revalue(client, dayOf.apply(client))));
                posted += result != null && result.isPresent() && !result.get().replayed() ? 1 : 0;
            } catch (BusinessRuleViolation refused) {
                // A client without the day's rate (or a missed month's), or with its month closed, waits for its
                // accountant; the next run revalues the months it missed first.
                if (TenantScope.call(AllowedClients.only(client), () -> triedADayEarlier.test(client))) {
                    LOG.info("Revaluation of client {} refused again, as a day earlier: {}", client, refused.getMessage());
                } else {
                    LOG.warn("Revaluation of client {} refused: {}", client, refused.getMessage());
                }
            }
        }
        return posted;
    }
}
