package org.openbpo.work.bench;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Latencies;
import org.openbpo.shared.database.GenericPlans;
import org.openbpo.work.Routing;
import org.openbpo.work.WorkItem;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

import java.util.Set;

/**
 * Get next, timed in its three parts: the transaction's start (a pooled connection and the tenant
 * setting's round trip), the claim in the engine ({@link Routing#next}, which joins the transaction
 * as it would join a request's), and the commit (the wait for the write-ahead log to reach disk).
 * The transaction is the one {@code Routing.next} starts on its own, labelled for generic plans.
 */
final class GetNextPhases {

    private final PlatformTransactionManager transactionManager;
    private final Routing routing;
    private final DefaultTransactionAttribute definition = new DefaultTransactionAttribute();
    private final Latencies start = new Latencies("get-next part: transaction start");
    private final Latencies claim = new Latencies("get-next part: claim");
    private final Latencies commit = new Latencies("get-next part: commit");

    GetNextPhases(PlatformTransactionManager transactionManager, Routing routing) {
        this.transactionManager = transactionManager;
        this.routing = routing;
        definition.setLabels(Set.of(GenericPlans.LABEL));
    }

    @Nullable WorkItem next(AgentDesk desk) throws Exception {
        return desk.call(() -> {
            long asked = System.nanoTime();
            TransactionStatus transaction = transactionManager.getTransaction(definition);
            long started = System.nanoTime();
            WorkItem item;
            try {
                item = routing.next(desk.agent()).orElse(null);
            } catch (RuntimeException | Error failed) {
                transactionManager.rollback(transaction);
                throw failed;
            }
            long claimed = System.nanoTime();
            transactionManager.commit(transaction);
            start.record(started - asked);
            claim.record(claimed - started);
            commit.record(System.nanoTime() - claimed);
            return item;
        });
    }

    BenchReport addTo(BenchReport report) {
        start.addTo(report);
        claim.addTo(report);
        return commit.addTo(report);
    }
}
