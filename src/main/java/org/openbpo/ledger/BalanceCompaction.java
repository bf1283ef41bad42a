package org.openbpo.ledger;

import org.openbpo.ledger.persistence.BalanceRows;
import org.openbpo.ledger.persistence.ChartRows;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Postings add to one of several balance rows per account and day so that concurrent postings
 * do not queue on one row; once a day is past, those rows are folded into one, so reports read
 * one row per account, currency and day. Any node may run it; the fold is one statement per client.
 */
@Component
public class BalanceCompaction {

    private final BalanceRows balances;
    private final ChartRows charts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BalanceCompaction(BalanceRows balances, ChartRows charts, TransactionTemplate transactions, Clock clock) {
        this.balances = balances;
        this.charts = charts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${openbpo.ledger.compaction-interval:3600000}",
            fixedDelayString = "${openbpo.ledger.compaction-interval:3600000}")
    public void compactAll() {
        // Deliberately UTC, not each client's zone: the days before yesterday's UTC date are over in every zone (none is
        // more than 12 hours behind UTC), so folding them is safe for every client; one far east of UTC just has a day
        // folded a little later than it could be.
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        List<UUID> clients = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> charts.clientsWithBooks()));
        for (UUID client : clients == null ? List.<UUID>of() : clients) {
            compact(client, yesterday);
        }
    }

    /** Folds the client's balance rows of days before {@code before}; returns the rows written. */
    public int compact(UUID client, LocalDate before) {
        Integer folded = TenantScope.call(AllowedClients.only(client), () -> transactions.execute(tx -> balances.compact(client, before)));
        return folded == null ? 0 : folded;
    }
}
