package org.openbpo.work;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.work.persistence.CompletionFeedRows;
import org.openbpo.work.persistence.CompletionFeedRows.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hands completed work to its consumers ({@link CompletedWorkConsumer}) in batches. A completion
 * is written to the feed once per consumer in the transaction that completes the item; this
 * node's feed thread wakes when that transaction commits, and every node looks at the feed
 * every {@code openbpo.feed.poll-interval} milliseconds for what other nodes wrote, and every
 * {@code openbpo.feed.full-read-interval} milliseconds from its first row for what lies behind
 * (see {@link #drain(boolean)}).
 * A batch the consumer fails on is taken again one completion at a time, so one bad completion
 * is put aside with its reason (retried later, with a growing pause) without holding up the rest.
 */
@Component
class CompletionFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompletionFeed.class);
    private static final int MAX_BACKOFF_SECONDS = 3600;

    private final CompletionFeedRows rows;
    private final ObjectProvider<CompletedWorkConsumer> consumerBeans;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final long pollMillis;
    private final long fullReadNanos;
    private final long gatherNanos;
    private final Semaphore wake = new Semaphore(0);
    /** Per consumer, the seq after the last completion this node took: where a take woken by a commit starts. */
    private final Map<String, Long> takenUpTo = new ConcurrentHashMap<>();
    private long lastFullRead;
    /** Looked up on first use, both at once, so that a caller on another thread never sees one without the other. */
    private volatile @Nullable Consumers consumers;
    private volatile boolean running;
    private Thread worker;

    CompletionFeed(CompletionFeedRows rows, ObjectProvider<CompletedWorkConsumer> consumerBeans,
                   TransactionTemplate transactions, Clock clock,
                   @Value("${openbpo.feed.batch-size:200}") int batchSize,
                   @Value("${openbpo.feed.poll-interval:500}") long pollMillis,
                   @Value("${openbpo.feed.full-read-interval:5000}") long fullReadMillis,
                   @Value("${openbpo.feed.gather:100}") long gatherMillis) {
        this.rows = rows;
        this.consumerBeans = consumerBeans;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
        this.pollMillis = pollMillis;
        this.fullReadNanos = TimeUnit.MILLISECONDS.toNanos(fullReadMillis);
        this.gatherNanos = TimeUnit.MILLISECONDS.toNanos(gatherMillis);
    }

    /** The consumers a completion is kept for (see {@link CompletedWorkConsumer#consumerName()}). */
    String[] consumerNames() {
        return consumersAndNames().names().clone();
    }

    /** Wakes the feed once the caller's transaction commits, for the completions it wrote. */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        }
    }

    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * Hands over everything due now, on the caller's thread, until the feed is empty for every
     * consumer; returns how many completions were handed over.
     */
    int drain() {
        return drain(true);
    }

    /**
     * {@code fromStart}: read each consumer's completions from the first; otherwise from where this
     * node's last take ended. Completions behind that point (one whose transaction took its seq
     * earlier but committed later, one another node was taking, one put aside until later) are left
     * for the next read from the start, which the feed thread makes every full-read interval (5 s);
     * so a take does not step over the index entries of every completion taken since the last vacuum
     * (it did, ~16 ms a take under load, 14 ms with 70,000 of them) more often than that.
     */
    private int drain(boolean fromStart) {
        int handed = 0;
        boolean more = true;
        while (more) {
            more = false;
            for (CompletedWorkConsumer consumer : consumers()) {
                int taken = drain(consumer, fromStart);
                handed += taken;
                more |= taken == batchSize;
            }
            fromStart = false;
        }
        return handed;
    }

    private int drain(CompletedWorkConsumer consumer, boolean fromStart) {
        String name = consumer.consumerName();
        long from = fromStart ? 0 : takenUpTo.getOrDefault(name, 0L);
        try {
            return TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> {
                List<Pending> batch = rows.take(name, batchSize, clock.instant(), from);
                if (!batch.isEmpty()) {
                    consumer.acceptAll(batch.stream().map(Pending::completed).toList());
                    takenUpTo.merge(name, batch.getLast().seq() + 1, Math::max);
                }
                return batch.size();
            }));
        } catch (RuntimeException batchFailed) {
            log.warn("{} failed on a batch of completed work; taking it one completion at a time",
                    consumer.consumerName(), batchFailed);
            return oneByOne(consumer);
        }
    }

    private int oneByOne(CompletedWorkConsumer consumer) {
        List<Pending> due = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                rows.due(consumer.consumerName(), batchSize, clock.instant())));
        int handed = 0;
        for (Pending pending : due) {
            try {
                handed += TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> {
                    List<Pending> one = rows.takeOne(pending.clientId(), consumer.consumerName(), pending.seq());
                    one.forEach(p -> consumer.accept(p.completed()));
                    return one.size();
                }));
            } catch (RuntimeException failed) {
                log.warn("{} failed on completed work item {} of client {}; put aside to retry later",
                        consumer.consumerName(), pending.completed().itemId(), pending.clientId(), failed);
                String reason = failed.getClass().getSimpleName() + ": " + failed.getMessage();
                TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> rows.failed(
                        pending.clientId(), consumer.consumerName(), pending.seq(),
                        reason.length() > 2000 ? reason.substring(0, 2000) : reason, clock.instant(), MAX_BACKOFF_SECONDS)));
            }
        }
        return handed;
    }

    private record Consumers(List<CompletedWorkConsumer> all, String[] names) {
    }

    private List<CompletedWorkConsumer> consumers() {
        return consumersAndNames().all();
    }

    private Consumers consumersAndNames() {
        Consumers known = consumers;
        if (known == null) {
            List<CompletedWorkConsumer> all = consumerBeans.orderedStream().toList();
            known = new Consumers(all, all.stream().map(CompletedWorkConsumer::consumerName).toArray(String[]::new));
            consumers = known;
        }
        return known;
    }

    /**
     * A commit wakes the feed, but a take starts at least {@code openbpo.feed.gather} milliseconds after the
     * previous one ended, so that the completions of a busy moment are handed over in batches instead of a few at
     * a time: a take, its transaction and a consumer's statements per client cost about the same for one
     * completion as for fifty, and they share the cores with the work being completed.
     */
    private void run() {
        long lastTake = System.nanoTime() - gatherNanos;
        while (running) {
            try {
                if (wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS)) {
                    long early = lastTake + gatherNanos - System.nanoTime();
                    if (early > 0 && running) {
                        TimeUnit.NANOSECONDS.sleep(early);
                    }
                }
                wake.drainPermits();
                if (running) {
                    long now = System.nanoTime();
                    boolean fromStart = now - lastFullRead >= fullReadNanos;
                    if (fromStart) {
                        lastFullRead = now;
                    }
                    drain(fromStart);
                    lastTake = System.nanoTime();
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                log.error("The completion feed could not be read; trying again", unexpected);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        lastFullRead = System.nanoTime() - fullReadNanos;
        worker = Thread.ofPlatform().name("completion-feed").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
